#!/bin/sh
# Smoke check of a running deployment, as a browser would first meet it: the web app, its
# config.js, the OIDC issuer it names, and that the API and the WebSocket refuse strangers.
# POSIX sh and curl only, so that it runs as the chart's `helm test` as well as from
# scripts/verify_frontend.sh. Exits non-zero if a check failed.
#
# usage: smoke-check.sh [app-url] [api-url] [issuer-url]
#   app-url     where the web app is served   (default http://localhost:9080)
#   api-url     where /api and /ws are served (default: app-url, as behind the Ingress)
#   issuer-url  where to reach the issuer config.js names, when it is known by another address
#               where the check runs (inside the cluster); default: the one config.js names
set -u
app=${1:-http://localhost:9080}
app=${app%/}
api=${2:-$app}
api=${api%/}
failures=0

pass() { echo "ok    $1"; }
fail() { echo "FAIL  $1"; failures=$((failures + 1)); }
check() { # description, then a command that succeeds when the check passes
  description=$1; shift
  if "$@"; then pass "$description"; else fail "$description"; fi
}
status_of() { curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$@"; }
contains() { # text, fixed string
  case $1 in *"$2"*) return 0 ;; *) return 1 ;; esac
}

page=$(curl -sf --max-time 10 "$app/" || true)
check "web app served at $app/" contains "$page" 'id="app"'

config=$(curl -sf --max-time 10 "$app/config.js" || true)
check "config.js sets window.__CHATAPP_CONFIG__" contains "$config" 'window.__CHATAPP_CONFIG__'
issuer=$(printf '%s\n' "$config" | sed -n 's/.*"VUE_APP_DEX_ISSUER_URL" *: *"\([^"]*\)".*/\1/p')
check "config.js names the OIDC issuer ($issuer)" test -n "$issuer"
if [ -n "$issuer" ]; then
  reach=${3:-$issuer}
  reach=${reach%/}
  discovery=$(curl -sf --max-time 10 "$reach/.well-known/openid-configuration" | tr -d ' ' || true)
  check "issuer discovery at $reach answers with issuer $issuer" contains "$discovery" "\"issuer\":\"$issuer\""
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
