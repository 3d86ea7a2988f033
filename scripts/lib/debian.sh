# Sourced by the test scripts: installs a Debian package when the command it provides is missing.
#
# usage: debian_install COMMAND PACKAGE   (COMMAND: a name on the PATH, or an absolute path)
debian_install() {
  command -v "$1" > /dev/null && return 0
  echo "[debian] installing Debian's $2"
  local sudo=; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$2"
}
