#!/usr/bin/env python3
"""Kills `kpibridge run` with SIGKILL at seeded random points, re-runs it, and checks the store equals
one clean run.

    crash.py [--points N] [--copies K] [--seed S] [--store sqlite|postgres ...]

The workspace is the sample plus three large exports made from its rows (workspace.py, K copies).
A clean run is timed first: its JSON log says when loading gave way to the fact refresh and that to
scoring. The kill points take the phases in turn (reading and loading files; computing and writing the
fact tables; scoring, pacing and provider tiers; and `kpibridge export --out` of the largest fact
table): the harness watches the run's log for the phase's first line, then kills it at a uniformly
drawn moment within the phase's length in the clean run. The phase a run was actually in when it
died is read from its own log (a kill drawn late in a phase may land in the next).

After each kill, before the re-run:
  - every record's source file has a ledger row (no rows of a file whose load did not commit),
  - every ledger row's quarantine count equals the quarantined rows stored for that file,
  - a killed export left its output file absent or complete, and nothing beside it but its own
    `.partial-PID` file.
After the re-run: the killed run is marked abandoned (or ok, if it recorded its end just before
the kill), no run is left `running`, and every compared
table (records, quarantine, ledger, fact tables; run ids and load times aside) equals the clean run's.
Exit 1 when any check fails; the last line summarizes.
"""
import argparse
import os
import random
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402
import workspace as sample  # noqa: E402

PHASES = ["load", "facts", "scoring", "export"]


def run_started(workspace, store, log):
    args = [common.binary(), "run", "--workspace", workspace, "--log-format", "json", "--progress-every", "1000"]
    return subprocess.Popen(args + store.arguments(workspace), stdout=subprocess.DEVNULL, stderr=log)


def phase_of(events):
    """The phase a run was in at its last log line."""
    kinds = [e.get("event") for e in events]
    if "scoring" in kinds:
        return "scoring"
    if "metrics" in kinds:
        return "facts"
    if kinds:
        return "load"
    return "startup"


def wait_for_event(process, log_path, kind):
    """Polls the run's log until an event of `kind` appears: its monotonic time, or None if the run ended first."""
    needle = f'"event":"{kind}"'
    while True:
        with open(log_path, encoding="utf-8", errors="replace") as f:
            if needle in f.read():
                return time.monotonic()
        if process.poll() is not None:
            return None
        time.sleep(0.001)


def clean_run(workspace, store, scratch):
    """One uninterrupted run: how long each phase lasted, the snapshot, and the export's bytes."""
    store.reset(workspace)
    log_path = os.path.join(scratch, "clean.log")
    with open(log_path, "w") as log:
        started = time.monotonic()
        process = run_started(workspace, store, log)
        metrics = wait_for_event(process, log_path, "metrics")
        scoring = wait_for_event(process, log_path, "scoring")
        if process.wait() != 0 or metrics is None or scoring is None:
            sys.exit(f"error: the clean run failed (exit {process.returncode}); see {log_path}")
        ended = time.monotonic()
    windows = {"load": metrics - started, "facts": scoring - metrics, "scoring": ended - scoring}
    export_out = os.path.join(scratch, "export-clean.csv")
    began = time.monotonic()
    done = common.kpibridge(["export", "--workspace", workspace, "--table", "reconciliation_detail",
                             "--format", "csv", "--out", export_out] + store.arguments(workspace))
    if done.returncode != 0:
        sys.exit(f"error: export failed: {done.stderr}")
    windows["export"] = time.monotonic() - began
    with open(export_out, "rb") as f:
        exported = f.read()
    return windows, common.snapshot(workspace, store), exported


def crash_state_problems(workspace, store):
    """What is wrong with the store a kill left, before any re-run."""
    problems = []
    try:
        ledger = common.export(workspace, store, "load_ledger")
    except common.NoStore:
        return problems  # killed before it created the store
    files = {row["file"] for row in ledger}
    for table in common.RECORD_TABLES:
        stray = {row["source_file"] for row in common.export(workspace, store, table)} - files
        if stray:
            problems.append(f"{table} rows from files without a ledger row: {sorted(stray)[:3]}")
    quarantine = common.export(workspace, store, "quarantine")
    for row in ledger:
        stored = sum(1 for q in quarantine if q["file_sha256"] == row["file_sha256"])
        if stored != int(row["rows_quarantined"]):
            problems.append(f"{row['file']}: ledger says {row['rows_quarantined']} quarantined, store has {stored}")
    if not ledger and any(common.export(workspace, store, t) for t in common.RECORD_TABLES):
        problems.append("records without any ledger row")
    return problems


