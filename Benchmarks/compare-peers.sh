#!/usr/bin/env bash
# Jury against its performance peers (../shared/peers: a pandas/numpy and a
# plain SQLite pipeline doing the same core job), in one run, on the same
# seeded `jury synth` bundles.
#
#   Benchmarks/compare-peers.sh [S] [M] [L]     (default: S M, plus L when JURY_BENCH_LARGE=1)
#
# For each size: the bundle (cached, see below); then RUNS rounds (default 3)
# of, in this order, `jury rank --format json`, `jury audit --format json`,
# the pandas pipeline and the SQLite pipeline, so that the tools alternate
# (A B C D A B C D …) and a slow spell of the shared machine hits all of them;
# each run under `/usr/bin/time -v` (wall clock, user + system CPU, peak
# resident memory). Then one table of medians, with the ratios peer / Jury,
# and the agreement check: Jury's rank and audit JSON are mapped to the
# peers' summary keys by jury_peer_summary.py and compared with
# ../shared/peers/compare.py against the pandas and the SQLite summaries.
#
# Environment:
#   RUNS=3                      runs of each tool per size (at least 3 for a median)
#   JURY=.build/release/jury    the binary; built with `swift build -c release
#                               --product jury` when missing
#   PEERS_DIR=../shared/peers   the peers, found beside the repository; when
#                               absent, only Jury is measured (with a message)
#   PEER_VENV=$TMPDIR/jury-peervenv
#                               Python venv with the peers' pinned packages.
#                               Create it once (PyPI):
#                                 python3 -m venv "$PEER_VENV"
#                                 "$PEER_VENV/bin/pip" install -r ../shared/peers/requirements.txt
#                               or pass --make-venv to let this script do it
#   JURY_BENCH_CACHE=$TMPDIR/jury-bench
#                               bundle cache, shared with the Swift benchmarks
#                               (<size>-seed1/, with a .complete stamp)
#   OUT=$TMPDIR/jury-peers      outputs: per-run JSON, time logs, results.tsv
#   JURY_BENCH_LARGE=1          include L (10M sheets, ~1 GB of CSV; about
#                               2 GiB of disk more for SQLite's database)
# Needs /usr/bin/time (Debian: time), sqlite3 and bc for the SQLite peer:
#   apt-get install -y time sqlite3 bc
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
TMP=${TMPDIR:-/tmp}
RUNS=${RUNS:-3}
JURY=${JURY:-$REPO/.build/release/jury}
PEERS_DIR=${PEERS_DIR:-$REPO/../shared/peers}
PEER_VENV=${PEER_VENV:-$TMP/jury-peervenv}
CACHE=${JURY_BENCH_CACHE:-$TMP/jury-bench}
OUT=${OUT:-$TMP/jury-peers}
MAKE_VENV=0

SIZES=()
for a in "$@"; do
  case $a in
    S|M|L) SIZES+=("$a") ;;
    --make-venv) MAKE_VENV=1 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "compare-peers: unknown argument '$a' (sizes S M L, --make-venv)" >&2; exit 2 ;;
  esac
