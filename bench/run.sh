#!/usr/bin/env bash
# Runs the benchmarks and checks their targets. Targets are ratios against a baseline measured in the
# same run (never absolute times: these machines are shared and noisy).
#   bench/run.sh                 all benchmarks, then the ratio checks
#   bench/run.sh --job short     a quicker, rougher run
set -euo pipefail
cd "$(dirname "$0")/.."

# The dispatch benchmark runs on PostgreSQL too: a throwaway cluster (Debian's pg_virtualenv sets PGHOST and the rest).
if [ -z "${CALENDAR_BENCH_POSTGRES:-}" ]; then
  if ! command -v pg_virtualenv >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
  fi
  if [ -z "${PGHOST:-}" ]; then exec pg_virtualenv "$0" "$@"; fi
  # Without TLS, as the SMTP sink on the other side of the dispatch's ratio is: pg_virtualenv's cluster has Debian's
  # snakeoil certificate, and Npgsql would encrypt every statement on loopback (8% of a dispatch's time).
  export CALENDAR_BENCH_POSTGRES="Host=$PGHOST;Port=${PGPORT:-5432};Username=$PGUSER;Password=$PGPASSWORD;Database=postgres;SSL Mode=Disable"
fi
artifacts=bench/BenchmarkDotNet.Artifacts
dotnet run -c Release --project bench/Calendar.Benchmarks -- --filter '*' --artifacts "$artifacts" --exporters csv "$@"
python3 bench/check_ratios.py "$artifacts/results" bench/targets.csv
