#!/usr/bin/env bash
# Scale benchmark of the store: generate N documents, ingest them, query them.
#
#   bench/store-scale.sh [N]     (default 1000000; not run in CI except as a tiny smoke run)
#
# Environment: BUILD=build dir (default build/release), WORK=scratch dir (default
# /tmp/dondoc-scale-N; the generated corpus is kept there and reused by a re-run with the
# same N), QUERIES=query file (default bench/queries.txt), REPEAT=runs per query (default 5),
# KEEP=1 keeps the database (REUSE=1 then queries it again without ingesting), BASELINE=another dondoc binary (e.g. one built before a change):
# it ingests the same corpus first, in the same run, so the two figures are comparable on a
# machine whose load changes; its database is then deleted.
#
# Prints, for each ingest: documents/s (wall), CPU seconds (user + system, /usr/bin/time -v)
# and documents per CPU-second (the figure that does not depend on how busy the machine is),
# peak RSS; then the database size, and store_bench's per-query and overall p50/p99 of our
# search path beside raw FTS5 (the same MATCH on the FTS table, every match scored: ORDER BY
# bm25 LIMIT 20) and beside the FTS5 statements of our bounded ranking alone, their ratios
# (our overhead), how many of raw FTS5's top 20 we keep, and the query process's peak RSS.
# Targets (issue 4): ingest >= 1,000 docs/s on 2 cores; p50 <= 5 ms, p99 <= 20 ms at 1M
# documents; overhead <= 1.2x.
set -euo pipefail
cd "$(dirname "$0")/.."

n=${1:-1000000}
case "$n" in '' | *[!0-9]*) echo "store-scale: N must be a number of documents, not '$n'" >&2; exit 2 ;; esac
build=${BUILD:-build/release}
work=${WORK:-/tmp/dondoc-scale-$n}
queries=${QUERIES:-bench/queries.txt}
bin=$build/dondoc
bench=$build/bench/store_bench
for x in "$bin" "$bench"; do
  [ -x "$x" ] || { echo "store-scale: $x missing (build the release preset)" >&2; exit 1; }
done
mkdir -p "$work"

if [ ! -f "$work/corpus.done" ]; then
  rm -rf "$work/corpus"
  echo "== generating $n documents into $work/corpus"
  python3 bench/gen_corpus.py "$n" "$work/corpus"
  touch "$work/corpus.done"
fi
echo "== corpus: $n documents, $(du -sm "$work/corpus" | cut -f1) MB on disk"

# ingest LABEL BINARY DB: one timed ingest of the corpus and its figures.
ingest() {
  local label=$1 binary=$2 db=$3
  rm -f "$db" "$db-wal" "$db-shm"
  /usr/bin/time -v "$binary" ingest --db "$db" "$work/corpus" >"$work/ingest.out" 2>"$work/ingest.err" || true
  echo "-- $label ($binary)"
  grep -E '^(ingested|failed|database)' "$work/ingest.out" | sed 's/^/  /' || { tail -5 "$work/ingest.err"; exit 1; }
  awk -v n="$n" '
    /User time/ { user = $NF } /System time/ { sys = $NF }
    /Elapsed \(wall/ { wall = $NF } /Maximum resident/ { rss = $NF }
    END {
      split(wall, p, ":"); w = 0; for (i = 1; i in p; i++) w = w * 60 + p[i]
      cpu = user + sys
      printf "  wall %.1f s (%.0f docs/s), CPU %.1f s (user %.1f + sys %.1f): %.0f docs per CPU-second, peak RSS %.0f MB\n",
        w, (w > 0 ? n / w : 0), cpu, user, sys, (cpu > 0 ? n / cpu : 0), rss / 1024
    }' "$work/ingest.err"
}

db=$work/scale.db
echo "== ingest ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
if [ "${REUSE:-0}" = 1 ] && [ -f "$db" ]; then
  echo "-- REUSE=1: the database of an earlier run, not ingested again"
else
  if [ -n "${BASELINE:-}" ]; then
    ingest baseline "$BASELINE" "$work/baseline.db"
    rm -f "$work/baseline.db" "$work/baseline.db-wal" "$work/baseline.db-shm"
  fi
  ingest "this build" "$bin" "$db"
fi
bytes=$(($(stat -c %s "$db") + $(stat -c %s "$db-wal" 2>/dev/null || echo 0)))
echo "database   $((bytes / 1048576)) MB ($((bytes / n)) bytes per document)"

echo "== queries ($(grep -vc '^#' "$queries") in $queries)"
"$bench" "$db" "$queries" --repeat "${REPEAT:-5}" ${QUIET:+--quiet}

[ "${KEEP:-0}" = 1 ] || rm -f "$db" "$db-wal" "$db-shm"
