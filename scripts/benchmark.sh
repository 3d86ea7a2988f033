#!/usr/bin/env bash
# The full benchmark behind docs/benchmarks.adoc: starts the embedded default on test ports of
# its own (a real Kafka broker, the Mongo-wire store on disk, the OIDC issuer, Open Liberty) and
# measures, in this order:
# - from the moment a fresh instance is ready, its cold start (the coldstart scenario: on Java 25
#   with and without the AOT cache a first instance recorded, when there is a Java 25, then on the
#   default Java without the warm-up before ready, and with it cold and warm; one harness for
#   them all, warmed on a first instance's minute);
# - the load harness's report (the floor, ingest, fan-out, many rooms and ingest over the
#   WebSockets at several rates, then idle connections, with the CPU each process spends per
#   message), its tables and plots written to docs/benchmarks/;
# - ten thousand connections on one instance (connections.txt; its memory as they open,
#   connections.png), then the soak (soak.txt);
# - many rooms and ingest over the sockets on the one instance, then with a second beside it
#   (one-instance.txt, two-instances.txt, instances.png).
# Everything started here is stopped by process id at the end. About two and a half hours: on two
# cores the soak at 2,000 a second takes about 35 minutes, as every post asked for is sent.
#
# usage: scripts/benchmark.sh [harness options]   e.g. --clients 500 --duration PT10S
#   Defaults: --users 1000 --posters 32 --clients 1000 --rooms 100 --room-members 10 --warmup PT60S (so the rooms
#   scenario is 100 rooms of 10 members, one socket each, at --rooms-rates), and the harness's own (scripts/load.sh).
# settings (environment): OUT: where the tables and plots go (docs/benchmarks). PARTS (coldstart report connections
#   soak two): which of the parts above to run, in their order; without the report, the instance is first warmed up
#   for a minute, as the report does. TWO_INSTANCE_ROOMS_RATES (500 1000),
#   TWO_INSTANCE_SOCKET_RATES (2000 3000): the rates measured with two instances. CONNECTIONS (10000): how many
#   connections the one instance is given. SOAK_RATES (2000 250), SOAK_DURATION (PT10M): the soak's rates and length.
#   COLD_START_DURATION (PT180S): how long each cold start is measured from ready. WARMUP (PT60S): the report's
#   warm-up, longer where the report runs without the cold starts before it (the stack's own JVMs are still cold then).
#   COLD_START_CONFIGS ("label|maven args;label|maven args..."): the cold-start part compares these configurations
#   instead, fresh instances of each in turns, COLD_START_ROUNDS (3) times, runs labelled LABEL-ROUND, and prints
#   their first windows (OUT defaults to target/cold-start-compare then); e.g.
#   COLD_START_CONFIGS="now;liberty-pool|-Dliberty.env.EXECUTOR_CORE_THREADS=-1" PARTS=coldstart scripts/benchmark.sh
#   JFR=1 also records the server with Java Flight Recorder into target/benchmark-server.jfr (profile settings), for `jfr print` or JDK Mission Control.
#   SERVER_MAVEN_ARGS: more Maven arguments for the server, to try a setting, e.g.
#   SERVER_MAVEN_ARGS=-Dliberty.env.MP_MESSAGING_OUTGOING_EVENTS_LINGER_MS=5
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
IFS=';' read -r -a compared <<< "${COLD_START_CONFIGS:-}"
for config in "${compared[@]}"; do
  [[ ${config%%|*} =~ ^[A-Za-z0-9_.-]+$ ]] || { echo "[benchmark] a label is one word: '${config%%|*}'" >&2; exit 2; }
done

export MONGO_BACKEND=${MONGO_BACKEND:-h2}  # the embedded default's store, on disk
export TEST_STACK_HOME=$repo/target/benchmark-stack
source scripts/lib/test-stack.sh
server=chatServerBench
read -r -a server_maven_args <<< "${SERVER_MAVEN_ARGS:-}"
# Kafka has run a while, as it has when one instance of a running system starts: what the
# cold start below measures is the instance's, not the broker's own first minute.
scripts/load.sh floor --bootstrap-servers "127.0.0.1:$KAFKA_PORT" --rate 2000 --duration PT30S
out=${OUT:-docs/benchmarks}
# Levers compared are not the report's curves: they go elsewhere unless told.
[ -z "${COLD_START_CONFIGS:-}" ] || out=${OUT:-target/cold-start-compare}
parts=" ${PARTS:-coldstart report connections soak two} "
part() { [[ $parts == *" $1 "* ]]; }

