#!/usr/bin/env bash
# kpibridge end to end on generated exports (Benchmarks/generate.py): for each LINES (default 100000 and
# 1000000) a first run that loads a year of Amazon, Shopify and 马帮 exports into a fresh SQLite store, the
# next night's exports (1 % new lines plus re-sent recent orders), a run with nothing new, and
# `--full-refresh`, which must change nothing. Release build, one run each, /usr/bin/time; prints a
# Markdown table.
#
#   Benchmarks/run.sh [LINES ...]
#   STORE='postgres://user@host/db' Benchmarks/run.sh 100000   # into PostgreSQL: a new schema per LINES, left in place
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || set -- 100000 1000000
swift build -c release >/dev/null 2>&1
kpibridge=$(swift build -c release --show-bin-path)/kpibridge
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Runs `kpibridge ARGS --workspace WS` and prints "wall_seconds peak_MB"; fails when the run does.
measure() {
    local ws=$1; shift
    /usr/bin/time -f "%e %M" -o "$work/time" "$kpibridge" "$@" --workspace "$ws" > "$work/out" 2> "$work/err" || {
        cat "$work/err" >&2; return 1; }
    awk '{ printf "%s %.0f\n", $1, $2 / 1024 }' "$work/time"
}

echo "| lines | step | wall | lines/s | peak RSS | summary |"
echo "|---|---|---|---|---|---|"
for lines in "$@"; do
    rm -rf "$work/data"
    python3 Benchmarks/generate.py "$lines" "$work/data"
    ws=$work/data/workspace
    if [ -n "${STORE:-}" ]; then
        separator='?'; case "$STORE" in *\?*) separator='&' ;; esac
        printf 'store: %s\n' "$STORE${separator}schema=kpibench_${lines}_$$" > "$work/store.yaml"
        sed -i '/^store:/d' "$ws/kpibridge.yaml" && cat "$work/store.yaml" "$ws/kpibridge.yaml" > "$work/k.yaml"
        mv "$work/k.yaml" "$ws/kpibridge.yaml"
    fi
    read -r wall rss < <(measure "$ws" run)
    grep -q "0 quarantined" "$work/out"
    echo "| $lines | first run | $wall s | $(awk -v n="$lines" -v w="$wall" 'BEGIN { printf "%.0f", n / w }') | $rss MB | $(grep '^files:' "$work/out") |"
    for dir in amazon shopify erp; do cp "$work/data/night/$dir/"* "$ws/inbox/$dir/"; done
    read -r wall rss < <(measure "$ws" run)
    echo "| $lines | next night | $wall s | | $rss MB | $(grep '^facts:' "$work/out" | cut -d';' -f1) |"
    read -r wall rss < <(measure "$ws" run)
    echo "| $lines | nothing new | $wall s | | $rss MB | $(grep '^facts:' "$work/out" | cut -d';' -f1) |"
    read -r wall rss < <(measure "$ws" run --full-refresh)
    echo "| $lines | --full-refresh | $wall s | | $rss MB | $(grep '^facts:' "$work/out" | cut -d';' -f1) |"
    # The incremental runs must have left exactly what recomputing everything gives.
    grep -q "^facts: .*(0 new, 0 changed, 0 removed, .* unchanged)" "$work/out"
    grep -q "^reconciliation: .*(0 new, 0 changed, 0 removed, .* unchanged)" "$work/out"
done
