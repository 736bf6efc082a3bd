#!/usr/bin/env bash
# Renders the sample workspace's October report in headless Chromium: a PNG of its first screen
# (the README's screenshot), one of its reconciliation section (the bridges' waterfalls) and a PDF of
# the whole report (checks that it prints cleanly).
#
#   bash samples/tools/report-screenshot.sh [LANG] [OUT_DIR]     # LANG zh (default) or en
#
# Needs Debian's chromium and fonts-noto-cjk (installed when missing and run as root).
set -euo pipefail

lang="${1:-zh}"
repo="$(cd "$(dirname "$0")/../.." && pwd)"
out="${2:-$repo/samples}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

if ! command -v chromium >/dev/null; then
  if [ "$(id -u)" -eq 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-noto-cjk >/dev/null
  else
    echo "needs chromium and fonts-noto-cjk: sudo apt-get install chromium fonts-noto-cjk" >&2
    exit 2
  fi
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$repo/samples/workspace" "$work/workspace"
rm -rf "$work/workspace/.kpibridge"

cd "$repo"
swift build -q --product kpibridge
bin="$(swift build --show-bin-path)/kpibridge"
"$bin" run --workspace "$work/workspace" >/dev/null 2>&1
"$bin" report --workspace "$work/workspace" --period 2026-10 --lang "$lang" --out "$work/report.html"

chrome=(chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --no-first-run
        --user-data-dir="$work/chrome" --virtual-time-budget=2000)
"${chrome[@]}" --window-size=1200,1700 --screenshot="$out/report-2026-10-$lang.png" "file://$work/report.html" 2>/dev/null
# The reconciliation section alone (header kept, the other sections left out): its waterfalls.
awk '/^<section id="/ { keep = ($0 ~ /id="reconciliation"/) } /^<\/main>/ { keep = 1 } keep || !inside { print }
     /^<main>/ { inside = 1 }' "$work/report.html" > "$work/reconciliation.html"
"${chrome[@]}" --window-size=1200,1500 --screenshot="$out/report-2026-10-$lang-reconciliation.png" \
    "file://$work/reconciliation.html" 2>/dev/null
"${chrome[@]}" --no-pdf-header-footer --print-to-pdf="$work/report.pdf" "file://$work/report.html" 2>/dev/null
cp "$work/report.pdf" "$out/report-2026-10-$lang.pdf"
echo "wrote $out/report-2026-10-$lang.png and $out/report-2026-10-$lang.pdf"
