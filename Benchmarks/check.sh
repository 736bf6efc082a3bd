#!/usr/bin/env bash
# The benchmark's equality check alone, small enough for CI: generated exports (Benchmarks/generate.py)
# loaded by kpibridge, the same files through the DuckDB, pandas and dlt reference engines, and every
# engine's metric values compared with kpibridge's (Benchmarks/reference/compare.py). Exits non-zero on
# the first difference. An independent implementation of the same rules, so a change that moves a
# number kpibridge computes from these layouts shows here. No timing.
#
#   Benchmarks/check.sh [LINES [KPIBRIDGE]]    # default 3000 lines, the debug build
set -euo pipefail
cd "$(dirname "$0")/.."
lines=${1:-3000}
kpibridge=${2:-}
if [ -z "$kpibridge" ]; then
    swift build --product kpibridge >/dev/null
    kpibridge=$(swift build --show-bin-path)/kpibridge
fi
source Benchmarks/reference/venv.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 Benchmarks/generate.py "$lines" "$work/data"
"$kpibridge" run --workspace "$work/data/workspace" > "$work/run.txt" 2> "$work/run.err" || { cat "$work/run.err" >&2; exit 1; }
grep -q " 0 quarantined" "$work/run.txt"
"$kpibridge" export --workspace "$work/data/workspace" --table fact_metric --format csv --out "$work/facts.csv"
outputs=()
for engine in duckdb pandas dlt; do
    "$python" "Benchmarks/reference/engine_$engine.py" "$work/data/workspace" "$work/$engine.csv"
    outputs+=("$work/$engine.csv")
done
"$python" Benchmarks/reference/compare.py "$work/facts.csv" "${outputs[@]}"
