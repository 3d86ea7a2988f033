#!/usr/bin/env bash
# Starts and stops the local stand-ins for the production dependencies, on loopback:
#   - a real Apache Kafka broker in KRaft mode (topics created before anything uses them),
#   - a MongoDB-wire-compatible store (H2 file, or memory for tests),
#   - a development OIDC issuer at http://localhost:$OIDC_PORT/dex (users alice, bob, or any name).
# Every process is tracked by the process id it was started with and stopped by it.
#
# usage: scripts/devstack.sh start|stop|status
#   start starts what is not running (so it also brings back a process that died), then waits
#   until each answers.
# settings (environment): CHATAPP_HOME (data and logs; delete it to reset, default .chatapp),
#   KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (9093), MONGO_PORT (27017), MONGO_BACKEND (h2|memory),
#   OIDC_PORT (5556), KAFKA_SECURE_PORT (none: when set, the broker also listens there with TLS
#   and SASL/PLAIN, as a production cluster would, and writes what a client needs to get in to
#   $CHATAPP_HOME/kafka/tls/client.env: the connector's settings as environment variables)
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
home=${CHATAPP_HOME:-$repo/.chatapp}
kafka_port=${KAFKA_PORT:-9092}
secure_port=${KAFKA_SECURE_PORT:-}
controller_port=${KAFKA_CONTROLLER_PORT:-9093}
mongo_port=${MONGO_PORT:-27017}
mongo_backend=${MONGO_BACKEND:-h2}
oidc_port=${OIDC_PORT:-5556}
devstack=$repo/tools/devstack
java=${JAVA:-java}

log() { echo "[devstack] $*"; }

# The tools' classpath, written by the build (mvn package builds every module; this builds the
# dev stack's alone if it never was built).
classpath() {
  local cp=$devstack/target/classpath.txt
  if [ ! -f "$cp" ] || [ ! -d "$devstack/target/classes" ]; then
    log "building the dev stack tools" >&2
    mvn -q -B -f "$repo/pom.xml" -pl tools/devstack package -DskipTests >&2
  fi
  echo "$(tr -d '\n' < "$cp"):$devstack/target/classes"
}

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for_port() { # name port pidfile seconds
  local i
  for ((i = 0; i < $4 * 5; i++)); do
    port_open "$2" && return 0
    pid_alive "$3" || { log "$1 exited; see $home/logs/$1.log"; tail -20 "$home/logs/$1.log" >&2; return 1; }
    sleep 0.2
  done
  log "$1 did not open port $2 within $4 s; see $home/logs/$1.log"
  return 1
}

start_process() { # name command...
  local name=$1; shift
  local pidfile=$home/pids/$name.pid
  if pid_alive "$pidfile"; then
    return 0
  fi
  nohup "$@" > "$home/logs/$name.log" 2>&1 < /dev/null &
  echo $! > "$pidfile"
}

# A key pair for the broker (its certificate is the clients' trust), a password for the user
# "chat", and the broker's settings for a SASL_SSL listener on $secure_port.
secure_listener() { # dir
  local tls=$1/tls secret
  mkdir -p "$tls"
  if [ ! -f "$tls/secrets" ]; then
    printf 'store=%s\nchat=%s\n' "$(head -c 18 /dev/urandom | base64 | tr -d '/+=')" "$(head -c 18 /dev/urandom | base64 | tr -d '/+=')" > "$tls/secrets"
    chmod 600 "$tls/secrets"
  fi
  local store chat
  store=$(sed -n 's/^store=//p' "$tls/secrets")
  chat=$(sed -n 's/^chat=//p' "$tls/secrets")
  if [ ! -f "$tls/broker.p12" ]; then
    keytool -genkeypair -alias broker -keyalg EC -groupname secp256r1 -validity 30 -dname CN=localhost \
      -ext SAN=dns:localhost,ip:127.0.0.1 -keystore "$tls/broker.p12" -storetype PKCS12 -storepass "$store" > /dev/null 2>&1
    keytool -exportcert -rfc -alias broker -keystore "$tls/broker.p12" -storepass "$store" -file "$tls/ca.pem" > /dev/null 2>&1
  fi
  cat > "$tls/client.env" <<ENV
MP_MESSAGING_CONNECTOR_LIBERTY_KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$secure_port
MP_MESSAGING_CONNECTOR_LIBERTY_KAFKA_SECURITY_PROTOCOL=SASL_SSL
MP_MESSAGING_CONNECTOR_LIBERTY_KAFKA_SASL_MECHANISM=PLAIN
MP_MESSAGING_CONNECTOR_LIBERTY_KAFKA_SASL_JAAS_CONFIG=org.apache.kafka.common.security.plain.PlainLoginModule required username="chat" password="$chat";
MP_MESSAGING_CONNECTOR_LIBERTY_KAFKA_SSL_TRUSTSTORE_TYPE=PEM
MP_MESSAGING_CONNECTOR_LIBERTY_KAFKA_SSL_TRUSTSTORE_LOCATION=$tls/ca.pem
ENV
  cat <<PROPS
listener.name.sasl_ssl.sasl.enabled.mechanisms=PLAIN
listener.name.sasl_ssl.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required user_chat="$chat";
listener.name.sasl_ssl.ssl.keystore.location=$tls/broker.p12
listener.name.sasl_ssl.ssl.keystore.type=PKCS12
listener.name.sasl_ssl.ssl.keystore.password=$store
PROPS
}

