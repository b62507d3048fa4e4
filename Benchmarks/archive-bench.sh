#!/bin/sh
# Times `jury archive add` of one 10-million-sheet bundle and `jury trends`
# over ten yearly bundles of one million sheets, with a release build.
#
#   Benchmarks/archive-bench.sh [work folder, default /tmp]
#
# Each step runs under /usr/bin/time -v (wall, CPU, peak RSS) and `nice -n 10`;
# the figures and the database sizes go to stdout. Needs about 8 GB of disk.
set -eu
work=${1:-/tmp}
root=$(cd "$(dirname "$0")/.." && pwd)
(cd "$root" && swift build -c release >/dev/null)
bin=$work/jury-bench-bin
cp "$root/.build/release/jury" "$bin"

timed() {
    label=$1; shift
    log=$work/bench-$label.time
    nice -n 10 /usr/bin/time -v "$@" >"$work/bench-$label.out" 2>"$log"
    printf '%-24s wall %s  user %ss  sys %ss  peak RSS %s KiB\n' "$label" \
        "$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log")" \
        "$(sed -n 's/.*User time (seconds): //p' "$log")" \
        "$(sed -n 's/.*System time (seconds): //p' "$log")" \
        "$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")"
}

# 10 M sheets in one bundle.
rm -rf "$work/trends-L" "$work/trends-L.sqlite" "$work/trends-L.sqlite-wal" "$work/trends-L.sqlite-shm"
nice -n 10 "$bin" synth --courses 2000000 --experts 50000 --per-course 5 --seed 7 --out "$work/trends-L"
timed add-10M "$bin" archive add "$work/trends-L" --db "$work/trends-L.sqlite"
timed add-10M-again "$bin" archive add "$work/trends-L" --db "$work/trends-L.sqlite"
echo "archive size: $(du -k "$work/trends-L.sqlite" | cut -f1) KiB"

# Ten years of 1 M sheets each.
rm -rf "$work/trends-Y" "$work/trends-Y.sqlite" "$work/trends-Y.sqlite-wal" "$work/trends-Y.sqlite-shm"
nice -n 10 "$bin" synth --years 10 --courses 200000 --experts 10000 --per-course 5 --favouring-experts 5 --seed 7 --out "$work/trends-Y"
for dir in "$work"/trends-Y/20*; do
    timed "add-1M-$(basename "$dir")" "$bin" archive add "$dir" --db "$work/trends-Y.sqlite"
done
echo "archive size: $(du -k "$work/trends-Y.sqlite" | cut -f1) KiB"
timed trends-json "$bin" trends --db "$work/trends-Y.sqlite" --format json
timed trends-page "$bin" trends --db "$work/trends-Y.sqlite" --out "$work/trends-Y-page"
