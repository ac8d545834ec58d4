#!/usr/bin/env bash
# Times the report two ways on the same plans, side by side in one run (a benchmark, not a
# test): `mcplan pdf`, and Chromium headless printing the HTML edition to PDF (the way an
# Electron or web tool makes its PDF). Prints the median wall time of each, the page counts
# and the file sizes. Both times include starting the process, as a user's export does.
#
#   scripts/bench-report.sh [RUNS]      (default 5 runs each; needs poppler-utils, chromium)
#
# The plans: the sample, and the large plan (40 credentials, 500 tasks, ten years) where
# `mcplan demo --large` exists. Release build; nothing outside a temp folder is touched.
set -euo pipefail

runs=${1:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
sudo=$([ "$(id -u)" = 0 ] || echo sudo)

for tool in pdfinfo chromium; do
    if ! command -v "$tool" >/dev/null; then
        package=$([ "$tool" = pdfinfo ] && echo poppler-utils || echo chromium)
        echo "Installing $package"
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$package"
    fi
done

cargo build -q --release -p planner-cli --manifest-path "$root/Cargo.toml"
mcplan="$root/target/release/mcplan"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export MCPLAN_DB="$work/plans.sqlite3"

# Milliseconds since the epoch.
now() { date +%s%3N; }

# The median of the numbers on standard input.
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

# Runs "$@" $runs times and prints the median wall time in ms.
time_runs() {
    for _ in $(seq "$runs"); do
        local start end
        start=$(now)
        "$@" >/dev/null 2>&1
        end=$(now)
        echo $((end - start))
    done | median
}

chromium_print() {
    chromium --headless --no-sandbox --disable-gpu --no-first-run --no-pdf-header-footer \
        --user-data-dir="$work/chromium" --print-to-pdf="$2" "file://$1"
}

pages() { pdfinfo "$1" | awk '/^Pages:/ { print $2 }'; }
size() { stat -c %s "$1"; }

plans=("sample:$("$mcplan" demo)")
if "$mcplan" demo --help 2>/dev/null | grep -q -- '--large'; then
    plans+=("large:$("$mcplan" demo --large)")
else
    echo "(this mcplan has no \`demo --large\`: timing the sample plan only)"
fi

printf '\n%-7s %-28s %9s %6s %11s\n' plan "how" "median ms" pages bytes
for entry in "${plans[@]}"; do
    name=${entry%%:*}
    id=${entry#*:}
    ours="$work/$name.pdf"
    page="$work/$name.html"
    theirs="$work/$name-chromium.pdf"
    "$mcplan" html "$id" --out "$page" >/dev/null
    ours_ms=$(time_runs "$mcplan" pdf "$id" --out "$ours")
    theirs_ms=$(time_runs chromium_print "$page" "$theirs")
    printf '%-7s %-28s %9s %6s %11s\n' "$name" "mcplan pdf" "$ours_ms" \
        "$(pages "$ours")" "$(size "$ours")"
    printf '%-7s %-28s %9s %6s %11s\n' "$name" "chromium --print-to-pdf" "$theirs_ms" \
        "$(pages "$theirs")" "$(size "$theirs")"
    printf '%-7s %-28s %9s %6s %11s\n' "$name" "(HTML edition printed)" "" "" "$(size "$page")"
    awk -v a="$ours_ms" -v b="$theirs_ms" -v s="$(size "$ours")" -v t="$(size "$theirs")" \
        -v n="$name" 'BEGIN { printf "%-7s ours is %.1f× faster and %.2f× the size\n", n,
        b / (a > 0 ? a : 1), s / t }'
done
