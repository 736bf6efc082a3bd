#!/usr/bin/env python3
"""Kills `kpibridge run` with SIGKILL at seeded random points, re-runs it, and checks the store equals
one clean run; on PostgreSQL, also drops the run's connection and restarts the server under it.

    crash.py [--points N] [--copies K] [--seed S] [--store sqlite|postgres ...]
             [--pg-faults F] [--pg-restarts auto|never]

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

PostgreSQL faults (F of them, default 6, after the kills): the store's one connection holds the run
lock (a session advisory lock), so when it drops the run must stop rather than go on unlocked. Each
fault starts a run and, at a drawn moment of loading, the fact refresh or scoring (as the kills are
drawn), either terminates the run's session (`pg_terminate_backend` of the test role's sessions in
the test database, this one's aside) or stops the server (`pg_ctlcluster … stop -m fast`, or
`-m immediate`, a crash that recovery replays), waits 0.2–1.5 s and starts it again; the kinds and
phases in turn. Restarts only happen when the server is a local Debian cluster (`pg_lsclusters` lists
it on the URL's port), the harness runs as root and no session of another database or role is on it
(the cluster .ci/run starts), and not with `--pg-restarts never` (or KPIBRIDGE_PG_RESTARTS=never);
otherwise they are skipped, saying why, and every fault is a termination. Checks per fault:
  - the run exits 1 within 10 s plus twice the clean run's length (0 only if it had already recorded
    its end), with no trap, crash report or password in its output, and its error names the store
    (`postgres://user@host:port/db`) on its first line; it opens no new connection after the fault;
  - the store it left passes the checks above (and if it exited 0, equals the clean run's already);
  - the next run exits 0, leaves no run `running` (the faulted one: abandoned or failed, or ok when
    it had finished) and the compared tables equal the clean run's.
A run still going at its limit is reported with where it waits (gdb, when installed) and killed.
Exit 1 when any check fails; the last line summarizes.
"""
import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse

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


# PostgreSQL faults: the store's one connection (which holds the run lock) dropped under a running run.

FAULT_PHASES = ["load", "facts", "scoring"]
# What a Swift runtime trap or a crash handler prints; a dropped connection must end in an error, not this.
CRASH_MARKS = ["Fatal error", "Stack dump", "Current stack trace", "backtrace", "Segmentation fault",
               "Illegal instruction", "💣"]


