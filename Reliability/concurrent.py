#!/usr/bin/env python3
"""Starts two, then four `kpibridge run`s at the same moment on one store and checks that one works at
a time, none corrupts the store, and every file is loaded exactly once.

    concurrent.py [--copies K] [--rounds R] [--store sqlite|postgres ...]

For each store and each width (2, 4): a fresh store; the sample workspace with its large exports
(workspace.py) held back; the runs started together on the rest; then the large exports arrive and
the runs race again, R rounds in all (the later rounds find nothing new). Checks:
  - every run exits 0 (it did the work, or found nothing left) or 3 (another run held the store) —
    a run that fails or crashes is a failure;
  - the runs table has one `ok` row per run that exited 0 and nothing `running` or `failed`, and
    the `ok` runs' [start, finish] intervals never overlap by more than the clock's second;
  - the ledger has each inbox file once, and the store (records, quarantine, ledger, fact tables)
    equals one sequential run's over the same arrivals.
"""
import argparse
import datetime
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402
import workspace as sample  # noqa: E402

BULK = ["inbox/amazon/All_Orders_bulk.txt", "inbox/shopify/orders_export_bulk.csv", "inbox/erp/马帮订单导出_bulk.csv"]


def hold_back(workspace, aside):
    os.makedirs(aside, exist_ok=True)
    for index, path in enumerate(BULK):
        shutil.move(os.path.join(workspace, path), os.path.join(aside, str(index)))


def arrive(workspace, aside):
    for index, path in enumerate(BULK):
        shutil.move(os.path.join(aside, str(index)), os.path.join(workspace, path))


def local_days(workspace):
    """Today in each definition profile's zone. A period under way ends on it (a trailing window, days of stock), so
    a store computed before a zone's midnight differs from one computed after, as it should."""
    from zoneinfo import ZoneInfo
    with open(os.path.join(workspace, "definitions.yaml"), encoding="utf-8") as f:
        zones = sorted(set(re.findall(r"^\s*timezone:\s*([A-Za-z_]+/[A-Za-z_]+)", f.read(), re.MULTILINE)))
    now = datetime.datetime.now(datetime.timezone.utc)
    return tuple(now.astimezone(ZoneInfo(zone)).date() for zone in zones)


def sequential(workspace, aside, store):
    """The reference: the same two arrivals, one run each; the store's snapshot and the days it was taken on."""
    store.reset(workspace)
    hold_back(workspace, aside)
    days = local_days(workspace)
    for step in range(2):
        if step == 1:
            arrive(workspace, aside)
        done = common.kpibridge(["run", "--workspace", workspace] + store.arguments(workspace))
        if done.returncode != 0:
            sys.exit(f"error: the sequential run failed: {done.stderr}")
    return common.snapshot(workspace, store), days


def race(workspace, store, width):
    """Starts `width` runs at once; their exit codes."""
    args = [common.binary(), "run", "--workspace", workspace] + store.arguments(workspace)
    processes = [subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
                 for _ in range(width)]
    results = []
    for process in processes:
        _, errors = process.communicate(timeout=900)
        results.append((process.returncode, errors.strip().splitlines()[-1:] if errors else []))
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3, help="races per width (first two bring new files)")
    parser.add_argument("--store", action="append", choices=["sqlite", "postgres"])
    args = parser.parse_args()
    failures = 0
    with tempfile.TemporaryDirectory(prefix="kpibridge-concurrent-") as scratch:
        workspace = sample.build(os.path.join(scratch, "workspace"), args.copies)
        aside = os.path.join(scratch, "aside")
        for kind in args.store or common.Store.backends():
            store = common.Store.make(kind, f"reliability_concurrent_{os.getpid()}")
            expected, days = sequential(workspace, aside, store)
            files = len(expected["load_ledger"])
            for width in (2, 4):
                began = time.monotonic()
                store.reset(workspace)
                hold_back(workspace, aside)
                codes = []
                problems = []
                for round_ in range(args.rounds):
                    if round_ == 1:
                        arrive(workspace, aside)
                    for code, last in race(workspace, store, width):
                        codes.append(code)
                        if code not in (0, 3):
                            problems.append(f"round {round_ + 1}: a run exited {code}: {last}")
                runs = common.export(workspace, store, "runs")
                statuses = [r["status"] for r in runs]
                if statuses.count("ok") != codes.count(0) or set(statuses) - {"ok"}:
                    problems.append(f"runs table: {statuses} for exit codes {codes}")
                spans = sorted((r["started_at"], r["finished_at"]) for r in runs if r["status"] == "ok")
                for (_, finished), (started, _) in zip(spans, spans[1:]):
                    # Times are whole seconds: a run starting in the second another finished is fine.
                    if started < finished:
                        problems.append(f"two runs overlapped: one finished {finished}, the next started {started}")
                actual = common.snapshot(workspace, store)
                if local_days(workspace) != days:
                    # A zone's midnight passed since the reference: compare with one computed on today's days.
                    expected, days = sequential(workspace, aside, store)
                ledger_files = [r["file"] for r in actual["load_ledger"]]
                if len(ledger_files) != len(set(ledger_files)) or len(ledger_files) != files:
                    problems.append(f"ledger has {len(ledger_files)} rows for {files} files")
                diff = common.differences(expected, actual)
                if diff:
                    problems.append(f"differs from sequential runs: {diff}")
                for problem in problems:
                    print(f"  FAIL {kind} ×{width}: {problem}", flush=True)
                failures += len(problems)
                print(f"concurrent {kind} ×{width}: {args.rounds} races, {len(codes)} runs: {codes.count(0)} worked "
                      f"(exit 0), {codes.count(3)} found the store busy (exit 3); {files} files loaded once each; "
                      f"{len(problems)} problems; {time.monotonic() - began:.0f} s", flush=True)
            store.reset(workspace)
    print("concurrent: " + ("FAILED" if failures else "one run at a time, every file loaded exactly once"))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