# From the moment a fresh instance is ready: fan-out at 10,000 deliveries a second, window by window
# (cold-start.csv, .adoc and .png). Each user posts on a connection of its own, as users do: with
# fewer posters than that, a cold server's slower answers would hold back the posts not yet sent.
# One harness measures every instance in turn, warmed on the first one's minute (not plotted): a
# harness started with each instance would put its own first seconds on the same two cores into
# the first windows.
cold_start_for=${COLD_START_DURATION:-PT180S}
if part coldstart; then
  rm -f "$out/cold-start.csv"
  coproc COLD_START { scripts/load.sh coldstart --series --url "http://localhost:$TEST_HTTP_PORT" \
    --issuer "http://localhost:$OIDC_PORT/dex" --users 50 --posters 50 --clients 100 --rate 100 --duration "$cold_start_for" --window PT5S \
    --out "$out"; }
  to_harness=${COLD_START[1]} from_harness=${COLD_START[0]} harness_pid=$COLD_START_PID
fi
cold_start() { # label [duration [results]]: asks for the run; the instance it measures may still be starting
  echo "$*" >&"$to_harness"
}
cold_start_done() { # label: the run's report, until it is done
  local line
  while IFS= read -r line <&"$from_harness"; do
    echo "$line"
    [ "$line" != "[coldstart $1] done" ] || return 0
  done
  echo "[benchmark] the cold-start harness stopped during the $1 run: see above"
  exit 1
}
cold_start_close() { # ends the harness once its last run is done
  exec {to_harness}>&-
  wait "$harness_pid" || echo "[benchmark] a cold-start run lost messages: see above"
}
# A fresh instance on the Java and the AOT cache settings given, measured from ready, then stopped.
fresh_instance() { # name label duration results [maven args...]
  mkdir -p "$4"
  cold_start "$2" "$3" "$4"
  start_another_test_server "$1" -Dfrontend.skip=true "${server_maven_args[@]}" "${@:5}"
  cold_start_done "$2"
  stop_liberty "$liberty/bin/server" "$1"
}
build_test_server -Dfrontend.skip=true "${server_maven_args[@]}"
source scripts/lib/liberty-java.sh
liberty_java "$CHATAPP_HOME/aot"
if part coldstart && [ -n "${COLD_START_CONFIGS:-}" ]; then
  # Levers compared: fresh instances of each configuration in turns, round after round, so that
  # neither the machine's drift nor the harness's own warming favours one of them.
  fresh_instance ${server}Training training PT60S "$CHATAPP_HOME/training"
  run=0
  for ((round = 1; round <= ${COLD_START_ROUNDS:-3}; round++)); do
    for config in "${compared[@]}"; do
      run=$((run + 1))
      config_args=()
      [[ $config != *"|"* ]] || read -r -a config_args <<< "${config#*|}"
      fresh_instance ${server}Compared$run "${config%%|*}-$round" "$cold_start_for" "$out" "${config_args[@]}"
    done
  done
  cold_start_close
  echo "[benchmark] e2e p99 (ms) of each run's windows from 0, 5 and 10 s after posting began:"
  awk -F, 'NR > 1 && $2 <= 10 { p99[$1] = p99[$1] sprintf(" %9.1f", $4) } END { for (run in p99) print run p99[run] }' \
    "$out/cold-start.csv" | sort | column -t
  parts=${parts/ coldstart / }
  [[ $parts == *[a-z]* ]] || exit 0
elif part coldstart; then
  # The first instance warms the harness (and takes the stack's own first minute). On Java 25 it
  # also records the AOT cache as scripts/run.sh's first start does, written as it stops; then a
  # fresh instance with the cache, and one without it on the same Java.
  if [ -n "$LIBERTY_AOT_CACHE" ]; then
    fresh_instance ${server}Training training PT60S "$CHATAPP_HOME/training" "${LIBERTY_JAVA_MAVEN_ARGS[@]}"
    liberty_java "$CHATAPP_HOME/aot"
    fresh_instance ${server}Aot java25-aot "$cold_start_for" "$out" "${LIBERTY_JAVA_MAVEN_ARGS[@]}"
    fresh_instance ${server}Java25 java25 "$cold_start_for" "$out" -Dliberty.env.JAVA_HOME="$LIBERTY_JAVA"
  else
    fresh_instance ${server}Training training PT60S "$CHATAPP_HOME/training"
  fi
  # The default Java without the warm-up before ready: what users of a fresh instance met before it.
  fresh_instance ${server}Unwarmed unwarmed "$cold_start_for" "$out" -Dliberty.env.CHAT_WARM_UP_FRAMES=0
  # On the default Java, as every other measurement here: cold, then the same instance warm.
  cold_start cold
fi
start_another_test_server $server -Dfrontend.skip=true "${server_maven_args[@]}"
if part coldstart; then
  cold_start_done cold
  cold_start warm
  cold_start_done warm
  cold_start_close
fi

server_pid=$(cat "$liberty/usr/servers/.pid/$server.pid")
pids="server=$server_pid"
for process in kafka mongo oidc; do
  pids+=",$process=$(cat "$CHATAPP_HOME/pids/$process.pid")"
done
if [ "${JFR:-0}" = 1 ]; then
  jcmd "$server_pid" JFR.start name=benchmark settings=profile filename="$repo/target/benchmark-server.jfr" > /dev/null