class PostgresServer:
    """The server behind KPIBRIDGE_TEST_POSTGRES: its client sessions can always be terminated; it is
    restarted only when it is a local Debian cluster (`pg_lsclusters` shows one on the URL's port) and
    this harness runs as root — the cluster CI starts for the tests."""

    def __init__(self, url):
        parts = urllib.parse.urlsplit(url)
        self.host, self.port = parts.hostname or "localhost", parts.port or 5432
        # How kpibridge names the store in its messages (PostgresLocation.description, schema aside).
        self.named = f"postgres://{parts.username}@{self.host}:{self.port}{parts.path}"
        query = [(k, v) for k, v in urllib.parse.parse_qsl(parts.query) if k != "schema"]
        self.url = urllib.parse.urlunsplit(("postgresql", parts.netloc, parts.path, urllib.parse.urlencode(query), ""))
        self.cluster, self.no_restart = self._cluster()

    def _cluster(self):
        """(version, name) of the cluster to restart, or None and why not."""
        if self.host not in ("127.0.0.1", "localhost", "::1"):
            return None, f"the server ({self.host}) is not on this machine"
        if os.geteuid() != 0:
            return None, "not running as root (pg_ctlcluster needs it)"
        if not (shutil.which("pg_lsclusters") and shutil.which("pg_ctlcluster")):
            return None, "no pg_lsclusters/pg_ctlcluster (not a Debian PostgreSQL install)"
        listed = subprocess.run(["pg_lsclusters", "-h"], capture_output=True, text=True).stdout.splitlines()
        matching = [line.split() for line in listed if len(line.split()) > 3 and line.split()[2] == str(self.port)]
        if len(matching) != 1 or matching[0][3] != "online":
            return None, f"pg_lsclusters shows no online cluster on port {self.port}"
        return (matching[0][0], matching[0][1]), None

    def sql(self, statement, timeout=30):
        """One statement through psql as the test role; its output, unaligned."""
        done = subprocess.run(["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", self.url, "-c", statement],
                              capture_output=True, text=True, timeout=timeout)
        if done.returncode != 0:
            raise RuntimeError(f"psql: {done.stderr.strip()}")
        return done.stdout.strip()

    def other_sessions(self):
        """Client sessions of other databases or roles: a server other work uses is not restarted. (Other
        roles' rows show no backend_type; server processes have no database or no role.)"""
        return int(self.sql("""SELECT count(*) FROM pg_stat_activity WHERE pid <> pg_backend_pid()
            AND datname IS NOT NULL AND usename IS NOT NULL
            AND (datname <> current_database() OR usename <> current_user)"""))

    def terminate(self):
        """Terminates every session of the test role in the test database but this one: how many."""
        # Materialized first: a filter the planner ran after pg_terminate_backend would signal others' sessions.
        return len(self.sql("""WITH targets AS MATERIALIZED (SELECT pid FROM pg_stat_activity
            WHERE backend_type = 'client backend' AND datname = current_database() AND usename = current_user
            AND pid <> pg_backend_pid()) SELECT pid FROM targets WHERE pg_terminate_backend(pid)""").split())

    def stop(self, mode):
        version, name = self.cluster
        subprocess.run(["pg_ctlcluster", version, name, "stop", "-m", mode], check=True, capture_output=True,
                       timeout=120)

    def start(self):
        version, name = self.cluster
        subprocess.run(["pg_ctlcluster", version, name, "start"], check=True, capture_output=True, timeout=120)
        self.wait_ready()

    def wait_ready(self, timeout=120):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if subprocess.run(["pg_isready", "-q", "-h", self.host, "-p", str(self.port)]).returncode == 0:
                try:
                    self.sql("SELECT 1")
                    return
                except RuntimeError:
                    pass
            time.sleep(0.2)
        sys.exit(f"error: the PostgreSQL server on port {self.port} is not back {timeout} s after a restart")

    def ensure_up(self):
        """Starts the cluster if a fault left it down (the suite after this one needs it)."""
        if self.cluster and subprocess.run(["pg_isready", "-q", "-h", self.host, "-p", str(self.port)]).returncode != 0:
            self.start()


def server_connections(pid, port):
    """Local ports of `pid`'s established TCP connections to `port` (Linux /proc); None when unreadable."""
    try:
        inodes = set()
        for fd in os.listdir(f"/proc/{pid}/fd"):
            try:
                target = os.readlink(f"/proc/{pid}/fd/{fd}")
            except OSError:
                continue
            if target.startswith("socket:["):
                inodes.add(target[8:-1])
        ports = set()
        for table in ("tcp", "tcp6"):
            with open(f"/proc/{pid}/net/{table}") as f:
                for line in f.readlines()[1:]:
                    fields = line.split()
                    local, remote, state, inode = fields[1], fields[2], fields[3], fields[9]
                    if state == "01" and inode in inodes and int(remote.rsplit(":", 1)[1], 16) == port:
                        ports.add(int(local.rsplit(":", 1)[1], 16))
        return ports
    except OSError:
        return None


def stuck_at(pid):
    """Where a hung process's main thread waits: its innermost frame in kpibridge's own code (gdb)."""
    if not shutil.which("gdb"):
        return "no gdb to say where"
    trace = subprocess.run(["gdb", "-p", str(pid), "-batch", "-ex", "bt 40"], capture_output=True, text=True,
                           timeout=60).stdout
    frames = [line.rsplit(" at ", 1)[1] for line in trace.splitlines()
              if " at " in line and "/Sources/" in line and "/checkouts/" not in line]
    if not frames:
        return "gdb found no frame of kpibridge's own"
    return "waiting at " + " ← ".join(f.split("/Sources/", 1)[1] for f in frames[:3])


