#!/usr/bin/env bash
# Checks every way the chat is delivered.
#
# Kubernetes, offline (no cluster, no Docker engine needed):
#   - the Helm charts: `helm lint --strict`, rendering with default and production values,
#     assertions on the rendered objects (JUnit with helm-java, HelmChartsTest);
#   - every rendered object against the Kubernetes API schemas (kubernetes-models);
#   - the Tiltfile's syntax (buildifier), and that every file it names exists;
#   - the alert rules: `promtool check rules`, and `promtool test rules` (helm/monitoring-tests)
#     with a case for every alert.
#
# The server, each way README.adoc offers it, started here on the test stack and smoke-tested
# (DeployedServerIT: web app, MP-JWT challenge, refused tokens logged redacted, a post received
# over the WebSocket and found in history; then nothing token-shaped in the server's logs):
#   - the runnable archive, `java -jar backend/target/chatapp-server.jar`;
#   - the WAR in an existing Open Liberty: a fresh server of the runtime, set up by the steps of
#     README's "Into an existing Open Liberty", literally; first without the keystore password
#     its server.env holds, where MP-JWT cannot work and the log must say so (MpJwtInactiveIT);
#   - the image's server: the Dockerfile's COPY and ENV lines applied to a server of the runtime.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"

mvn -B -q -pl backend -am test -Dtest=HelmChartsTest -Dsurefire.failIfNoSpecifiedTests=false -Dfrontend.skip=true -Djacoco.skip=true

(cd tools/k8s-check && npm ci --no-audit --no-fund --prefer-offline > /dev/null && node validate-manifests.mjs "$repo/backend/target/helm-rendered")

tools/k8s-check/node_modules/.bin/buildifier --mode=check --lint=warn Tiltfile
# Every source file the Tiltfile names exists (build output under target/ is made by its builds).
missing=0 named=0
for path in $(grep -oE "[\"'](helm|dex|scripts|frontend|backend|tools|extensions)/[^\"' ]*[\"']|[\"'](Dockerfile|pom.xml)[\"']" Tiltfile \
    | tr -d "\"'" | grep -v '/target/' | sort -u); do
  named=$((named + 1))
  if [ ! -e "$path" ]; then
    echo "Tiltfile names $path, which does not exist"
    missing=$((missing + 1))
  fi
done
[ "$missing" -eq 0 ] || exit 1
[ "$named" -ge 10 ] || { echo "Tiltfile: found only $named file names in it; the check would prove nothing" >&2; exit 1; }
echo "Tiltfile: syntax and lint clean, all $named files it names exist"

# --- Monitoring: the alert rules, checked and unit-tested by Prometheus's own promtool -----------
source scripts/lib/debian.sh
debian_install /usr/bin/promtool prometheus
promtool check rules helm/chatapp-backend/files/prometheus-rules.yaml
(cd helm/monitoring-tests && promtool test rules alerts.test.yaml)

# --- The server, each way it is delivered -------------------------------------------------------

log() { echo "[deploy] $*"; }

# The broker also listens with TLS and SASL/PLAIN, as a production cluster would.
export KAFKA_SECURE_PORT=${TEST_KAFKA_SECURE_PORT:-19094}
source scripts/lib/test-stack.sh
source scripts/lib/log-check.sh
work=$repo/target/deploy
rm -rf "$work"
mkdir -p "$work"

log "building the WAR, the user feature and the runnable archive"
mvn -B -q -pl extensions/token-redaction,tools/chat-client,backend -Pserver-package package -DskipTests

# The settings README's "Configuration" names, pointing at the test stack.
issuer=http://localhost:$OIDC_PORT/dex
server_settings() { # instance id
  cat <<ENV
HTTP_PORT=$TEST_HTTP_PORT
HTTPS_PORT=$TEST_HTTPS_PORT
MP_JWT_VERIFY_ISSUER=$issuer
MP_JWT_VERIFY_PUBLICKEY_LOCATION=$issuer/jwks
MP_MESSAGING_CONNECTOR_LIBERTY_KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT
CHAT_MONGODB_URI=mongodb://127.0.0.1:$MONGO_PORT/?serverSelectionTimeoutMS=3000&connectTimeoutMS=2000
CHAT_WEBSOCKET_ALLOWED_ORIGINS=http://localhost:$TEST_HTTP_PORT
CHAT_INSTANCE_ID=$1
ENV
}

