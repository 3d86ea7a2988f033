#!/usr/bin/env bash
# Runs the backend's tests: unit tests (the application's and the dead-letter replay tool's),
# then integration tests against a real Open Liberty server, a real Kafka broker, the Mongo-wire store and the OIDC issuer, all started here on
# loopback and stopped by process id afterwards. Writes JaCoCo reports to target/site/jacoco
# (unit tests) and target/site/jacoco-it (integration tests).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"

# The dead-letter replay tool: its unit tests and its jar, which DeadLetterIT runs for real.
mvn -B -q -f tools/dead-letters/pom.xml verify

source scripts/lib/test-stack.sh

mvn -B verify -Pteststack,it "${TEST_STACK_MAVEN_ARGS[@]}" "$@"