def drop_under(process, log_path, server, window, rng, kind, phase, budget, problems):
    """Faults the server at a drawn moment of `phase` of the running `process`, then waits up to `budget`
    seconds for it to exit: (the phase it was in when hit, or None if the fault missed it; whether it hung)."""
    begun = phase == "load" or wait_for_event(
        process, log_path, "metrics" if phase == "facts" else "scoring") is not None
    deadline = time.monotonic() + rng.uniform(0, window)
    while begun and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)
    if not begun or process.poll() is not None:
        return None, False
    at = phase_of(common.log_events(log_path))
    before = server_connections(process.pid, server.port)
    if before and len(before) > 1:
        problems.append(f"the run holds {len(before)} connections to the server, not one")
    faulted = time.monotonic()
    if kind == "terminate":
        if server.terminate() == 0:
            at = None  # not connected at that moment (before its first statement, or after its last)
    else:
        server.stop(kind.split("-")[1])
        down = time.monotonic() + rng.uniform(0.2, 1.5)
        while time.monotonic() < down:
            time.sleep(0.01)
        server.start()
    # Until it exits: it must not connect again (it would write without the run lock).
    while process.poll() is None and time.monotonic() < faulted + budget:
        now = server_connections(process.pid, server.port)
        if before and now and now - before:
            problems.append("the run connected again after its connection was dropped")
            break
        time.sleep(0.01)
    try:
        process.wait(timeout=max(0.0, faulted + budget - time.monotonic()))
    except subprocess.TimeoutExpired:
        problems.append(f"the run was still going {budget:.0f} s after the fault (hung, "
                        f"{stuck_at(process.pid)}); killed")
        process.kill()
        return at, True
    return at, False


def fault_point(workspace, store, server, scratch, windows, rng, kind, phase, point, expected):
    """Starts a run, drops its connection (`terminate`) or restarts the server (`restart-fast`,
    `restart-immediate`) at a moment of `phase`; checks the run's end, the store it left and the next
    run. (what the run was doing when hit, or None if it ended first; problems)."""
    password = os.environ.get("PGPASSWORD") or urllib.parse.urlsplit(server.url).password
    store.reset(workspace)
    log_path = os.path.join(scratch, f"fault-{point}.log")
    out_path = os.path.join(scratch, f"fault-{point}.out")
    problems = []
    # From the fault to the run's exit: it has to notice at its next statement.
    budget = 10 + 2 * sum(windows[p] for p in FAULT_PHASES)
    with open(log_path, "w") as log, open(out_path, "w") as out:
        args = [common.binary(), "run", "--workspace", workspace, "--log-format", "json", "--progress-every", "1000"]
        process = subprocess.Popen(args + store.arguments(workspace), stdout=out, stderr=log)
        try:
            at, hung = drop_under(process, log_path, server, windows[phase], rng, kind, phase, budget, problems)
        finally:
            if process.poll() is None:
                process.kill()  # the harness failed mid-fault
            process.wait()
    server.ensure_up()
    with open(log_path, encoding="utf-8", errors="replace") as f:
        stderr = f.read()
    with open(out_path, encoding="utf-8", errors="replace") as f:
        stdout = f.read()
    code = process.returncode
    exit_line = next((e for e in reversed(common.log_events(log_path)) if e.get("event") == "exit"), None)
    if code < 0 and not hung:
        problems.append(f"the run died of signal {-code}")
    for mark in CRASH_MARKS:
        if mark.lower() in stderr.lower():
            problems.append(f"the run's stderr has {mark!r}: {stderr.strip()[-300:]}")
    if password and (password in stderr or password in stdout):
        problems.append("the password is in the run's output")
    if at is None and code != 0:
        problems.append(f"the run exited {code} though no fault reached it: {stderr.strip()[-300:]}")
    elif code > 0:
        message = (exit_line or {}).get("message", "")
        if code != 1:
            problems.append(f"the run exited {code} (expected 1, the job failed)")
        if not exit_line:
            problems.append(f"the run ended without its exit line: {stderr.strip()[-300:]}")
        elif server.named not in (message.splitlines() or [""])[0]:
            problems.append(f"the run's error does not name the store ({server.named}): {message[:300]!r}")
    try:
        problems += crash_state_problems(workspace, store)
        if code == 0:
            # It said it finished: the store must already be the clean run's.
            diff = common.differences(expected, common.snapshot(workspace, store))
            if diff:
                problems.append(f"the run exited 0 but the store differs from the clean run: {diff}")
    except RuntimeError as error:
        problems.append(f"reading the store after the fault failed: {error}")
    rerun = common.kpibridge(["run", "--workspace", workspace] + store.arguments(workspace))
    if password and password in rerun.stdout + rerun.stderr:
        problems.append("the password is in the next run's output")
    if rerun.returncode != 0:
        problems.append(f"the next run failed (exit {rerun.returncode}): {rerun.stderr.strip()[-300:]}")
        return at, problems
    runs = common.export(workspace, store, "runs")
    if any(r["status"] == "running" for r in runs):
        problems.append("a run is still marked running after the next run")
    for run in runs[:-1]:  # the faulted run (none if it was hit before it began one)
        allowed = ("ok",) if code == 0 else ("abandoned", "failed", "ok")
        if run["status"] not in allowed:
            problems.append(f"the faulted run (exit {code}) is marked {run['status']}")
    diff = common.differences(expected, common.snapshot(workspace, store))
    if diff:
        problems.append(f"the next run differs from the clean run: {diff}")
    return at, problems


