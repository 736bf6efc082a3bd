#!/usr/bin/env bash
# The reliability suite beyond `swift test` (which holds the fuzz and re-send storm tests): SIGKILL at
# random points of a run, two and four runs at once, hostile files — on SQLite, and on PostgreSQL when
# KPIBRIDGE_TEST_POSTGRES names a server (psql must be installed to drop the scratch schemas), where the
# run's connection is also terminated and the server restarted under it (restarts only of a local Debian
# cluster, as root). Then silent.py: every sample export damaged (headers renamed, restyled, dropped,
# reordered; workbook formulas without results), a file changed while it loads, odd inbox entries,
# SIGINT/SIGTERM — each run must give the clean run's facts or fail naming the file (SQLite; its
# PostgreSQL subset in the soak).
#
#   Reliability/run.sh            what CI runs: 4 kill points per store (one per phase) and 2 races per
#                                 width on a 2× workspace, 3 PostgreSQL faults (one of each kind),
#                                 22 hostile files, a seeded 0.2 share of silent.py's mutation cases
#                                 (289 of 950), 3 changes while reading and 6 signals (~18 min)
#   Reliability/run.sh --soak     longer: 200 kill points and 30 PostgreSQL faults on a 6× larger
#                                 workspace, 6 races per width, 5,000 fuzz mutations per connector, and
#                                 silent.py --all (every column, each case on the whole sample) plus its
#                                 PostgreSQL subset (~2.5 h)
#
# Uses the debug build (`swift build`) unless KPIBRIDGE names a binary. Exit 1 if any check fails.
set -euo pipefail
cd "$(dirname "$0")/.."

soak=false
case "${1:-}" in
    --soak) soak=true ;;
    "") ;;
    -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "usage: Reliability/run.sh [--soak]" >&2; exit 2 ;;
esac

if [ -z "${KPIBRIDGE:-}" ]; then
    swift build --product kpibridge >/dev/null
    export KPIBRIDGE="$(swift build --show-bin-path)/kpibridge"
fi

if $soak; then
    python3 Reliability/crash.py --points 200 --pg-faults 30 --copies 30
    python3 Reliability/concurrent.py --rounds 6 --copies 30
    python3 Reliability/hostile.py
    python3 Reliability/silent.py --all
    if [ -n "${KPIBRIDGE_TEST_POSTGRES:-}" ]; then
        python3 Reliability/silent.py --store postgres
    fi
    KPIBRIDGE_FUZZ_EXECUTIONS=5000 swift test --filter FuzzTests
else
    python3 Reliability/crash.py --points 4 --pg-faults 3 --copies 2
    python3 Reliability/concurrent.py --rounds 2 --copies 2
    python3 Reliability/hostile.py
    python3 Reliability/silent.py --share 0.2 --signals 2 --truncations 1
fi
