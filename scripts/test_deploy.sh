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
missing=0
for path in $(grep -oE "'(helm|dex|scripts|frontend|src)/[^' ]*'|'(Dockerfile|pom.xml)'" Tiltfile | tr -d "'" | sort -u); do
  case "$path" in
    *' '*) path=${path%% *} ;;
  esac
  if [ ! -e "$path" ]; then
    echo "Tiltfile names $path, which does not exist"
    missing=$((missing + 1))
  fi
done
[ "$missing" -eq 0 ] || exit 1
echo "Tiltfile: syntax and lint clean, every file it names exists"
