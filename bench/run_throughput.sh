#!/usr/bin/env bash
# run_throughput.sh - whole-process lint throughput and peak memory of build/ocrlint on the
# benchmark corpus (bench/make_corpus.py). Builds nothing: `make bench` builds first.
#
# Usage: bench/run_throughput.sh [--select GROUP] [--peers] [--runs N]
#                                [--size-mb N] [--small-files N] [--peer-subset N]
#
#   --select GROUP   passed through to ocrlint (a group, rule ids, comma list); the results
#                    are stored under that name, so "default" and "hygiene" runs coexist
#   --peers          also time autocorrect (../shared/peers/run_peer.sh) and `wc -m` (a
#                    floor: reading and decoding the bytes) on the same inputs, same run
#   --runs N         hyperfine runs per command after one warm-up (default 5, minimum 5)
#   --size-mb N      corpus size: big.txt, and small/ in all (default 100)
#   --small-files N  number of small files (default 2000)
#   --peer-subset N  small files autocorrect is timed on (one process over the first N
#                    files); its time is scaled to all of small/ by bytes (default 200)
#
# What is measured (hyperfine, 1 warm-up + N runs, median, JSON in build/bench-results/):
#   big.txt,  ocrlint check --threads 1        one 100 MB document
#   small/,   ocrlint check --threads 1        2000 files of 50 KB
#   small/,   ocrlint check --threads $(nproc)
# always with --format json and stdout to /dev/null: the cost of producing the output is
# included, terminal rendering is not. MB/s = input bytes / 10^6 / median seconds.
# Peak RSS: /usr/bin/time -f %M on the big.txt command, relative to big.txt's size
# (target: below 2x the largest file).
# Timing never fails anything; the script exits non-zero only when it cannot measure
# (no binary, ocrlint exits 2 on the inputs, a tool is missing).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OCRLINT="${OCRLINT:-$ROOT/build/ocrlint}"
CORPUS="${OCRLINT_BENCH_CORPUS:-$ROOT/build/bench-corpus}"
RESULTS="${OCRLINT_BENCH_RESULTS:-$ROOT/build/bench-results}"
PEER_SCRIPT="${PEER_SCRIPT:-$ROOT/../shared/peers/run_peer.sh}"

SELECT=""
PEERS=0
RUNS=5
SIZE_MB=100
SMALL_FILES=2000
PEER_SUBSET=200

usage() {
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}" >&2
  exit 2
}

