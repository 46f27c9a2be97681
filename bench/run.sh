#!/usr/bin/env bash
# Runs the benchmarks and checks their targets. Targets are ratios against a baseline measured in the
# same run (never absolute times: these machines are shared and noisy).
#   bench/run.sh                 all benchmarks, then the ratio checks
#   bench/run.sh --job short     a quicker, rougher run
set -euo pipefail
cd "$(dirname "$0")/.."
artifacts=bench/BenchmarkDotNet.Artifacts
dotnet run -c Release --project bench/Calendar.Benchmarks -- --filter '*' --artifacts "$artifacts" --exporters csv "$@"
python3 bench/check_ratios.py "$artifacts/results" bench/targets.csv
