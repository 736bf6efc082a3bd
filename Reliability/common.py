"""What the reliability scripts share: the binary, stores, runs with a time limit and the store's
tables exported in a form two stores can be compared by."""
import csv
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.parse

csv.field_size_limit(sys.maxsize)  # hostile.py stores a 10 MB cell
ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

# Tables whose rows must be the same after any crash and re-run, and the columns that may differ
# (which run wrote a row, when).
COMPARED = {
    "orders": ["run_id"], "order_lines": ["run_id"], "fulfillment_events": ["run_id"], "refunds": ["run_id"],
    "returns": ["run_id"], "tickets": ["run_id"], "traffic": ["run_id"], "inventory_snapshots": ["run_id"],
    "quarantine": ["id", "run_id"], "load_ledger": ["run_id", "loaded_at"],
    "fact_metric": ["run_id"], "fact_reconciliation": ["run_id"], "fact_reconciliation_bridge": ["run_id"],
    "reconciliation_detail": ["run_id"],
    "fact_score": ["run_id"], "fact_pacing": ["run_id"], "provider_status": ["run_id"],
}
RECORD_TABLES = ["orders", "order_lines", "fulfillment_events", "refunds", "returns", "tickets", "traffic",
                 "inventory_snapshots"]


def binary():
    """The kpibridge binary: $KPIBRIDGE, else the debug build (built by `swift build`)."""
    path = os.path.abspath(os.environ.get("KPIBRIDGE") or os.path.join(ROOT, ".build", "debug", "kpibridge"))
    if not os.access(path, os.X_OK):
        sys.exit(f"error: no kpibridge binary at {path}; run `swift build` first or set KPIBRIDGE")
    return path


class Store:
    """One store: the workspace's SQLite file, or a PostgreSQL schema of its own that `reset` drops."""

    def __init__(self, kind, name, base_url=None):
        self.kind, self.name, self.base_url = kind, name, base_url

    @staticmethod
    def backends():
        """SQLite always; PostgreSQL when KPIBRIDGE_TEST_POSTGRES names a server (CI sets it)."""
        kinds = ["sqlite"]
        if os.environ.get("KPIBRIDGE_TEST_POSTGRES"):
            kinds.append("postgres")
        return kinds

    @classmethod
    def make(cls, kind, name):
        return cls(kind, name, os.environ.get("KPIBRIDGE_TEST_POSTGRES") if kind == "postgres" else None)

    def arguments(self, workspace):
        """The --store argument for `workspace` (none for SQLite: the workspace's own file)."""
        if self.kind == "sqlite":
            return []
        separator = "&" if "?" in self.base_url else "?"
        return ["--store", f"{self.base_url}{separator}schema={self.name}"]

    def reset(self, workspace):
        if self.kind == "sqlite":
            shutil.rmtree(os.path.join(workspace, ".kpibridge"), ignore_errors=True)
            return
        parts = urllib.parse.urlsplit(self.base_url)
        query = [(k, v) for k, v in urllib.parse.parse_qsl(parts.query) if k != "schema"]
        url = urllib.parse.urlunsplit(("postgresql", parts.netloc, parts.path, urllib.parse.urlencode(query), ""))
        subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", url, "-c",
                        f'DROP SCHEMA IF EXISTS "{self.name}" CASCADE'],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


class NoStore(Exception):
    """The store a command needs was never created (a run killed before it opened one)."""


def kpibridge(arguments, timeout=600, **kwargs):
    """Runs kpibridge to the end; the completed process (text output)."""
    return subprocess.run([binary()] + arguments, capture_output=True, text=True, timeout=timeout, **kwargs)


def export(workspace, store, table):
    """`kpibridge export` of `table` as a list of dicts, without the columns that may differ."""
    done = kpibridge(["export", "--workspace", workspace, "--table", table, "--format", "csv"]
                     + store.arguments(workspace))
    if done.returncode != 0:
        if "does not exist yet" in done.stderr:
            raise NoStore(done.stderr.strip())
        raise RuntimeError(f"export {table}: exit {done.returncode}: {done.stderr.strip()}")
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    for row in rows:
        for column in COMPARED.get(table, []):
            row.pop(column, None)
    return rows


def snapshot(workspace, store, tables=COMPARED):
    return {table: export(workspace, store, table) for table in tables}


def differences(expected, actual):
    """Per table, how many rows one snapshot has that the other lacks (empty when equal)."""
    out = {}
    for table in expected:
        a = [json.dumps(r, sort_keys=True) for r in expected[table]]
        b = [json.dumps(r, sort_keys=True) for r in actual[table]]
        if a != b:
            out[table] = len(set(a) ^ set(b)) or abs(len(a) - len(b)) or 1
    return out


def kill_after(process, delay):
    """SIGKILLs `process` after `delay` seconds; False when it had already ended by then."""
    deadline = time.monotonic() + delay
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        time.sleep(min(0.005, max(0.0, deadline - time.monotonic())))
    if process.poll() is not None:
        return False
    process.send_signal(signal.SIGKILL)
    process.wait()
    return True


def log_events(path):
    """The JSON log lines kpibridge wrote to `path` (`--log-format json`), as dicts."""
    events = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            try:
                events.append(json.loads(line))
            except json.JSONDecodeError:
                pass  # a line cut by the kill
    return events
