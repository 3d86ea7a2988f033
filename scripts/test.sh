#!/usr/bin/env bash
# Runs every test of the project. Needs only Java 17, Maven and Node on the machine:
# everything else (Maven and npm packages, the Open Liberty runtime, Debian's Chromium, the
# dev stack) is fetched and started by the scripts it calls.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"

scripts/test_backend.sh
scripts/test_frontend.sh
scripts/test_deploy.sh
scripts/test_load.sh
scripts/test_faults.sh