done
if [ ${#SIZES[@]} -eq 0 ]; then
  SIZES=(S M)
  [ "${JURY_BENCH_LARGE:-}" = 1 ] && SIZES+=(L)
fi
[ "$RUNS" -ge 1 ] || { echo "compare-peers: RUNS must be at least 1" >&2; exit 2; }

log() { printf 'compare-peers: %s\n' "$*" >&2; }

[ -x /usr/bin/time ] || { log "/usr/bin/time is missing: apt-get install -y time"; exit 1; }

if [ ! -x "$JURY" ]; then
  log "building $JURY (swift build -c release --product jury)"
  (cd "$REPO" && swift build -c release --product jury)
fi

# --- which peers can run -------------------------------------------------------
PANDAS=0; SQLITE=0
if [ ! -d "$PEERS_DIR" ]; then
  log "peers not found at $PEERS_DIR (../shared/peers beside the repository): measuring Jury only, no comparison"
else
  PEERS_DIR=$(cd "$PEERS_DIR" && pwd)
  if [ ! -x "$PEER_VENV/bin/python" ] && [ "$MAKE_VENV" = 1 ]; then
    log "creating $PEER_VENV from $PEERS_DIR/requirements.txt"
    python3 -m venv "$PEER_VENV"
    "$PEER_VENV/bin/pip" install -q -r "$PEERS_DIR/requirements.txt"
  fi
  if [ -x "$PEER_VENV/bin/python" ] && "$PEER_VENV/bin/python" -c 'import pandas, numpy' 2>/dev/null; then
    PANDAS=1
  else
    log "no Python venv with pandas at $PEER_VENV: skipping the pandas peer. Create it with"
    log "  python3 -m venv '$PEER_VENV' && '$PEER_VENV/bin/pip' install -r '$PEERS_DIR/requirements.txt'"
    log "(or rerun with --make-venv)"
  fi
  if command -v sqlite3 >/dev/null && command -v bc >/dev/null; then
    SQLITE=1
  else
    log "sqlite3 or bc missing (apt-get install -y sqlite3 bc): skipping the SQLite peer"
  fi
fi

# --- bundles ------------------------------------------------------------------
synth_args() {
  case $1 in
    S) echo "--courses 1000 --experts 100" ;;
    M) echo "--courses 100000 --experts 5000" ;;
    L) echo "--courses 2000000 --experts 50000" ;;
  esac
}

# Same folder and stamp as the Swift benchmarks' BundleCache: generated into a
# temporary sibling, then renamed, so an interrupted run leaves no half bundle.
bundle_of() {
  local size=$1 dir="$CACHE/$1-seed1"
  if [ ! -f "$dir/.complete" ]; then
    local cmd="jury synth $(synth_args "$size") --per-course 5 --seed 1"
    log "$size: generating $dir ($cmd)"
    mkdir -p "$CACHE"
    rm -rf "$dir.partial-$$"
    # shellcheck disable=SC2046
    "$JURY" synth $(synth_args "$size") --per-course 5 --seed 1 --out "$dir.partial-$$" >&2
    echo "$cmd" > "$dir.partial-$$/.complete"
    rm -rf "$dir"
    mv "$dir.partial-$$" "$dir"
  fi
  echo "$dir"
}

# --- one measured run -----------------------------------------------------------
# timed NAME SIZE RUN COMMAND...: runs COMMAND under /usr/bin/time -v and appends
# "size tool run wall_s cpu_s rss_kib" to results.tsv. stdout goes to a file.
timed() {
  local tool=$1 size=$2 run=$3; shift 3
  local tlog="$OUT/$size/$tool.$run.time" stdout="$OUT/$size/$tool.$run.stdout"
  if ! /usr/bin/time -v -o "$tlog" "$@" > "$stdout" 2> "$OUT/$size/$tool.$run.stderr"; then
    log "$size $tool run $run failed; see $OUT/$size/$tool.$run.stderr"
    tail -5 "$OUT/$size/$tool.$run.stderr" >&2
    return 1
  fi
  awk -v size="$size" -v tool="$tool" -v run="$run" '
    /Elapsed \(wall clock\) time/ {
      n = split($NF, p, ":"); w = 0
      for (i = 1; i <= n; i++) w = w * 60 + p[i]
    }
    /User time \(seconds\)/ { u = $NF }
    /System time \(seconds\)/ { s = $NF }
    /Maximum resident set size/ { r = $NF }
    END { printf "%s\t%s\t%s\t%.3f\t%.3f\t%d\n", size, tool, run, w, u + s, r }
  ' "$tlog" >> "$OUT/results.tsv"
}

mkdir -p "$OUT"
printf 'size\ttool\trun\twall_s\tcpu_s\trss_kib\n' > "$OUT/results.tsv"
log "host: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); outputs in $OUT"

