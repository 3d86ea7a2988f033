#!/usr/bin/env bash
# The fault suite: two Open Liberty servers on one real Kafka broker and one Mongo-wire store
# (an H2 file, so that it survives being killed), a steady load of posts to both, WebSocket
# clients on both, and the broker, the store and one server killed (kill -9, by process id)
# and restarted in turn: a test per fault, then tests of the whole run. Fails if anything was
# lost, stored twice, missed by a client, or hung.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
export MONGO_BACKEND=h2 TEST_STACK_HOME=$repo/target/fault-stack
source scripts/lib/test-stack.sh

start_server() { # name http-port https-port
  # Neither server is given an instance id: two servers on one host must still get a broadcast
  # consumer group each, or each would deliver only its share of the partitions to its clients.
  start_test_server "$1" -Dhttp.port="$2" -Dhttps.port="$3" -Dfrontend.skip=true
}
start_server faultsA 19080 19443
start_server faultsB 19081 19444

mvn -B -pl backend -am verify -Pteststack,faults "${TEST_STACK_MAVEN_ARGS[@]}" -Dfrontend.skip=true -Djacoco.skip=true \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfaults.serverA.url=http://localhost:19080 -Dfaults.serverB.url=http://localhost:19081 \
  -Dfaults.serverB.name=faultsB -Dfaults.stack.home="$CHATAPP_HOME"
