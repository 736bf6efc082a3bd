#!/usr/bin/env python3
"""Checks that reference engines computed kpibridge's values: every (grain, period, metric) row of metrics.sql's
set, both ways, compared as decimals; and gross_margin and acos (money.sql) for the engines that compute them.

    compare.py FACT_METRIC.csv ENGINE.csv [ENGINE.csv ...]

FACT_METRIC.csv is `kpibridge export --table fact_metric --format csv`; its `us` profile, company-scope rows
of the checked metrics and grains are the expected values. Exits 1 and names the first differences when an
engine disagrees, so no timing is reported for a wrong answer.
"""
import csv
import sys
from decimal import Decimal

METRICS = {"orders", "units", "gmv", "shipped_orders"}
# Checked for an engine that writes any row of them (the DuckDB reference does).
MONEY = {"gross_margin", "acos"}
GRAINS = {"day", "week", "month"}


def expected(path):
    with open(path, encoding="utf-8", newline="") as f:
        return {(r["grain"], r["period_start"], r["metric"]): Decimal(r["value"]) for r in csv.DictReader(f)
                if r["profile"] == "us" and r["scope_type"] == "company" and r["metric"] in METRICS | MONEY
                and r["grain"] in GRAINS}


def computed(path):
    with open(path, encoding="utf-8", newline="") as f:
        return {(r["grain"], r["period_start"], r["metric"]): Decimal(r["value"]) for r in csv.DictReader(f)}


def main():
    everything = expected(sys.argv[1])
    if not any(key[2] in METRICS for key in everything):
        sys.exit(f"{sys.argv[1]}: no us/company rows of {sorted(METRICS)}")
    failed = False
    for path in sys.argv[2:]:
        got = computed(path)
        checked = METRICS | {metric for _, _, metric in got if metric in MONEY}
        want = {key: value for key, value in everything.items() if key[2] in checked}
        differences = [(key, want.get(key), got.get(key)) for key in sorted(want.keys() | got.keys())
                       if want.get(key) != got.get(key)]
        if differences:
            failed = True
            print(f"{path}: {len(differences)} of {len(want)} values differ from kpibridge's", file=sys.stderr)
            for (grain, start, metric), mine, theirs in differences[:10]:
                print(f"  {grain} {start} {metric}: kpibridge {mine}, engine {theirs}", file=sys.stderr)
        else:
            extra = sorted(checked & MONEY)
            print(f"{path}: all {len(want)} values equal kpibridge's" + (f" ({', '.join(extra)} included)" if extra else ""))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
