#!/usr/bin/env bash
# Runs the backend's tests: unit tests, then integration tests against a real Open Liberty
# server, a real Kafka broker, the Mongo-wire store and the OIDC issuer, all started here on
# loopback (on test ports, so a local run of the application can keep running) and stopped
# by process id afterwards. Writes JaCoCo reports to target/site/jacoco (unit tests) and
# target/site/jacoco-it (integration tests).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"

export CHATAPP_HOME=$repo/target/test-stack
export KAFKA_PORT=19092 KAFKA_CONTROLLER_PORT=19093 MONGO_PORT=27117 MONGO_BACKEND=memory OIDC_PORT=15556

rm -rf "$CHATAPP_HOME"
trap 'scripts/devstack.sh stop' EXIT
scripts/devstack.sh start

mvn -B verify -Pit \
  -Dhttp.port=19080 -Dhttps.port=19443 \
  -Dit.kafka.bootstrap=127.0.0.1:$KAFKA_PORT \
  -Dit.oidc.issuer=http://localhost:$OIDC_PORT/dex \
  -Dit.mongodb.uri=mongodb://127.0.0.1:$MONGO_PORT \
  "$@"
