#!/usr/bin/env bash
# A smoke run of the load harness (tools/load): its unit tests, then its report (every scenario)
# for a few seconds with small numbers against Open Liberty on the test stack, more connections
# than users, the soak, then the rooms scenario across two instances. It checks that the harness
# works and that nothing is lost or misdelivered; the numbers mean nothing here (benchmarks are run with
# scripts/benchmark.sh, see docs/benchmarks.adoc).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"

mvn -B -q -pl tools/load -am verify

source scripts/lib/test-stack.sh
server=chatServerLoad
start_test_server $server -Dfrontend.skip=true

# The benchmark's report (scripts/benchmark.sh) in small: every scenario, tables and plots written.
out=target/load-smoke
rm -rf "$out"
server_pid=$(cat "$liberty/usr/servers/.pid/$server.pid")
# The cold start in small, on the instance just started, then on the same instance warm, by one
# harness reading its runs as the benchmark feeds them: latency window by window from ready.
cold=$(printf 'cold\nwarm PT5S\n' | scripts/load.sh coldstart --series --url "http://localhost:$TEST_HTTP_PORT" \
  --issuer "http://localhost:$OIDC_PORT/dex" --users 10 --posters 10 --clients 20 --rate 20 --duration PT10S --window PT5S --out "$out")
echo "$cold"
for run in cold warm; do
  grep -q "^\[coldstart $run\] ready after .* 20 clients, [1-9][0-9]* messages accepted .* lost 0; .*; closed by the server: none$" <<< "$cold" \
    || { echo "[test_load] the $run start lost messages, accepted none or had clients closed" >&2; exit 1; }
  grep -qx "\[coldstart $run\] done" <<< "$cold" || { echo "[test_load] the $run start was not reported done" >&2; exit 1; }
