#!/usr/bin/env bash
# Where `jury rank` and `jury audit` spend their CPU time on a cached
# benchmark bundle: perf record -g (frame pointers, 999 Hz, the cpu-clock
# event where the machine has no hardware counters), demangled, broken down
# into phases by perf-breakdown.py.
#
#   Benchmarks/profile.sh [S|M|L] [rank|audit|stages ...]     (default: M rank audit)
#
# Needs perf (Debian: linux-perf) and the bundle in the cache
# ($JURY_BENCH_CACHE, default $TMPDIR/jury-bench; compare-peers.sh or the
# Swift benchmarks write it). Output: $OUT (default $TMPDIR/jury-profile).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
TMP=${TMPDIR:-/tmp}
JURY=${JURY:-$REPO/.build/release/jury}
CACHE=${JURY_BENCH_CACHE:-$TMP/jury-bench}
OUT=${OUT:-$TMP/jury-profile}
SIZE=${1:-M}; shift || true
COMMANDS=("$@"); [ ${#COMMANDS[@]} -gt 0 ] || COMMANDS=(rank audit)
BUNDLE=$CACHE/$SIZE-seed1
[ -f "$BUNDLE/.complete" ] || { echo "profile: no bundle at $BUNDLE (run compare-peers.sh $SIZE first)" >&2; exit 1; }
[ -x "$JURY" ] || (cd "$REPO" && swift build -c release --product jury)
mkdir -p "$OUT"
for cmd in "${COMMANDS[@]}"; do
  data=$OUT/$SIZE-$cmd.data
  perf record -q -F 999 -g -o "$data" "$JURY" "$cmd" "$BUNDLE" --format json > /dev/null
  perf script -i "$data" -F comm,period,ip,sym 2>/dev/null | swift demangle --simplified > "$OUT/$SIZE-$cmd.txt"
  echo "## jury $cmd, $SIZE"
  python3 "$HERE/perf-breakdown.py" "$OUT/$SIZE-$cmd.txt" --top 15
  echo
done