def fault_points(workspace, store, scratch, windows, expected, rng, count, restarts):
    """`count` PostgreSQL faults, the kinds and the phases in turn; the number of problems."""
    server = PostgresServer(store.base_url)
    kinds = ["terminate"]
    if restarts == "never":
        print("crash postgres faults: server restarts skipped (--pg-restarts never)", flush=True)
    elif server.cluster is None:
        print(f"crash postgres faults: server restarts skipped: {server.no_restart}", flush=True)
    elif server.other_sessions():
        print(f"crash postgres faults: server restarts skipped: cluster {'/'.join(server.cluster)} has "
              f"sessions of other databases or roles", flush=True)
    else:
        kinds += ["restart-fast", "restart-immediate"]
        print(f"crash postgres faults: restarting cluster {'/'.join(server.cluster)} (port {server.port})",
              flush=True)
    started = time.time()
    reached, failures, hits, attempt, ended = {}, 0, 0, 0, 0
    try:
        while hits < count and attempt < 2 * count:
            # Phases in turn, and the kinds shifted by one each round: the first rounds pair every kind
            # with every phase.
            phase = FAULT_PHASES[attempt % len(FAULT_PHASES)]
            kind = kinds[(attempt + attempt // len(FAULT_PHASES)) % len(kinds)]
            attempt += 1
            if kind != "terminate" and server.other_sessions():
                kind = "terminate"  # another client came: leave the server up
            try:
                at, problems = fault_point(workspace, store, server, scratch, windows, rng, kind, phase, attempt,
                                           expected)
            except (RuntimeError, OSError, subprocess.SubprocessError) as error:
                at, problems = None, [f"the harness could not complete the fault: {error}"]
                server.ensure_up()
            if at is None:
                ended += 1
            else:
                hits += 1
                reached.setdefault(kind, {})[at] = reached.get(kind, {}).get(at, 0) + 1
            for problem in problems:
                failures += 1
                print(f"  FAIL fault {attempt} ({kind}, {phase}, hit {at or 'nothing'}): {problem}", flush=True)
    finally:
        server.ensure_up()
    print(f"crash postgres faults: {hits} faults (" + "; ".join(
        f"{kind} {sum(phases.values())}: " + ", ".join(f"{p} {phases[p]}" for p in ["startup"] + FAULT_PHASES
                                                       if phases.get(p))
        for kind, phases in reached.items()) + f"), {ended} ended before their moment or had no session to "
          f"terminate; {failures} problems; {time.time() - started:.0f} s", flush=True)
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--points", type=int, default=32, help="kills per store (default 32, phases in turn)")
    parser.add_argument("--copies", type=int, default=10, help="copies of the sample's orders (default 10)")
    parser.add_argument("--seed", type=int, default=20261202)
    parser.add_argument("--store", action="append", choices=["sqlite", "postgres"],
                        help="store(s) to test; default SQLite, and PostgreSQL when KPIBRIDGE_TEST_POSTGRES is set")
    parser.add_argument("--pg-faults", type=int, default=6,
                        help="PostgreSQL faults (connection terminated, server restarted) after the kills; default 6")
    parser.add_argument("--pg-restarts", choices=["auto", "never"],
                        default=os.environ.get("KPIBRIDGE_PG_RESTARTS", "auto"),
                        help="auto (default, or $KPIBRIDGE_PG_RESTARTS): restart the server when it is a local "
                             "Debian cluster, run as root, that no other database or role is using; never: "
                             "terminate connections only")
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
            if kind == "postgres" and args.pg_faults > 0:
                failures += fault_points(workspace, store, scratch, windows, expected, rng, args.pg_faults,
                                         args.pg_restarts)
            store.reset(workspace)
    print("crash: " + ("FAILED" if failures else
                       "every kill and fault left a store the next run completed to one clean run's"))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
