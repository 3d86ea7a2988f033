# Sourced by the test scripts: the check that nothing shaped like a token (a JWT's header and
# payload) appears in any file of a server's logs: messages.log, the console, trace.log, FFDC
# reports. The tests send forged tokens too, so the tokens they were issued are not enough to
# look for.
#
# usage: check_no_token_in_logs LOGS-DIR   (prints the files that hold one, and fails)
check_no_token_in_logs() {
  if grep -r -l -E 'eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+' "$1"; then
    echo "[security] the server's logs above contain a token" >&2
    return 1
  fi
}