die() {
  echo "run_throughput.sh: $*" >&2
  exit 2
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --select) [[ $# -ge 2 ]] || usage; SELECT="$2"; shift 2 ;;
    --select=*) SELECT="${1#*=}"; shift ;;
    --peers) PEERS=1; shift ;;
    --runs) [[ $# -ge 2 ]] || usage; RUNS="$2"; shift 2 ;;
    --size-mb) [[ $# -ge 2 ]] || usage; SIZE_MB="$2"; shift 2 ;;
    --small-files) [[ $# -ge 2 ]] || usage; SMALL_FILES="$2"; shift 2 ;;
    --peer-subset) [[ $# -ge 2 ]] || usage; PEER_SUBSET="$2"; shift 2 ;;
    -h|--help) usage ;;
    *) echo "run_throughput.sh: unknown argument: $1" >&2; usage ;;
  esac
done
[[ "$RUNS" =~ ^[0-9]+$ && "$RUNS" -ge 5 ]] || die "--runs must be a number >= 5"
[[ "$PEER_SUBSET" =~ ^[0-9]+$ && "$PEER_SUBSET" -ge 1 ]] || die "--peer-subset must be >= 1"

[[ -x "$OCRLINT" ]] || die "no $OCRLINT: build first (make bench does)"
for tool in hyperfine python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || die "$tool not found (scripts/install-deps installs it)"
done

# --- corpus: regenerate when missing or made by another recipe or size -----------------
corpus_current() {
  [[ -f "$CORPUS/manifest.json" ]] || return 1
  local want
  want="$(python3 "$ROOT/bench/make_corpus.py" --print-hash)"
  python3 - "$CORPUS/manifest.json" "$want" "$SIZE_MB" "$SMALL_FILES" <<'EOF'
import json, sys
m = json.load(open(sys.argv[1]))
ok = (m.get("script_sha256") == sys.argv[2] and float(m.get("size_mb", -1)) == float(sys.argv[3])
      and m.get("small", {}).get("files") == int(sys.argv[4]))
sys.exit(0 if ok else 1)
EOF
}
if ! corpus_current; then
  echo "run_throughput.sh: generating the corpus in $CORPUS" >&2
  rm -rf "$CORPUS"
  python3 "$ROOT/bench/make_corpus.py" --out "$CORPUS" --size-mb "$SIZE_MB" \
    --small-files "$SMALL_FILES"
fi
BIG="$CORPUS/big.txt"
SMALL="$CORPUS/small"

TAG="${SELECT:-default}"
TAG="${TAG//[^A-Za-z0-9_-]/_}"
mkdir -p "$RESULTS"
SELECT_ARGS=()
[[ -n "$SELECT" ]] && SELECT_ARGS=(--select "$SELECT")
NPROC="$(nproc)"

# A shell-quoted ocrlint command line for hyperfine (which runs it with sh -c).
ocrlint_cmd() { # PATH THREADS
  printf '%q ' "$OCRLINT" check "$1" --threads "$2" --format json "${SELECT_ARGS[@]}"
  printf '> /dev/null'
}

# hyperfine runs with --ignore-failure because ocrlint exits 1 when it finds something;
# so make sure first that it does not exit 2 (a usage or I/O error) on these inputs.
preflight() { # PATH
  local rc=0
  "$OCRLINT" check "$1" --threads "$NPROC" --format json "${SELECT_ARGS[@]}" >/dev/null || rc=$?
  [[ $rc -le 1 ]] || die "ocrlint exited $rc on $1 (see its message above)"
}
preflight "$(find "$SMALL" -type f | sort | sed -n 1p)"

# name<TAB>input<TAB>bytes timed<TAB>bytes of the whole input<TAB>json: how summary rows map
# to hyperfine results (the two sizes differ for the peer timed on a subset).
ROWS="$RESULTS/rows-$TAG.tsv"
: >"$ROWS"
bytes_of() { find "$@" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }'; }
BIG_BYTES="$(stat -c %s "$BIG")"
SMALL_BYTES="$(bytes_of "$SMALL")"

HF=(hyperfine --warmup 1 --runs "$RUNS" --ignore-failure --style basic)

# --- peers -----------------------------------------------------------------------------
PEER_BIG=()
PEER_SMALL=()
if ((PEERS)); then
  [[ -x "$PEER_SCRIPT" ]] || die "no $PEER_SCRIPT"
  "$PEER_SCRIPT" install >&2  # install outside the timings
  # Lint mode exits 1 with findings; 2 is a usage error.
  rc=0; (cd / && "$PEER_SCRIPT" autocorrect lint "$(find "$SMALL" -type f | sort | sed -n 1p)" \
    >/dev/null) || rc=$?
  [[ $rc -le 1 ]] || die "autocorrect exited $rc"
  # run_peer.sh lints one file per process, and starting autocorrect (node) takes some
  # tenths of a second, more than linting a 50 KB file; so small/ is timed with one autocorrect process over the
  # first $PEER_SUBSET files (by name), the same binary and flags run_peer.sh uses, with
  # its --threads like ocrlint's, and scaled to all of small/ by bytes.
  AUTOCORRECT="${PEERS_HOME:-/tmp/peers/node}/node_modules/.bin/autocorrect"
  [[ -x "$AUTOCORRECT" ]] || die "no $AUTOCORRECT after run_peer.sh install"
  SUBSET_LIST="$RESULTS/peer-subset.txt"
  find "$SMALL" -type f | sort | sed -n "1,${PEER_SUBSET}p" >"$SUBSET_LIST"
  SUBSET_BYTES="$(xargs -d '\n' stat -c %s <"$SUBSET_LIST" | awk '{ s += $1 } END { print s }')"
  PEER_Q="$(printf '%q' "$PEER_SCRIPT")"
  SUBSET_Q="$(printf '%q' "$SUBSET_LIST")"
  # wc -m decodes UTF-8 (in the C locale it would only count bytes).
  # autocorrect honours the .gitignore of the folder it runs in and silently skips ignored
  # files ("No issues found"): the corpus is under build/, so every autocorrect command
  # runs from / (all paths are absolute).
  PEER_BIG=(-n "autocorrect" "cd / && $PEER_Q autocorrect lint $(printf '%q' "$BIG") > /dev/null"
            -n "wc -m" "LC_ALL=C.UTF-8 wc -m $(printf '%q' "$BIG") > /dev/null")
  for threads in 1 "$NPROC"; do
    PEER_SMALL+=(-n "autocorrect --threads $threads, $PEER_SUBSET files"
                 "cd / && xargs -d '\\n' $(printf '%q' "$AUTOCORRECT") --lint --type text \
--no-diff-bg-color --threads $threads < $SUBSET_Q > /dev/null")
  done
  PEER_SMALL+=(-n "wc -m" "find $(printf '%q' "$SMALL") -type f -print0 | \
LC_ALL=C.UTF-8 xargs -0 wc -m > /dev/null")
fi

# --- timings ---------------------------------------------------------------------------
echo "run_throughput.sh: big.txt ($((BIG_BYTES / 1000000)) MB)" >&2
"${HF[@]}" --export-json "$RESULTS/big-$TAG.json" \
  -n "ocrlint --threads 1" "$(ocrlint_cmd "$BIG" 1)" "${PEER_BIG[@]}" >&2
row() { printf '%s\t%s\t%s\t%s\t%s\n' "$@" >>"$ROWS"; }
row "ocrlint --threads 1" big.txt "$BIG_BYTES" "$BIG_BYTES" "big-$TAG.json"

echo "run_throughput.sh: small/ ($(find "$SMALL" -type f | wc -l) files)" >&2
"${HF[@]}" --export-json "$RESULTS/small-$TAG.json" \
  -n "ocrlint --threads 1" "$(ocrlint_cmd "$SMALL" 1)" \
  -n "ocrlint --threads $NPROC" "$(ocrlint_cmd "$SMALL" "$NPROC")" "${PEER_SMALL[@]}" >&2
row "ocrlint --threads 1" small/ "$SMALL_BYTES" "$SMALL_BYTES" "small-$TAG.json"
row "ocrlint --threads $NPROC" small/ "$SMALL_BYTES" "$SMALL_BYTES" "small-$TAG.json"
if ((PEERS)); then
  row autocorrect big.txt "$BIG_BYTES" "$BIG_BYTES" "big-$TAG.json"
  row "wc -m" big.txt "$BIG_BYTES" "$BIG_BYTES" "big-$TAG.json"
  for threads in 1 "$NPROC"; do
    row "autocorrect --threads $threads, $PEER_SUBSET files" small/ "$SUBSET_BYTES" \
      "$SMALL_BYTES" "small-$TAG.json"
  done
  row "wc -m" small/ "$SMALL_BYTES" "$SMALL_BYTES" "small-$TAG.json"
fi

# --- peak memory -----------------------------------------------------------------------
RSS_FILE="$RESULTS/rss-$TAG.txt"
rc=0
/usr/bin/time -f %M -o "$RSS_FILE" "$OCRLINT" check "$BIG" --threads 1 --format json \
  "${SELECT_ARGS[@]}" >/dev/null || rc=$?
[[ $rc -le 1 ]] || die "ocrlint exited $rc on $BIG"

# --- report ----------------------------------------------------------------------------
python3 - "$RESULTS" "$ROWS" "$RSS_FILE" "$BIG_BYTES" "$TAG" "$NPROC" <<'EOF' |
import json, pathlib, sys
results, rows_path, rss_path, big_bytes, tag, nproc = sys.argv[1:]
results = pathlib.Path(results)
medians = {}
rows = []
for line in open(rows_path):
    name, input_label, timed, whole, json_name = line.rstrip("\n").split("\t")
    if json_name not in medians:
        data = json.load(open(results / json_name))
        medians[json_name] = {r["command"]: (r["median"], r["user"] + r["system"])
                              for r in data["results"]}
    median, cpu = medians[json_name][name]
    rows.append((input_label, name, int(timed), int(whole), median, cpu))
reference = {}  # input -> ocrlint --threads 1 MB/s
rows = [r for r in rows if r[4] > 0 and r[5] > 0]  # faster than hyperfine can time
for input_label, name, timed, whole, median, cpu in rows:
    if name == "ocrlint --threads 1":
        reference[input_label] = timed / 1e6 / median
print(f"Selection: {tag}; machine: {nproc} cores; medians of hyperfine runs; "
      "MB = 10^6 bytes; * timed on a subset and scaled to the whole input.\n"
      "MB/s is wall-clock; MB/CPU-s uses the mean user + system time of the process tree, "
      "which is steadier when other work shares the cores.\n")
print("| input | tool | median s | MB/s | MB/CPU-s | time vs ocrlint --threads 1 |")
print("|---|---|---:|---:|---:|---:|")
for input_label, name, timed, whole, median, cpu in rows:
    rate = timed / 1e6 / median
    ratio = reference.get(input_label, float("nan")) / rate
    mark = "*" if timed != whole else ""
    print(f"| {input_label} ({whole / 1e6:.1f} MB) | {name} | {median * whole / timed:.3f}{mark} "
          f"| {rate:.1f} | {timed / 1e6 / cpu:.1f} | {ratio:.2f}x |")
rss_kib = int(open(rss_path).read().split()[-1])
big_mib = int(big_bytes) / 2**20
print(f"\nPeak RSS, ocrlint --threads 1 on big.txt: {rss_kib / 1024:.0f} MiB = "
      f"{rss_kib / 1024 / big_mib:.2f}x the input ({big_mib:.0f} MiB; target < 2x).")
EOF
  tee "$RESULTS/summary-$TAG.md"
