#!/usr/bin/env bash
# Checks the Kubernetes delivery offline (no cluster, no Docker engine needed):
#   - the Helm charts: `helm lint --strict`, rendering with default and production values,
#     assertions on the rendered objects (JUnit with helm-java, HelmChartsTest);
#   - every rendered object against the Kubernetes API schemas (kubernetes-models);
#   - the Tiltfile's syntax (buildifier), and that every file it names exists.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"

mvn -B -q test -Dtest=HelmChartsTest -Dsurefire.failIfNoSpecifiedTests=false -Dfrontend.skip=true -Djacoco.skip=true

(cd tools/k8s-check && npm ci --no-audit --no-fund --prefer-offline > /dev/null && node validate-manifests.mjs "$repo/target/helm-rendered")

tools/k8s-check/node_modules/.bin/buildifier --mode=check --lint=warn Tiltfile
# Every source file the Tiltfile names exists (build output under target/ is made by its builds).
missing=0 named=0
for path in $(grep -oE "[\"'](helm|dex|scripts|frontend|src|extensions)/[^\"' ]*[\"']|[\"'](Dockerfile|pom.xml)[\"']" Tiltfile \
    | tr -d "\"'" | grep -v '/target/' | sort -u); do
  named=$((named + 1))
  if [ ! -e "$path" ]; then
    echo "Tiltfile names $path, which does not exist"
    missing=$((missing + 1))
  fi
done
[ "$missing" -eq 0 ] || exit 1
[ "$named" -ge 10 ] || { echo "Tiltfile: found only $named file names in it; the check would prove nothing" >&2; exit 1; }
echo "Tiltfile: syntax and lint clean, all $named files it names exist"
