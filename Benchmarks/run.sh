#!/usr/bin/env bash
# kpibridge end to end on generated exports (Benchmarks/generate.py), beside DuckDB, pandas and dlt doing the
# same work on the same files (Benchmarks/reference/). For each LINES (default 100000 and 1000000):
#
#   1. kpibridge's first run: a year of Amazon, Shopify and 马帮 exports into a fresh SQLite store;
#   2. each reference engine on the same inbox; every engine's metric values must equal kpibridge's
#      (reference/compare.py; DuckDB's also gross margin and ACoS) before any timing of that size is printed;
#   3. the next night's exports (1 % new lines plus re-sent recent orders), a run with nothing new, and
#      `--full-refresh`, which must change nothing.
#
# Release build, one run of each, wall time and peak RSS from /usr/bin/time; prints a Markdown table. The
# engines come from PyPI (reference/requirements.txt) into .build/benchmarks-venv, made on first use.
#
#   Benchmarks/run.sh [LINES ...]
#   ENGINES='duckdb pandas' Benchmarks/run.sh 100000    # a subset of the reference engines (default: all three)
#   ENGINES= Benchmarks/run.sh 100000                  # kpibridge alone, no PyPI needed
#   STORE='postgres://user@host/db' Benchmarks/run.sh 100000   # into PostgreSQL: a new schema per LINES, left in place
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || set -- 100000 1000000
engines=${ENGINES-duckdb pandas dlt}
swift build -c release >/dev/null 2>&1
kpibridge=$(swift build -c release --show-bin-path)/kpibridge
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

[ -z "$engines" ] || source Benchmarks/reference/venv.sh

# Runs COMMAND… and prints "wall_seconds peak_MB"; fails (showing its errors) when the command does.
measure() {
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$work/out" 2> "$work/err" || { cat "$work/err" >&2; return 1; }
    awk '{ printf "%s %.0f\n", $1, $2 / 1024 }' "$work/time"
}
per_second() { awk -v n="$1" -v w="$2" 'BEGIN { printf "%.0f", n / w }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

echo "| engine | lines | step | wall | lines/s | peak RSS | kpibridge ÷ engine | summary |"
echo "|---|---|---|---|---|---|---|---|"
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
    read -r first rss < <(measure "$kpibridge" run --workspace "$ws")
    grep -q "0 quarantined" "$work/out"
    rows="| kpibridge | $lines | first run | $first s | $(per_second "$lines" "$first") | $rss MB | 1.00 | $(grep '^files:' "$work/out") |"
    "$kpibridge" export --workspace "$ws" --table fact_metric --format csv --out "$work/facts.csv"
    for engine in $engines; do
        read -r wall rss < <(measure "$python" "Benchmarks/reference/engine_$engine.py" "$ws" "$work/$engine.csv")
        rows+=$'\n'"| $engine | $lines | same files, same metrics | $wall s | $(per_second "$lines" "$wall") | $rss MB | $(ratio "$first" "$wall") | |"
    done
    if [ -n "$engines" ]; then
        "$python" Benchmarks/reference/compare.py "$work/facts.csv" \
            $(for engine in $engines; do echo "$work/$engine.csv"; done) > "$work/compared" || exit 1
        check=$(sed -E 's|^.*/([a-z]+)\.csv: all ([0-9]+) values equal kpibridge.s|\1 \2|' "$work/compared" | paste -sd ';' | sed 's/;/; /g')
        rows+=$'\n'"| (check) | $lines | every engine's values equal kpibridge's | | | | | $check |"
    fi
    echo "$rows"
    for dir in amazon shopify erp; do cp "$work/data/night/$dir/"* "$ws/inbox/$dir/"; done
    read -r wall rss < <(measure "$kpibridge" run --workspace "$ws")
    echo "| kpibridge | $lines | next night | $wall s | | $rss MB | | $(grep '^facts:' "$work/out" | cut -d';' -f1); $(ratio "$wall" "$first" | awk '{ printf "%.1f", $1 * 100 }') % of the first run |"
    read -r wall rss < <(measure "$kpibridge" run --workspace "$ws")
    echo "| kpibridge | $lines | nothing new | $wall s | | $rss MB | | $(grep '^facts:' "$work/out" | cut -d';' -f1) |"
    read -r wall rss < <(measure "$kpibridge" run --full-refresh --workspace "$ws")
    echo "| kpibridge | $lines | --full-refresh | $wall s | | $rss MB | | $(grep '^facts:' "$work/out" | cut -d';' -f1) |"
    # The incremental runs must have left exactly what recomputing everything gives.
    grep -q "^facts: .*(0 new, 0 changed, 0 removed, .* unchanged)" "$work/out"
    grep -q "^reconciliation: .*(0 new, 0 changed, 0 removed, .* unchanged)" "$work/out"
done
