#!/usr/bin/env bash
# Runs the backend's tests: unit tests (the application's and the dead-letter replay tool's),
# then integration tests against a real Open Liberty server, a real Kafka broker, the Mongo-wire store and the OIDC issuer, all started here on
# loopback and stopped by process id afterwards; a real Prometheus (Debian's package) scrapes the
# server meanwhile, with the chart's alert rules, for MonitoringIT. Writes JaCoCo reports to
# backend/target/site/jacoco (unit tests) and backend/target/site/jacoco-it (integration tests).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"

source scripts/lib/test-stack.sh
source scripts/lib/log-check.sh
source scripts/lib/debian.sh

# Prometheus, scraping the server under test every second (failing until it is up).
debian_install /usr/bin/prometheus prometheus
prometheus_port=${TEST_PROMETHEUS_PORT:-19090}
prometheus_home=$repo/backend/target/prometheus
rm -rf "$prometheus_home"
mkdir -p "$prometheus_home"
cat > "$prometheus_home/prometheus.yml" <<YAML
global: {scrape_interval: 1s, evaluation_interval: 1s}
rule_files: ["$repo/helm/chatapp-backend/files/prometheus-rules.yaml"]
scrape_configs:
  - job_name: chatapp-backend
    static_configs: [{targets: ["127.0.0.1:$TEST_HTTP_PORT"]}]
YAML
prometheus --config.file="$prometheus_home/prometheus.yml" --storage.tsdb.path="$prometheus_home/data" \
  --web.listen-address="127.0.0.1:$prometheus_port" > "$prometheus_home/prometheus.log" 2>&1 &
prometheus_pid=$!
test_stack_cleanups+=("kill $prometheus_pid")

# What the log check below reads: this run's tokens, and this run's logs only.
rm -rf backend/target/it-secrets.txt "$liberty/usr/servers/chatServerIT/logs"
# The whole build: every module's unit tests (the tools are built before the backend, so the
# replay jar DeadLetterIT runs is this build's), then the backend's integration tests.
mvn -B verify -Pteststack,it "${TEST_STACK_MAVEN_ARGS[@]}" -Dit.prometheus.url="http://127.0.0.1:$prometheus_port" \
  -Dit.otlp.port="${TEST_OTLP_PORT:-14318}" "$@"

# No token may appear in any log the server writes (messages.log, the console, trace.log, FFDC
# reports): neither one of the tokens and tickets the tests used, nor anything shaped like a token
# (the tests also send forged ones). Liberty quotes a token whose signature it refuses; the user
# feature tokenRedaction-1.0 must have logged that message with the token redacted.
secrets=backend/target/it-secrets.txt
logs=$liberty/usr/servers/chatServerIT/logs
count=$(sort -u "$secrets" | wc -l)
if [ "$count" -lt 10 ]; then
  echo "[security] only $count tokens were recorded by the integration tests; the log check would prove nothing" >&2
  exit 1
fi
if grep -r -l -F -f <(sort -u "$secrets") "$logs"; then
  echo "[security] the server's logs above contain a token or ticket the tests used" >&2
  exit 1
fi
check_no_token_in_logs "$logs"
if ! grep -q 'CWWKS5523E.*\[token redacted\]' "$logs/messages.log"; then
  echo "[security] messages.log has no refused token logged as [token redacted]: is usr:tokenRedaction-1.0 running?" >&2
  exit 1
fi
echo "[security] no token in the server's logs ($logs: $(find "$logs" -type f | wc -l) files), none of the $count the tests used;" \
  "refused tokens are logged as [token redacted]"
