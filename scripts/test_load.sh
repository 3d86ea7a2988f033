#!/usr/bin/env bash
# A smoke run of the load harness (tools/load): its unit tests, then every scenario for a few
# seconds with small numbers against Open Liberty on the test stack. It checks that the harness
# works and that nothing is lost; the numbers mean nothing here (benchmarks are run with
# scripts/load.sh, see docs/benchmarks.adoc).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"

mvn -B -q -f tools/load/pom.xml verify

source scripts/lib/test-stack.sh
server=chatServerLoad
mvn -B -q -Pteststack "${TEST_STACK_MAVEN_ARGS[@]}" -Dliberty.server.name=$server -DskipTests -Dfrontend.skip=true \
  package liberty:create liberty:deploy liberty:start
test_stack_cleanups+=("$repo/target/liberty/wlp/bin/server stop $server")

report=$(scripts/load.sh all --url "http://localhost:$TEST_HTTP_PORT" --issuer "http://localhost:$OIDC_PORT/dex" \
  --bootstrap-servers "127.0.0.1:$KAFKA_PORT" --users 10 --clients 5 --posters 2 --rate 20 --duration PT3S)
echo "$report"
for scenario in floor ingest fanout ratio; do
  grep -q "^\[$scenario\]" <<< "$report" || { echo "[test_load] no $scenario report" >&2; exit 1; }
done
grep -q "^\[fanout\] 5 clients, [1-9][0-9]* messages accepted .* lost 0;" <<< "$report" \
  || { echo "[test_load] fan-out lost messages or accepted none" >&2; exit 1; }
connections=$(scripts/load.sh connections --url "http://localhost:$TEST_HTTP_PORT" --issuer "http://localhost:$OIDC_PORT/dex" \
  --users 10 --clients 50 --server-pid "$(cat target/liberty/wlp/usr/servers/.pid/$server.pid)")
echo "$connections"
grep -q "^\[connections\] 50 of 50 open; .* heap used .* RSS " <<< "$connections" \
  || { echo "[test_load] the connections scenario did not hold 50 sockets or measure memory" >&2; exit 1; }
echo "[test_load] the harness ran every scenario and lost nothing"
