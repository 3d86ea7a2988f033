#!/usr/bin/env bash
# Runs the web client's tests: Vitest unit tests, then Playwright browser tests in Debian's
# Chromium (installed here if missing) against the real embedded stack: Open Liberty serving
# the built app, a real Kafka broker, the Mongo-wire store and the OIDC issuer, all started
# here on loopback and stopped by process id afterwards; axe checks every view they reach.
# Then Lighthouse's budget on the landing page (e2e/lighthouse-budget.js), and the delivery
# checks (e2e/delivery.spec.js) once more against the web app image's nginx config, run by
# Debian's nginx (scripts/lib/web-nginx.sh). Screenshots of the main screens land in
# frontend/test-results/screens.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1

(cd frontend && npm ci --no-audit --no-fund --prefer-offline && npx vitest run)

source scripts/lib/debian.sh
debian_install /usr/bin/chromium chromium

source scripts/lib/test-stack.sh
source scripts/lib/web-nginx.sh
server=chatServerE2E
start_test_server $server

scripts/verify_frontend.sh http://localhost:$TEST_HTTP_PORT

cd frontend
rm -rf test-results
CHATAPP_URL=http://localhost:$TEST_HTTP_PORT npx playwright test
node e2e/lighthouse-budget.js http://localhost:$TEST_HTTP_PORT/

# The same app as Liberty serves (Maven's build of it), from nginx.
web_nginx_start "$repo/backend/target/frontend-dist"
CHATAPP_URL=$WEB_NGINX_URL CHATAPP_SERVER=nginx npx playwright test e2e/delivery.spec.js