wait_until_started() { # name pid
  local i
  for ((i = 0; i < 180; i++)); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://localhost:$TEST_HTTP_PORT/health/started")" = 200 ] && return 0
    kill -0 "$2" 2>/dev/null || { log "$1 exited while starting"; return 1; }
    sleep 1
  done
  log "$1 did not start within 180 s"
  return 1
}

run_smoke() { # path-name logs-folder test-class [console output, when it is JSON]
  log "$1: $3"
  mvn -B -q -pl backend -am -Pdeploy -Dfrontend.skip=true -Djacoco.skip=true test-compile failsafe:integration-test failsafe:verify \
    -Dit.test="$3" -Dfailsafe.failIfNoSpecifiedTests=false -Ddeploy.path="$1" -Ddeploy.logs="$2" -Ddeploy.console="${4:-}" \
    -Ddeploy.http.port=$TEST_HTTP_PORT -Dit.oidc.issuer="$issuer"
  check_no_token_in_logs "$2"
}

stop_pid() { # pid: SIGTERM, as a container runtime stops it; wait for it to go
  local i
  kill "$1" 2>/dev/null || return 0
  for ((i = 0; i < 60; i++)); do
    kill -0 "$1" 2>/dev/null || return 0
    sleep 1
  done
  kill -9 "$1" 2>/dev/null || true
}

# Path 1: the runnable archive, with nothing but java -jar and the environment; its console
# JSON, as the Helm chart has it, and Kafka reached over TLS with SASL/PLAIN, by every client
# (the channels, and the readiness check's own).
log "runnable archive: java -jar backend/target/chatapp-server.jar, Kafka over SASL_SSL"
extract=$work/runnable
(
  while IFS= read -r setting; do export "${setting?}"; done < <(server_settings deploy-runnable; cat "$CHATAPP_HOME/kafka/tls/client.env")
  export WLP_JAR_EXTRACT_DIR=$extract WLP_LOGGING_CONSOLE_FORMAT=json WLP_LOGGING_CONSOLE_SOURCE=message,accessLog,ffdc
  exec java -jar backend/target/chatapp-server.jar > "$work/runnable.out" 2>&1
) &
runnable_pid=$!
test_stack_cleanups+=("stop_pid $runnable_pid")
wait_until_started "the runnable archive" "$runnable_pid" || { tail -40 "$work/runnable.out"; exit 1; }
run_smoke runnable-jar "$(echo "$extract"/wlp/usr/servers/*/logs)" DeployedServerIT "$work/runnable.out"
stop_pid "$runnable_pid"

# A fresh Open Liberty from the runtime the build uses.
runtime_zip=$(find ~/.m2/repository/io/openliberty/openliberty-runtime -name "openliberty-runtime-$(
  sed -n 's:.*<liberty.runtime.version>\(.*\)</liberty.runtime.version>.*:\1:p' backend/pom.xml).zip" | head -1)
[ -f "$runtime_zip" ] || { log "no Open Liberty runtime zip in the Maven repository"; exit 1; }
unzip -q "$runtime_zip" -d "$work"
wlp=$work/wlp

start_server() { # server-name
  "$wlp/bin/server" start "$1" > /dev/null
  test_stack_cleanups+=("$wlp/bin/server stop $1")
  wait_until_started "server $1" "$(cat "$wlp/usr/servers/.pid/$1.pid")" \
    || { tail -40 "$wlp/usr/servers/$1/logs/messages.log"; return 1; }
}

