#!/usr/bin/env bash
# Smoke check of a running deployment, as a browser would first meet it: the web app, its
# config.js, the OIDC issuer it names, and that the API and the WebSocket refuse strangers.
# Works against the embedded default (scripts/run.sh) and against a cluster (tilt up, or an
# Ingress). Exits non-zero at the first failed check.
#
# usage: scripts/verify_frontend.sh [app-url] [api-url]
#   app-url  where the web app is served   (default http://localhost:9080; Tilt: http://localhost:8081)
#   api-url  where /api and /ws are served (default: app-url, as behind the Ingress)
set -euo pipefail
app=${1:-http://localhost:9080}
app=${app%/}
api=${2:-$app}
api=${api%/}
failures=0

check() { # description, then a command that succeeds when the check passes
  local description=$1; shift
  if "$@"; then
    echo "ok    $description"
  else
    echo "FAIL  $description"
    failures=$((failures + 1))
  fi
}

status_of() { curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$@"; }

check "web app served at $app/" bash -c "curl -sf --max-time 10 '$app/' | grep -q 'id=\"app\"'"

config=$(curl -sf --max-time 10 "$app/config.js" || true)
check "config.js sets window.__CHATAPP_CONFIG__" grep -q 'window.__CHATAPP_CONFIG__' <<< "$config"
issuer=$(sed -n 's/.*"VUE_APP_DEX_ISSUER_URL" *: *"\([^"]*\)".*/\1/p' <<< "$config")
check "config.js names the OIDC issuer ($issuer)" test -n "$issuer"
if [ -n "$issuer" ]; then
  discovery=$(curl -sf --max-time 10 "$issuer/.well-known/openid-configuration" || true)
  check "issuer discovery answers with issuer $issuer" grep -q "\"issuer\" *: *\"$issuer\"" <<< "$discovery"
fi

check "GET /api/messages without a token is 401" test "$(status_of "$api/api/messages?room=general")" = 401
handshake=$(status_of -H 'Connection: Upgrade' -H 'Upgrade: websocket' -H 'Sec-WebSocket-Version: 13' \
  -H 'Sec-WebSocket-Key: c21va2UtY2hlY2stMDAwMA==' -H "Origin: $app" "$api/ws/chat")
check "WebSocket handshake without a ticket is refused ($handshake)" test "$handshake" = 401 -o "$handshake" = 403

if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all checks passed"
