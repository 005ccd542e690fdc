#!/usr/bin/env bash
# Scale benchmark of the store: generate N documents, ingest them, query them.
#
#   bench/store-scale.sh [N]     (default 1000000; not run in CI except as a tiny smoke run)
#
# Environment: BUILD=build dir (default build/release), WORK=scratch dir (default
# /tmp/dondoc-scale-N; the generated corpus is kept there and reused by a re-run with the
# same N), QUERIES=query file (default bench/queries.txt), REPEAT=runs per query (default 5),
# KEEP=1 keeps the database.
#
# Prints: ingest docs/s and MB/s (dondoc ingest's own summary) with its wall time and peak
# RSS (/usr/bin/time -v), the database size, then store_bench's p50/p99 for our search path
# and for the same MATCH on the raw FTS5 table (their ratio is our overhead) and its RSS.
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

db=$work/scale.db
rm -f "$db" "$db-wal" "$db-shm"
echo "== ingest ($(nproc) cores)"
/usr/bin/time -v "$bin" ingest --db "$db" "$work/corpus" >"$work/ingest.out" 2>"$work/ingest.err" || true
grep -E '^(ingested|failed|database)' "$work/ingest.out" || { tail -5 "$work/ingest.err"; exit 1; }
grep -E 'Elapsed \(wall|Maximum resident' "$work/ingest.err" | sed 's/^\s*/  /'
bytes=$(($(stat -c %s "$db") + $(stat -c %s "$db-wal" 2>/dev/null || echo 0)))
echo "database   $((bytes / 1048576)) MB ($((bytes / n)) bytes per document)"

echo "== queries ($(grep -vc '^#' "$queries") in $queries)"
"$bench" "$db" "$queries" --repeat "${REPEAT:-5}"

[ "${KEEP:-0}" = 1 ] || rm -f "$db" "$db-wal" "$db-shm"