fi

rooms=(--users 1000 --posters 32 --clients 1000 --rooms 100 --room-members 10)
if part report; then
  # A point past what the machine holds loses deliveries and makes the report's status 1: the
  # parts after it still run.
  scripts/load.sh report --url "http://localhost:$TEST_HTTP_PORT" --issuer "http://localhost:$OIDC_PORT/dex" \
    --bootstrap-servers "127.0.0.1:$KAFKA_PORT" "${rooms[@]}" --warmup "${WARMUP:-PT60S}" --pids "$pids" --out "$out" "$@" \
    || echo "[benchmark] the report lost messages at some point: see above"
else
  scripts/load.sh rooms --url "http://localhost:$TEST_HTTP_PORT" --issuer "http://localhost:$OIDC_PORT/dex" "${rooms[@]}" \
    --rate 250 --duration PT60S > /dev/null || true  # the warm-up the report would have done
fi

if [ "${JFR:-0}" = 1 ]; then
  jcmd "$server_pid" JFR.dump name=benchmark > /dev/null
  echo "[benchmark] the server's flight recording: target/benchmark-server.jfr"
fi

# Ten thousand connections on the one instance, ten for each of the 1,000 users (only a user's
# first is announced to the others), each served a message a second (connections.txt; the memory
# at each tenth of them in connections.csv and .png); then the soak: many rooms held for ten
# minutes at each of SOAK_RATES, latency minute by minute, the heap after a full collection
# before and after, dead letters (soak.txt; the windows in soak.csv, .adoc and .png).
if part connections; then
  rm -f "$out/connections.csv"
  scripts/load.sh connections --url "http://localhost:$TEST_HTTP_PORT" --issuer "http://localhost:$OIDC_PORT/dex" \
    --users 1000 --clients "${CONNECTIONS:-10000}" --rate 1 --duration PT30S --pids "$pids" --out "$out" --label "one instance" \
    | tee "$out/connections.txt" || true
fi
if part soak; then
  rm -f "$out/soak.csv"
  {
    for rate in ${SOAK_RATES:-2000 250}; do
      scripts/load.sh soak --url "http://localhost:$TEST_HTTP_PORT" --issuer "http://localhost:$OIDC_PORT/dex" "${rooms[@]}" \
        --rate "$rate" --duration "${SOAK_DURATION:-PT10M}" --window PT1M --pids "$pids" --out "$out" || true
    done
  } | tee "$out/soak.txt"
fi
part two || exit 0

# A second instance on the same machine: many rooms and ingest over the sockets, first on the one
# instance, then with the clients and the posts spread over both (two-instances.txt; the points in
# instances.csv, .adoc and .png).
sockets=(--users 1000 --posters 4 --clients 1000 --rooms 1000 --room-members 1 --send-over-socket)
# Each run starts once the store has caught up with the last: a store still busy with a backlog
# answers the next run's room creations 503, as it should, and that run would measure nothing.
stored_all() {
  local lag
  for _ in $(seq 1 600); do
    lag=$(curl -sf "http://localhost:$TEST_HTTP_PORT/metrics" | awk '/^chat_kafka_consumer_lag\{group="persist"/ { print int($2) }')
    [ "${lag:-1}" != 0 ] || return 0
    sleep 1
  done
  echo "[benchmark] the store is still $lag messages behind; going on"
}
instances() { # label: the same runs on the instances of --url
  for rate in ${TWO_INSTANCE_ROOMS_RATES:-500 1000}; do
    stored_all
    scripts/load.sh rooms "$@" "${rooms[@]}" --rate "$rate" --duration PT20S || true
  done
  for rate in ${TWO_INSTANCE_SOCKET_RATES:-2000 3000}; do
    stored_all
    scripts/load.sh rooms "$@" "${sockets[@]}" --rate "$rate" --duration PT20S || true
  done
}
rm -f "$out/instances.csv"
instances --url "http://localhost:$TEST_HTTP_PORT" --issuer "http://localhost:$OIDC_PORT/dex" --pids "$pids" --out "$out" \
  --label "one instance" | tee "$out/one-instance.txt"
start_another_test_server ${server}2 -Dhttp.port=$((TEST_HTTP_PORT + 1)) -Dhttps.port=$((TEST_HTTPS_PORT + 1)) -Dfrontend.skip=true \
  "${server_maven_args[@]}"
both=(--url "http://localhost:$TEST_HTTP_PORT,http://localhost:$((TEST_HTTP_PORT + 1))" --issuer "http://localhost:$OIDC_PORT/dex"
  --pids "server=$server_pid,server2=$(cat "$liberty/usr/servers/.pid/${server}2.pid"),${pids#server=*,}")
stored_all
scripts/load.sh rooms "${both[@]}" "${rooms[@]}" --rate 250 --duration PT60S > /dev/null || true  # the second instance's warm-up
instances "${both[@]}" --out "$out" --label "two instances" | tee "$out/two-instances.txt"
