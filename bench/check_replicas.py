"""Checks bench/replicas.sh's poll rates against bench/replica-targets.csv: the median requests/s with two replicas
over the median with one must be at least `min`. Exit 1 on a miss."""
import csv
import statistics
import sys

targets_file, one_text, two_text = sys.argv[1], sys.argv[2], sys.argv[3]
one = [float(x) for x in one_text.split()]
two = [float(x) for x in two_text.split()]
ratio = statistics.median(two) / statistics.median(one)
failures = 0
with open(targets_file, newline="", encoding="utf-8") as f:
    for target in csv.DictReader(f):
        ok = ratio >= float(target["min"])
        failures += not ok
        print(f"{'ok' if ok else 'MISSED':6} {target['benchmark']} {target['metric']}: {ratio:.2f} "
              f"(median {statistics.median(two):.0f} / {statistics.median(one):.0f} req/s; target >= {target['min']}: {target['why']})")
sys.exit(1 if failures else 0)