done
[ "$(grep -c "^\[coldstart cold\] from .* ms ([1-9][0-9]* samples); after the server's stamp p50 [0-9.]* ms, p99 [0-9.]* ms$" <<< "$cold")" = 2 ] \
  || { echo "[test_load] the cold start did not measure each of its two windows, and their part after the server's stamp" >&2; exit 1; }
[ "$(grep -c "^\[coldstart warm\] from " <<< "$cold")" = 1 ] \
  || { echo "[test_load] the warm run did not take its own duration, one window" >&2; exit 1; }
report=$(scripts/load.sh report --url "http://localhost:$TEST_HTTP_PORT" --issuer "http://localhost:$OIDC_PORT/dex" \
  --bootstrap-servers "127.0.0.1:$KAFKA_PORT" --users 50 --clients 50 --posters 2 --duration PT3S --warmup PT2S \
  --rates 20 --fanout-rates 20 --rooms 5 --room-members 10 --rooms-rates 20 --typists 50 --socket-rates 20 \
  --pids "server=$server_pid,kafka=$(cat "$CHATAPP_HOME/pids/kafka.pid")" --out "$out")
echo "$report"
for scenario in floor ingest edit fanout rooms socket connections; do
  grep -q "^\[$scenario\]" <<< "$report" || { echo "[test_load] no $scenario report" >&2; exit 1; }
done
grep -q "^\[fanout\] 50 clients, [1-9][0-9]* messages accepted .* lost 0;" <<< "$report" \
  || { echo "[test_load] fan-out lost messages or accepted none" >&2; exit 1; }
grep -q "^\[rooms\] 5 rooms of 10 members on 50 clients, [1-9][0-9]* messages accepted .* lost 0, misdelivered 0;" <<< "$report" \
  || { echo "[test_load] the rooms scenario lost or misdelivered messages, or accepted none" >&2; exit 1; }
grep -q "^\[rooms\] .* lost 0, misdelivered 0; .*; 50 typing: [1-9][0-9]* typing frames sent .*, [1-9][0-9]* received" <<< "$report" \
  || { echo "[test_load] with everyone typing, the rooms scenario lost messages, or no typing reached anyone" >&2; exit 1; }
grep -q "^\[socket\] 50 rooms of 1 members on 50 clients, [1-9][0-9]* messages accepted .* lost 0, misdelivered 0; .*; ack p50 .*; sent over the sockets [1-9][0-9]*, acked [1-9][0-9]*;" <<< "$report" \
  || { echo "[test_load] ingest over the sockets lost messages, or nothing was acked" >&2; exit 1; }
grep -q "^\[edit\] [1-9][0-9]* edited in .* CPU per edit: server [0-9.]* ms" <<< "$report" \
  || { echo "[test_load] the edit scenario edited nothing or did not measure the server's CPU" >&2; exit 1; }
grep -q "^\[connections\] 50 of 50 open (50 users); .* heap used .* RSS .*; [1-9][0-9]* messages .* to every client: .* lost 0," <<< "$report" \
  || { echo "[test_load] the connections scenario did not hold 50 sockets, measure memory or serve them all" >&2; exit 1; }
for file in results.csv results.adoc ingest.png fanout.png rooms.png socket.png cpu.png cold-start.csv cold-start.adoc cold-start.png; do
  [ -s "$out/$file" ] || { echo "[test_load] the report did not write $out/$file" >&2; exit 1; }
done
# lost and misdelivered 0, stored/s, then the CPU of server, kafka and harness
for scenario in fanout rooms rooms-typing socket socket-receipt; do
  grep -Eq "^$scenario,20,50,.*,0,0,[0-9.]+,[0-9.]+,[0-9.]+,[0-9.]+$" "$out/results.csv" \
    || { echo "[test_load] results.csv has no $scenario row with nothing lost and the CPU of server, kafka and harness" >&2
         cat "$out/results.csv" >&2; exit 1; }
done

# More connections than users, as users with several tabs: each of them served.
connections=$(scripts/load.sh connections --url "http://localhost:$TEST_HTTP_PORT" --issuer "http://localhost:$OIDC_PORT/dex" \
  --users 10 --clients 60 --rate 2 --duration PT3S --pids "server=$server_pid" --out "$out" --label "one instance")
echo "$connections"
grep -q "^\[connections\] 60 of 60 open (10 users); the server counts 60 sessions; .*; [1-9][0-9]* messages .* to every client: .* lost 0," \
  <<< "$connections" || { echo "[test_load] 60 connections of 10 users were not all held and served" >&2; exit 1; }
# Its memory before the first connection and at each tenth of them, resident set included.
[ "$(grep -Ec '^one instance,[0-9]+,[0-9.]+,[0-9]+$' "$out/connections.csv")" = 11 ] && [ -s "$out/connections.png" ] \
  || { echo "[test_load] the connections run did not write its memory at 0 and each tenth of its sockets, and its plot" >&2
       cat "$out/connections.csv" >&2; exit 1; }
# The soak in small: window by window, memory before and after, nothing dead-lettered.
soak=$(scripts/load.sh soak --url "http://localhost:$TEST_HTTP_PORT" --issuer "http://localhost:$OIDC_PORT/dex" \
  --users 50 --clients 50 --posters 2 --rooms 5 --room-members 10 --rate 20 --duration PT15S --window PT5S --pids "server=$server_pid" --out "$out")
echo "$soak"
grep -q "^\[soak\] 5 rooms of 10 members on 50 clients, [1-9][0-9]* messages accepted .* lost 0, misdelivered 0; .*; dead-lettered 0; .*; p99 of the last window .* against the second's; heap used after a full collection .* RSS " \
  <<< "$soak" || { echo "[test_load] the soak lost, misdelivered or dead-lettered messages, or did not measure its windows or memory" >&2; exit 1; }
[ "$(grep -c '^\[soak\] from .* ms ([1-9][0-9]* samples)$' <<< "$soak")" = 3 ] \
  || { echo "[test_load] the soak did not measure each of its three windows" >&2; exit 1; }
for file in soak.csv soak.adoc soak.png; do
  [ -s "$out/$file" ] || { echo "[test_load] the soak did not write $out/$file" >&2; exit 1; }
done

# Two instances: the clients and the posts spread over both, so that each message crosses from
# the instance that took it to the members' sockets on the other. The second runs on the Java
# scripts/run.sh picks, recording the AOT cache as run.sh's first start does (Java 25 or later).
source scripts/lib/liberty-java.sh
liberty_java "$CHATAPP_HOME/aot"
echo "[test_load] the second instance runs on $LIBERTY_JAVA_SUMMARY"
start_another_test_server ${server}2 -Dhttp.port=$((TEST_HTTP_PORT + 1)) -Dhttps.port=$((TEST_HTTPS_PORT + 1)) -Dfrontend.skip=true \
  "${LIBERTY_JAVA_MAVEN_ARGS[@]}"
second_pid=$(cat "$liberty/usr/servers/.pid/${server}2.pid")
two=$(scripts/load.sh rooms --url "http://localhost:$TEST_HTTP_PORT,http://localhost:$((TEST_HTTP_PORT + 1))" \
  --issuer "http://localhost:$OIDC_PORT/dex" --users 50 --clients 50 --posters 2 --rooms 5 --room-members 10 --rate 20 \
  --duration PT3S --pids "server=$server_pid,server2=$second_pid" --out "$out" --label "two instances")
echo "$two"
grep -q "^\[rooms\] 5 rooms of 10 members on 50 clients, [1-9][0-9]* messages accepted .* lost 0, misdelivered 0; .*; CPU per message: server [0-9.]* ms server2 [0-9.]* ms" <<< "$two" \
  || { echo "[test_load] across two instances the rooms scenario lost or misdelivered messages, or measured neither server" >&2; exit 1; }
grep -Eq '^two instances,POST,20,50,[0-9.]+,[0-9.]+,([0-9.]+,){4}0,0,0,[0-9.]+$' "$out/instances.csv" \
  && [ -s "$out/instances.adoc" ] && [ -s "$out/instances.png" ] \
  || { echo "[test_load] the run across two instances was not written to instances.csv, .adoc and .png" >&2; exit 1; }
if [ -n "$LIBERTY_AOT_CACHE" ]; then
  stop_liberty "$liberty/bin/server" ${server}2
  [ -n "$(find "$LIBERTY_AOT_CACHE" -size +1M 2> /dev/null)" ] \
    || { echo "[test_load] the second instance stopped without writing its AOT cache" >&2; exit 1; }
fi
echo "[test_load] the harness ran every scenario, on one instance and across two, and lost or misdelivered nothing"