start_kafka() {
  local cp=$1 dir=$home/kafka listeners protocols secure=""
  mkdir -p "$dir"
  listeners=PLAINTEXT://127.0.0.1:$kafka_port
  protocols=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
  if [ -n "$secure_port" ]; then
    listeners+=,SASL_SSL://127.0.0.1:$secure_port
    protocols+=,SASL_SSL:SASL_SSL
    secure=$(secure_listener "$dir")
  fi
  cat > "$dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$controller_port
listeners=$listeners,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=$listeners
controller.listener.names=CONTROLLER
listener.security.protocol.map=$protocols
inter.broker.listener.name=PLAINTEXT
$secure
log.dirs=$dir/data
num.partitions=3
offsets.topic.replication.factor=1
offsets.topic.num.partitions=3
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
PROPS
  if [ ! -f "$dir/data/meta.properties" ]; then
    "$java" -cp "$cp" kafka.tools.StorageTool format --standalone \
      -t "$("$java" -cp "$cp" kafka.tools.StorageTool random-uuid)" -c "$dir/server.properties" \
      > "$home/logs/kafka-format.log" 2>&1
  fi
  start_process kafka "$java" -Xms256m -Xmx512m -cp "$cp" kafka.Kafka "$dir/server.properties"
  wait_for_port kafka "$kafka_port" "$home/pids/kafka.pid" 90
  "$java" -cp "$cp" io.chatapp.devstack.CreateTopics "127.0.0.1:$kafka_port" chat-messages:3 chat-messages-dlq:1 chat-signals:3:60000 \
    >> "$home/logs/kafka.log" 2>&1
  [ -z "$secure_port" ] || wait_for_port kafka "$secure_port" "$home/pids/kafka.pid" 30
  log "kafka      127.0.0.1:$kafka_port (topics chat-messages, chat-messages-dlq, chat-signals)${secure_port:+, SASL_SSL on 127.0.0.1:$secure_port}"
}

start_mongo() {
  local cp=$1 store=memory
  [ "$mongo_backend" = memory ] || store=$home/mongo/chat.mv
  start_process mongo "$java" -Xmx256m -cp "$cp" io.chatapp.devstack.MongoWireServer "$mongo_port" "$store"
  wait_for_port mongo "$mongo_port" "$home/pids/mongo.pid" 60
  log "mongo-wire mongodb://127.0.0.1:$mongo_port ($mongo_backend)"
}

start_oidc() {
  local cp=$1
  SERVER_HOSTNAME=127.0.0.1 SERVER_PORT=$oidc_port JSON_CONFIG_PATH=$devstack/config/oidc-issuer.json \
    start_process oidc "$java" -Xmx256m -cp "$cp" no.nav.security.mock.oauth2.StandaloneMockOAuth2ServerKt
  wait_for_port oidc "$oidc_port" "$home/pids/oidc.pid" 60
  log "oidc       http://localhost:$oidc_port/dex (users alice, bob, or any name)"
}

stop_process() { # name
  local pidfile=$home/pids/$1.pid pid i
  [ -f "$pidfile" ] || return 0
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 150; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    if kill -0 "$pid" 2>/dev/null; then
      log "$1 (pid $pid) ignored TERM for 30 s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    log "stopped $1 (pid $pid)"
  fi
  rm -f "$pidfile"
}

case "${1:-}" in
  start)
    mkdir -p "$home/logs" "$home/pids"
    cp=$(classpath)
    # On any failure, stop what this call started rather than leave it running.
    trap 'log "start failed; stopping"; for p in oidc mongo kafka; do stop_process $p; done' ERR
    start_kafka "$cp"
    start_mongo "$cp"
    start_oidc "$cp"
    trap - ERR
    ;;
  stop)
    for p in oidc mongo kafka; do stop_process "$p"; done
    ;;
  status)
    for p in kafka mongo oidc; do
      if pid_alive "$home/pids/$p.pid"; then echo "$p running (pid $(cat "$home/pids/$p.pid"))"; else echo "$p stopped"; fi
    done
    ;;
  *)
    echo "usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
