"""Checks BenchmarkDotNet's CSV reports against bench/targets.csv: for every parameter set, a benchmark's
metric (Ratio: time against the baseline; Alloc Ratio: memory against the baseline) must meet its target (`op` and `target`).
Exit 1 on any miss, or when a target matches no result."""
import csv
import glob
import os
import sys

results_dir, targets_file = sys.argv[1], sys.argv[2]
rows = []
for report in glob.glob(os.path.join(results_dir, "*-report.csv")):
    benchmark_class = os.path.basename(report).split("-report")[0].split(".")[-1]
    with open(report, newline="", encoding="utf-8") as f:
        rows += [dict(row, _class=benchmark_class) for row in csv.DictReader(f)]

failures = []
with open(targets_file, newline="", encoding="utf-8") as f:
    for target in csv.DictReader(f):
        if target["benchmark"].startswith("e2e."):
            continue  # bench/e2e.sh checks those
        benchmark_class, method = target["benchmark"].split(".")
        matched = [row for row in rows if row["_class"] == benchmark_class and row["Method"] == method]
        if not matched:
            failures.append(f"{target['benchmark']}: no result")
        for row in matched:
            text = row[target["metric"]].replace(",", ".")
            value = float(text) if text not in ("?", "NA", "") else float("inf")
            ok = value <= float(target["target"]) if target["op"] == "<=" else value >= float(target["target"])
            params = ", ".join(f"{k}={v}" for k, v in row.items() if k in ("EventsPerCountry", "Database"))
            print(f"{'ok' if ok else 'MISSED':6} {target['benchmark']} [{params}] {target['metric']} {text} (target {target['op']} {target['target']}: {target['why']})")
            if not ok:
                failures.append(target["benchmark"])

sys.exit(1 if failures else 0)
