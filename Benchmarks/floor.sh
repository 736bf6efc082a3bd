#!/usr/bin/env bash
# The floor under Benchmarks/run.sh on this machine: how long it takes just to read the same exports
# (`wc -l`) and to copy every row into SQLite as text with the sqlite3 shell's `.import` (the ERP's
# GB18030 through iconv first), with no parsing of values, no deduplication and no metrics.
#
#   Benchmarks/floor.sh LINES       # generates the workspace as run.sh does, then prints both times
set -euo pipefail
cd "$(dirname "$0")/.."
lines=${1:?usage: Benchmarks/floor.sh LINES}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 Benchmarks/generate.py "$lines" "$work/data" > /dev/null
inbox=$work/data/workspace/inbox
files=$(find "$inbox" -type f | sort)

/usr/bin/time -f "wc -l: %e s, %M KB" sh -c "cat $(echo $files | tr '\n' ' ') | wc -l > /dev/null"

# One .import per file into a table of its own (the header row names the columns).
script=$work/import.sql
: > "$script"
n=0
for f in $files; do
    n=$((n + 1))
    case "$f" in
        *.txt) printf '.mode tabs\n.import %s t%d\n' "$f" "$n" >> "$script" ;;
        */erp/*) iconv -f GB18030 -t UTF-8 "$f" > "$work/erp$n.csv"
                 printf '.mode csv\n.import %s t%d\n' "$work/erp$n.csv" "$n" >> "$script" ;;
        *) printf '.mode csv\n.import %s t%d\n' "$f" "$n" >> "$script" ;;
    esac
done
/usr/bin/time -f "sqlite3 .import: %e s, %M KB" sqlite3 "$work/floor.sqlite" \
    "PRAGMA journal_mode = WAL" "PRAGMA synchronous = NORMAL" ".read $script" > /dev/null
echo "rows imported: $(for i in $(seq 1 $n); do sqlite3 "$work/floor.sqlite" "SELECT count(*) FROM t$i"; done | paste -sd+ | bc)"