CHECKS=()
for size in "${SIZES[@]}"; do
  bundle=$(bundle_of "$size")
  mkdir -p "$OUT/$size"
  for run in $(seq 1 "$RUNS"); do
    log "$size: round $run of $RUNS"
    timed jury-rank "$size" "$run" "$JURY" rank "$bundle" --format json
    timed jury-audit "$size" "$run" "$JURY" audit "$bundle" --format json
    if [ "$PANDAS" = 1 ]; then
      timed pandas "$size" "$run" "$PEER_VENV/bin/python" "$PEERS_DIR/pandas_pipeline.py" "$bundle" \
        --engine c --out "$OUT/$size/pandas.json"
    fi
    if [ "$SQLITE" = 1 ]; then
      timed sqlite "$size" "$run" bash "$PEERS_DIR/sqlite_pipeline.sh" "$bundle" "$OUT/$size/peer.sqlite" \
        "$OUT/$size/sqlite.json"
    fi
  done
  rm -f "$OUT/$size/peer.sqlite"

  # --- agreement (not timed) -----------------------------------------------------
  cp "$OUT/$size/jury-rank.$RUNS.stdout" "$OUT/$size/jury-rank.json"
  cp "$OUT/$size/jury-audit.$RUNS.stdout" "$OUT/$size/jury-audit.json"
  "$JURY" rank "$bundle" --method trimmed --format json > "$OUT/$size/jury-rank-trimmed.json"
  python3 "$HERE/jury_peer_summary.py" "$OUT/$size/jury-rank.json" --audit "$OUT/$size/jury-audit.json" \
    --trimmed "$OUT/$size/jury-rank-trimmed.json" --out "$OUT/$size/jury.json"
  for peer in pandas sqlite; do
    [ -f "$OUT/$size/$peer.json" ] || continue
    if python3 "$PEERS_DIR/compare.py" "$OUT/$size/jury.json" "$OUT/$size/$peer.json" \
         > "$OUT/$size/compare-$peer.txt"; then
      CHECKS+=("$size jury vs $peer: agree ($(tail -1 "$OUT/$size/compare-$peer.txt" | sed 's/.*: //'))")
    else
      CHECKS+=("$size jury vs $peer: $(tail -1 "$OUT/$size/compare-$peer.txt" | sed 's/.*: //'), see $OUT/$size/compare-$peer.txt")
    fi
  done
  if [ -f "$OUT/$size/pandas.json" ]; then
    CHECKS+=("$size outlier flags (different rules, not compared): jury $(python3 -c '
import json, sys; print(json.load(open(sys.argv[1]))["jury_only"]["outliers"]["flagged_sheets"])' "$OUT/$size/jury.json"), pandas $(python3 -c '
import json, sys; print(json.load(open(sys.argv[1]))["outliers"]["flagged_sheets"])' "$OUT/$size/pandas.json")")
  fi
done

# --- the table --------------------------------------------------------------------
python3 - "$OUT/results.tsv" "$CACHE" <<'PY'
import csv, os, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
cache = sys.argv[2]
med = {}
for r in rows:
    med.setdefault((r["size"], r["tool"]), []).append(r)
def m(key, field):
    return statistics.median(float(r[field]) for r in med[key])
sizes = list(dict.fromkeys(r["size"] for r in rows))
tools = list(dict.fromkeys(r["tool"] for r in rows))
print("| size | sheets.csv | tool | runs | wall (median) | CPU (median) | peak RSS (median) "
      "| wall ÷ jury rank | wall ÷ jury audit | RSS ÷ jury rank | RSS ÷ jury audit |")
print("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")
for s in sizes:
    try:
        mb = "%.1f MB" % (os.path.getsize(os.path.join(cache, s + "-seed1", "sheets.csv")) / 1e6)
    except OSError:
        mb = "?"
    for t in tools:
        k = (s, t)
        if k not in med:
            continue
        w, c, r = m(k, "wall_s"), m(k, "cpu_s"), m(k, "rss_kib") / 1024
        def ratio(base, field, scale=1):
            b = (s, base)
            if b not in med or t == base:
                return "—"
            return "%.2f" % (m(k, field) / m(b, field))
        print("| %s | %s | %s | %d | %.2f s | %.2f s | %.0f MiB | %s | %s | %s | %s |" % (
            s, mb, t, len(med[k]), w, c, r, ratio("jury-rank", "wall_s"), ratio("jury-audit", "wall_s"),
            ratio("jury-rank", "rss_kib"), ratio("jury-audit", "rss_kib")))
PY
echo
echo "Median of each tool's runs; ratios above 1 mean the peer is slower / larger."
printf 'load average now: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
for c in "${CHECKS[@]}"; do echo "$c"; done
