#!/usr/bin/env bash
# The incremental refresh against a full one: a store holding LINES Amazon order lines (default 200,000)
# takes the next night's export (1 % of the lines), then runs with nothing new, then recomputes everything.
# Release build, SQLite, median of 3 with /usr/bin/time; prints a Markdown table.
#
#   Benchmarks/incremental/run.sh [LINES]
set -euo pipefail
cd "$(dirname "$0")/../.."
lines=${1:-200000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build -c release >/dev/null 2>&1
kpibridge=$(swift build -c release --show-bin-path)/kpibridge
python3 Benchmarks/incremental/generate.py "$lines" "$work"
ws=$work/workspace

# One measurement: wall seconds and peak RSS in MB of `kpibridge ARGS`.
measure() {
    /usr/bin/time -f "%e %M" -o "$work/time" "$kpibridge" "$@" --workspace "$ws" > "$work/out" 2>/dev/null
    awk '{ printf "%s %.0f\n", $1, $2 / 1024 }' "$work/time"
}
median() { sort -n | awk '{ v[NR] = $0 } END { print v[int((NR + 1) / 2)] }'; }

row() {  # label, then three "wall rss" lines on stdin
    local runs; runs=$(cat)
    local wall rss
    wall=$(echo "$runs" | awk '{ print $1 }' | median)
    rss=$(echo "$runs" | awk '{ print $2 }' | median)
    echo "| $1 | ${wall} s | ${rss} MB |"
}

echo "| step ($lines lines in the store) | wall | peak RSS |"
echo "|---|---|---|"
for i in 1 2 3; do rm -rf "$ws/.kpibridge"; measure run; done | row "first run: load everything, all periods"
cp -r "$ws/.kpibridge" "$work/loaded"
cp "$work/night.txt" "$ws/inbox/amazon/All_Orders_night.txt"
for i in 1 2 3; do rm -rf "$ws/.kpibridge"; cp -r "$work/loaded" "$ws/.kpibridge"; measure run; done \
    | row "next night: $((lines / 100)) lines, only touched periods"
grep -q "facts: recomputed " "$work/out"
for i in 1 2 3; do measure run; done | row "run again, nothing new"
grep -q "facts: nothing to recompute" "$work/out"
for i in 1 2 3; do measure run --full-refresh; done | row "--full-refresh: every period again"
