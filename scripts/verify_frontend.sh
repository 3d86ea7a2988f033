#!/usr/bin/env bash
# Smoke check of a running deployment, as a browser would first meet it: the web app, its
# config.js, the OIDC issuer it names, and that the API and the WebSocket refuse strangers.
# Works against the embedded default (scripts/run.sh) and against a cluster (tilt up, or an
# Ingress); the same checks run inside the cluster as the web app chart's `helm test`.
# Exits non-zero if a check failed.
#
# usage: scripts/verify_frontend.sh [app-url] [api-url]
#   app-url  where the web app is served   (default http://localhost:9080; Tilt: http://localhost:8081)
#   api-url  where /api and /ws are served (default: app-url, as behind the Ingress)
set -euo pipefail
exec sh "$(dirname "$0")/../helm/chatapp-frontend/files/smoke-check.sh" "$@"