def kill_export(workspace, store, scratch, window, rng, expected):
    """Kills an export mid-write; problems with what it left."""
    directory = tempfile.mkdtemp(dir=scratch, prefix="export-")
    out = os.path.join(directory, "detail.csv")
    args = [common.binary(), "export", "--workspace", workspace, "--table", "reconciliation_detail",
            "--format", "csv", "--out", out] + store.arguments(workspace)
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    killed = common.kill_after(process, rng.uniform(0, window))
    problems = []
    if os.path.exists(out):
        with open(out, "rb") as f:
            if f.read() != expected:
                problems.append("a killed export left a partial output file")
    # The exporter's own temporary file (`detail.csv.partial-PID`; the next export to the path removes it)
    # may stay; nothing else.
    left = sorted(name for name in os.listdir(directory)
                  if name not in ("detail.csv", f"detail.csv.partial-{process.pid}"))
    if left:
        problems.append(f"a killed export left files beside its output: {left}")
    return killed, problems


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--points", type=int, default=52, help="kills per store (default 52, phases in turn)")
    parser.add_argument("--copies", type=int, default=10, help="copies of the sample's orders (default 10)")
    parser.add_argument("--seed", type=int, default=20261202)
    parser.add_argument("--store", action="append", choices=["sqlite", "postgres"],
                        help="store(s) to test; default SQLite, and PostgreSQL when KPIBRIDGE_TEST_POSTGRES is set")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    failures = 0
    with tempfile.TemporaryDirectory(prefix="kpibridge-crash-") as scratch:
        workspace = sample.build(os.path.join(scratch, "workspace"), args.copies)
        for kind in args.store or common.Store.backends():
            store = common.Store.make(kind, f"reliability_crash_{os.getpid()}")
            windows, expected, exported = clean_run(workspace, store, scratch)
            print(f"crash {kind}: clean run " + ", ".join(f"{p} {seconds:.2f} s" for p, seconds in windows.items()),
                  flush=True)
            reached = {}
            finished = 0
            started = time.time()
            kills = point = 0
            # Until `points` runs were really killed: one that ended before its moment does not count.
            while kills < args.points and point < 2 * args.points:
                phase = PHASES[point % len(PHASES)]
                point += 1
                problems = []
                if phase == "export":
                    killed, problems = kill_export(workspace, store, scratch, windows["export"], rng, exported)
                    kills += killed
                    reached["export" if killed else "finished"] = reached.get("export" if killed else "finished", 0) + 1
                    if not killed:
                        finished += 1
                else:
                    store.reset(workspace)
                    log_path = os.path.join(scratch, f"point-{point}.log")
                    with open(log_path, "w") as log:
                        process = run_started(workspace, store, log)
                        # The phase's start, seen in the run's own log; then a moment within its length.
                        begun = phase == "load" or wait_for_event(
                            process, log_path, "metrics" if phase == "facts" else "scoring") is not None
                        killed = begun and common.kill_after(process, rng.uniform(0, windows[phase]))
                        process.wait()
                    actual = phase_of(common.log_events(log_path)) if killed else "finished"
                    kills += killed
                    reached[actual] = reached.get(actual, 0) + 1
                    if not killed:
                        finished += 1
                    problems += crash_state_problems(workspace, store)
                    rerun = common.kpibridge(["run", "--workspace", workspace] + store.arguments(workspace))
                    if rerun.returncode != 0:
                        problems.append(f"the re-run failed (exit {rerun.returncode}): {rerun.stderr.strip()[-300:]}")
                    else:
                        runs = common.export(workspace, store, "runs")
                        if any(r["status"] == "running" for r in runs):
                            problems.append("a run is still marked running")
                        # The killed run: abandoned, or ok when it had recorded its end just before the kill.
                        if killed and actual != "startup" and runs[0]["status"] not in ("abandoned", "ok"):
                            problems.append(f"the killed run is marked {runs[0]['status']}")
                        diff = common.differences(expected, common.snapshot(workspace, store))
                        if diff:
                            problems.append(f"differs from the clean run: {diff}")
                for problem in problems:
                    failures += 1
                    print(f"  FAIL point {point} ({phase}): {problem}", flush=True)
            print(f"crash {kind}: {kills} kills (" + ", ".join(
                f"{p} {reached[p]}" for p in PHASES + ["startup"] if reached.get(p)) + f"), {finished} finished "
                f"before their kill point; {failures} problems; {time.time() - started:.0f} s", flush=True)
            store.reset(workspace)
    print("crash: " + ("FAILED" if failures else "every kill left a store the next run completed to one clean run's"))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
