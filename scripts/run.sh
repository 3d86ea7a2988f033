#!/usr/bin/env bash
# Runs the whole application on this machine, with no Kubernetes and no Docker: the dev stack
# (a real Kafka broker, the Mongo-wire store, the development OIDC issuer) and Open Liberty.
# Ctrl+C stops all of it. Data and logs of the dev stack live in .chatapp/ (delete it to reset).
# Liberty runs on Java 25 where there is one, with its AOT cache in .chatapp/aot/ (see
# scripts/lib/liberty-java.sh; LIBERTY_JAVA_HOME chooses another Java).
#
# usage: scripts/run.sh          build, start, print the addresses, wait for Ctrl+C
#        scripts/run.sh --dev    the same with Liberty dev mode: code changes go live at once
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"

mode=${1:-}
case "$mode" in
  ""|--dev) ;;
  *) echo "usage: $0 [--dev]" >&2; exit 2 ;;
esac

server=$repo/backend/target/liberty/wlp/bin/server
source scripts/lib/liberty-java.sh
liberty_started=

stop_all() {
  trap - INT TERM EXIT
  echo
  if [ -n "$liberty_started" ] && [ -x "$server" ]; then
    echo "[run] stopping Open Liberty"
    stop_liberty "$server" chatServer 2> /dev/null || true
  fi
  scripts/devstack.sh stop
}
trap 'stop_all; exit 130' INT TERM
trap stop_all EXIT

scripts/devstack.sh start

if [ "$mode" = --dev ]; then
  # Dev mode reads commands from the terminal; it stops the server when it ends. The web app
  # and the token-redaction user feature are built first, as a plain build does. Dev mode runs
  # on the backend alone and resolves the tests' chat client (and its parent) from ~/.m2.
  mvn -q -B -pl extensions/token-redaction,tools/chat-client,backend package -DskipTests
  mvn -q -B -pl .,tools/chat-client install -DskipTests
  # The same Java as a plain run, without the AOT cache: dev mode restarts the application often.
  mvn -B -pl backend -Dliberty.env.JAVA_HOME="$(liberty_java_home)" liberty:dev -DskipInstallFeature=true -DskipTests
  exit 0
fi

liberty_java "${CHATAPP_HOME:-$repo/.chatapp}/aot"
echo "[run] building and starting Open Liberty (the first build downloads the runtime) on $LIBERTY_JAVA_SUMMARY"
mvn -q -B -pl extensions/token-redaction,tools/chat-client,backend package -DskipTests
mvn -q -B -pl backend "${LIBERTY_JAVA_MAVEN_ARGS[@]}" liberty:create liberty:deploy
liberty_started=1
mvn -q -B -pl backend "${LIBERTY_JAVA_MAVEN_ARGS[@]}" liberty:start

cat <<INFO

  Chat API      http://localhost:9080/api   (OpenAPI: http://localhost:9080/openapi/ui)
  WebSocket     ws://localhost:9080/ws/chat?ticket=...
  Health        http://localhost:9080/health   Metrics: http://localhost:9080/metrics
  OIDC issuer   http://localhost:5556/dex       (users alice, bob, or any name; any password)
  Kafka         127.0.0.1:9092                  MongoDB: mongodb://127.0.0.1:27017

  Server log    backend/target/liberty/wlp/usr/servers/chatServer/logs/messages.log
  Press Ctrl+C to stop everything.
INFO

# Wait until Ctrl+C, or until the server stops on its own.
while "$server" status chatServer > /dev/null 2>&1; do
  sleep 2
done
echo "[run] Open Liberty stopped"
