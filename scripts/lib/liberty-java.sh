# Sourced by the scripts that start Open Liberty: which Java it runs on, and its ahead-of-time cache.
#
# On Java 25 or later, the JVM keeps what a run loaded, linked and profiled of the JDK's classes
# in an AOT cache, and a later start reuses it: the server starts sooner, and in most runs was at
# full speed sooner after it was ready (docs/benchmarks.adoc, "Java 25 and its AOT cache"). The first start
# without a cache records one; it is written when that server stops. Without a Java 25, Liberty
# runs on the default Java as before.
#
# settings (environment): LIBERTY_JAVA_HOME: the Java to run Liberty on (default: the newest JDK
#   of 25 or later among $JAVA_HOME and /usr/lib/jvm, else $JAVA_HOME, else the java on the PATH).

# Stops a server and waits until its JVM has ended. A server recording the AOT cache writes it
# after Liberty has stopped, which took 30 s on two busy cores: longer than the stop command
# waits by default, and it then reports the server as not running while the JVM still writes.
stop_liberty() { # server-command name
  "$1" stop "$2" --timeout=3m > /dev/null
}

# The major version of the JDK in $1, from its release file; 0 when it is not one.
java_major_version() { # jdk
  local version
  version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null)
  echo "${version:-0}"
}

# The JDK Liberty should run on.
liberty_java_home() {
  if [ -n "${LIBERTY_JAVA_HOME:-}" ]; then
    echo "$LIBERTY_JAVA_HOME"
    return
  fi
  local jdk best= best_version=24
  for jdk in ${JAVA_HOME:-} /usr/lib/jvm/*; do
    local version
    version=$(java_major_version "$jdk")
    if [ "$version" -gt "$best_version" ]; then
      best=$jdk best_version=$version
    fi
  done
  if [ -z "$best" ]; then
    best=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
  fi
  echo "$best"
}

# Sets LIBERTY_JAVA (the JDK), LIBERTY_AOT_CACHE (the cache file, used or recorded; empty before
# Java 25), LIBERTY_JAVA_MAVEN_ARGS (for liberty:create and liberty:start) and LIBERTY_JAVA_SUMMARY
# (a line for people). $1 is the directory the AOT cache is kept in.
liberty_java() { # cache-dir
  local version
  LIBERTY_JAVA=$(liberty_java_home)
  LIBERTY_AOT_CACHE=
  version=$(java_major_version "$LIBERTY_JAVA")
  # Always named: server.env keeps what an earlier start wrote there unless it is replaced.
  LIBERTY_JAVA_MAVEN_ARGS=(-Dliberty.env.JAVA_HOME="$LIBERTY_JAVA")
  LIBERTY_JAVA_SUMMARY="Java $version ($LIBERTY_JAVA)"
  [ "$version" -ge 25 ] || return 0
  mkdir -p "$1"
  # One cache per JDK build: a cache from another build would be refused anyway.
  LIBERTY_AOT_CACHE=$1/liberty-$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"/\1/p' "$LIBERTY_JAVA/release").aot
  if [ -s "$LIBERTY_AOT_CACHE" ]; then
    LIBERTY_JAVA_MAVEN_ARGS+=(-Dliberty.jvm.aotCache=-XX:AOTCache="$LIBERTY_AOT_CACHE")
    LIBERTY_JAVA_SUMMARY+=", with the AOT cache $LIBERTY_AOT_CACHE"
  else
    LIBERTY_JAVA_MAVEN_ARGS+=(-Dliberty.jvm.aotCache=-XX:AOTCacheOutput="$LIBERTY_AOT_CACHE")
    LIBERTY_JAVA_SUMMARY+=", recording the AOT cache $LIBERTY_AOT_CACHE (written when the server stops)"
  fi
}
