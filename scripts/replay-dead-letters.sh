#!/usr/bin/env bash
# Re-publishes dead letters from chat-messages-dlq to chat-messages once what made them fail is
# fixed: key and value unchanged, with the headers replayed-from and replayed-reason. A consumer
# group remembers how far replays got, so a second run replays only what was dead-lettered since.
#
# usage: scripts/replay-dead-letters.sh [--dry-run] [--reason TEXT] [--limit N]
#          [--bootstrap-servers HOST:PORT] [--from TOPIC] [--to TOPIC] [--group GROUP]
#          [--command-config FILE] [--help]
#   every argument goes to the tool (tools/dead-letters); --help tells what each does.
#   Exit status: 0 done, 1 failed (e.g. Kafka not reachable within 15 s), 2 bad arguments.
# settings (environment): KAFKA_BOOTSTRAP_SERVERS (127.0.0.1:9092, as scripts/devstack.sh starts it),
#   JAVA (java), JAVA_OPTS (e.g. -Dorg.slf4j.simpleLogger.defaultLogLevel=warn for the Kafka client's logs)
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
module=$repo/tools/dead-letters
jar=$module/target/dead-letter-replay.jar
java=${JAVA:-java}

# Build the jar once per change of the module's pom or sources. Its tests run with the module's
# own `mvn test`, not here: a replay is usually wanted in a hurry.
# mvn package builds every module; this builds the tool alone if it never was built.
if [ ! -f "$jar" ]; then
  echo "[replay-dead-letters] building tools/dead-letters" >&2
  mvn -q -B -f "$repo/pom.xml" -pl tools/dead-letters package -DskipTests >&2
fi

read -r -a java_opts <<< "${JAVA_OPTS:-}"
exec "$java" "${java_opts[@]}" -jar "$jar" "$@"
