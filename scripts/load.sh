#!/usr/bin/env bash
# The load harness (tools/load): drives the chat as its users do, signed in at the issuer, over
# HTTP/1.1 and WebSockets, and measures it with HdrHistogram, beside plain Kafka on the same
# broker. Against the embedded default (scripts/run.sh) by default; by URL against a cluster.
#
# usage: scripts/load.sh <ingest|edit|fanout|rooms|floor|connections|soak|coldstart|report> [--url URL] [--issuer URL] [--bootstrap-servers HOSTS]
#          [--users N] [--clients N] [--posters N] [--rate N] [--duration PT20S] [--room NAME] [--pids NAME=PID,...]
#          rooms: [--rooms 10] [--room-members 5] [--typists N] [--send-over-socket] [--first-user N]
#                 (--users at least rooms × members)
#          coldstart: [--window PT5S] [--label cold] [--out DIR] [--series]   (waits for /health/ready, then fan-out;
#                     --series: one run a line of standard input, LABEL [DURATION [DIR]], one instance after another)
#          soak: the rooms options and [--window PT5S]   (latency window by window, memory, dead letters)
#          report: [--warmup PT20S] [--rates N,...] [--fanout-rates N,...] [--rooms-rates N,...] [--out DIR]
#          (every option: run it with none)
#   Exit status: 0 nothing lost, 1 a message was lost or misdelivered, 2 bad arguments.
# settings (environment): JAVA (java), JAVA_OPTS
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
module=$repo/tools/load
jar=$module/target/chat-load.jar
java=${JAVA:-java}

# Build the jar once per change of the module's pom or sources; its tests run with scripts/test_load.sh.
# mvn package builds every module; this builds the tool alone if it never was built.
# Built when missing, and again when a source of the harness is newer than it.
if [ ! -f "$jar" ] || [ -n "$(find "$module/src" "$module/pom.xml" -newer "$jar" -print -quit)" ]; then
  echo "[load] building tools/load" >&2
  mvn -q -B -f "$repo/pom.xml" -pl tools/load -am package -DskipTests >&2
fi

read -r -a java_opts <<< "${JAVA_OPTS:-}"
exec "$java" "${java_opts[@]}" -jar "$jar" "$@"
