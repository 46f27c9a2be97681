#!/usr/bin/env bash
# The end-to-end benchmark at world scale (see bench/README.md): installs wrk from Debian's packages when missing,
# builds the service, the yardstick server and the benchmarks in Release, then runs bench/e2e/run.py.
#   bench/e2e.sh                   10 s per load, 32 connections
#   bench/e2e.sh --seconds 30      longer loads
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v wrk >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk
fi
for project in src/Calendar.Service bench/Calendar.BytesServer bench/Calendar.Benchmarks; do
    dotnet build -c Release "$project" -nologo -v quiet
done
exec python3 bench/e2e/run.py "$@"
