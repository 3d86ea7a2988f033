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
#   OIDC_PORT (5556)
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
home=${CHATAPP_HOME:-$repo/.chatapp}
kafka_port=${KAFKA_PORT:-9092}
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

start_kafka() {
  local cp=$1 dir=$home/kafka
  mkdir -p "$dir"
  cat > "$dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$controller_port
listeners=PLAINTEXT://127.0.0.1:$kafka_port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$kafka_port
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
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
  log "kafka      127.0.0.1:$kafka_port (topics chat-messages, chat-messages-dlq, chat-signals)"
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