# Path 2: README's "Into an existing Open Liberty", step by step.
log "an existing Open Liberty: README's steps"
existing=$wlp/usr/servers/existing
"$wlp/bin/server" create existing > /dev/null
# The server's own ports (`server create` wrote 9080 and 9443): the test's.
sed -i -e "s/httpPort=\"9080\"/httpPort=\"$TEST_HTTP_PORT\"/" -e "s/httpsPort=\"9443\"/httpsPort=\"$TEST_HTTPS_PORT\"/" "$existing/server.xml"
grep -q "httpPort=\"$TEST_HTTP_PORT\"" "$existing/server.xml" || { log "cannot set the port of the server create made"; exit 1; }
# 1. Our user feature into the runtime's product extensions.
mkdir -p "$wlp/usr/extension"
cp -R extensions/token-redaction/target/extension/. "$wlp/usr/extension/"
# 2. The WAR into the server's apps folder.
cp backend/target/chatapp.war "$existing/apps/"
# 3. The features our server.xml lists, in the server's featureManager.
features=$(sed -n '/<featureManager>/,/<\/featureManager>/p' backend/src/main/liberty/config/server.xml | grep '<feature>')
[ "$(grep -c . <<< "$features")" -ge 10 ] || { log "found too few features in server.xml"; exit 1; }
awk -v features="$features" '
  /<featureManager>/ { print; print features; skipping = 1; next }
  /<\/featureManager>/ { skipping = 0 }
  !skipping' "$existing/server.xml" > "$existing/server.xml.new"
mv "$existing/server.xml.new" "$existing/server.xml"
# 4. Our application configuration as a drop-in.
mkdir -p "$existing/configDropins/overrides"
cp backend/src/main/liberty/config/chatapp.xml "$existing/configDropins/overrides/"
# 5. The settings, in server.env beside the keystore password `server create` wrote there.
grep -q '^keystore_password=' "$existing/server.env" || { log "server create wrote no keystore_password"; exit 1; }
cp "$existing/server.env" "$work/existing.server.env"

# First as a server that lost its keystore password (as when a tool rewrites server.env): MP-JWT
# cannot become active, and the log must say so.
server_settings deploy-existing > "$existing/server.env"
start_server existing
run_smoke existing-liberty-without-keystore "$existing/logs" MpJwtInactiveIT
"$wlp/bin/server" stop existing > /dev/null

# `server create` ends the password's line without a line break: the settings start on a line of their own.
{ sed -e '$a\' "$work/existing.server.env"; server_settings deploy-existing; } > "$existing/server.env"
grep -q "^HTTP_PORT=$TEST_HTTP_PORT\$" "$existing/server.env" || { log "server.env lost the settings' first line"; exit 1; }
rm -rf "$existing/logs"
start_server existing
run_smoke existing-liberty "$existing/logs" DeployedServerIT
"$wlp/bin/server" stop existing > /dev/null

# Path 3: the image's server. The base image's server is defaultServer, made by `server create`,
# with /config its folder and /opt/ol/wlp the runtime; the Dockerfile's COPY and ENV lines are
# applied to it as written (the port is the test's, as the Helm chart sets its own).
log "the image's server: the Dockerfile's COPY and ENV lines"
image=$wlp/usr/servers/defaultServer
"$wlp/bin/server" create defaultServer > /dev/null
rm "$image/server.xml"
copies=0
while read -r source target; do
  case "$target" in
    /config/*) target=$image/${target#/config/} ;;
    /opt/ol/wlp/*) target=$wlp/${target#/opt/ol/wlp/} ;;
    *) log "Dockerfile copies to $target, which this check does not know"; exit 1 ;;
  esac
  if [ -d "$source" ]; then
    mkdir -p "$target" && cp -R "$source/." "$target"
  else
    mkdir -p "$(dirname "$target")" && cp "$source" "$target"
  fi
  copies=$((copies + 1))
done < <(sed -n 's/^COPY \(--[^ ]* \)*\([^ ]*\) \([^ ]*\)$/\2 \3/p' Dockerfile)
[ "$copies" -ge 3 ] || { log "found only $copies COPY lines in the Dockerfile"; exit 1; }
{
  sed -n 's/^ENV \([A-Za-z_]*\)=\(.*\)$/\1=\2/p' Dockerfile
  server_settings deploy-image
} >> "$image/server.env"
start_server defaultServer
run_smoke image-server "$image/logs" DeployedServerIT
"$wlp/bin/server" stop defaultServer > /dev/null

log "all ways of deploying the server passed"
