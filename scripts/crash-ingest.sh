#!/usr/bin/env bash
# Crash test of `dondoc ingest`: kill it with SIGKILL at K random moments and check that
# nothing committed is lost and nothing is half-written.
#
#   scripts/crash-ingest.sh [path/to/dondoc]    (default: $DONDOC_BIN, else the release build)
#
# Environment: CRASH_KILLS=K (default 20; test-all.sh uses 5), CRASH_CORPUS=DIR (default
# ../shared/corpus/dev when present, else samples/*.txt copied CRASH_COPIES times (default
# 120) with one line changed so every copy has its own hash), CRASH_SEED (for $RANDOM).
#
# Steps: a reference ingest into a separate database gives the expected document count and
# the run time T. Then K times: start an ingest into the crash database, SIGKILL it after a
# random delay (spread so the kills fall across the whole run), and require that
# `dondoc db check` passes and that the document count never went down. A final ingest must
# end with exactly the reference count, and a second one must add nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${1:-${DONDOC_BIN:-build/release/dondoc}}
[ -x "$bin" ] || { echo "crash-ingest: no dondoc binary at $bin" >&2; exit 1; }
bin=$(realpath "$bin")
kills=${CRASH_KILLS:-20}
copies=${CRASH_COPIES:-120}
RANDOM=${CRASH_SEED:-$$}

t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fail() { echo "crash-ingest: FAIL: $*" >&2; exit 1; }

corpus=${CRASH_CORPUS:-}
if [ -z "$corpus" ] && [ -d ../shared/corpus/dev ]; then corpus=../shared/corpus/dev; fi
if [ -z "$corpus" ]; then
  corpus="$t/corpus"
  mkdir -p "$corpus"
  for i in $(seq 1 "$copies"); do
    for f in samples/*.txt; do
      { cat "$f"; printf '\nBản sao số %d.\n' "$i"; } >"$corpus/$(basename "$f" .txt)-$i.txt"
    done
  done
fi
echo "crash-ingest: corpus $corpus ($(find "$corpus" -type f | wc -l) files), $kills kills"

# The count `db check` reports: "ok: DB (N documents, …)".
count() {
  "$bin" db check --db "$1" >"$t/check" 2>&1 || fail "db check after $2: $(cat "$t/check")"
  sed -n 's/^ok: .* (\([0-9]*\) documents.*/\1/p' "$t/check"
}

start=$(date +%s%N)
"$bin" ingest --db "$t/ref.db" "$corpus" >/dev/null 2>&1 || true  # bad files exit 1
ms=$((($(date +%s%N) - start) / 1000000))
want=$(count "$t/ref.db" "the reference ingest")
[ "$want" -gt 0 ] || fail "the reference ingest stored nothing"
echo "crash-ingest: reference: $want documents in $ms ms"

db="$t/crash.db"
last=0
landed=0
span=$((2 * ms / kills + 300))  # a kill lands on average every ms/kills of work
for k in $(seq 1 "$kills"); do
  delay=$((50 + RANDOM % span))
  "$bin" ingest --db "$db" "$corpus" >/dev/null 2>&1 &
  pid=$!
  sleep "$(awk -v d="$delay" 'BEGIN { printf "%.3f", d / 1000 }')"
  if kill -KILL "$pid" 2>/dev/null; then landed=$((landed + 1)); fi
  wait "$pid" 2>/dev/null || true
  [ -e "$db" ] || continue  # killed before the database was created
  n=$(count "$db" "kill $k (${delay} ms)")
  [ "$n" -ge "$last" ] || fail "kill $k: $n documents after the kill, $last before: committed work lost"
  last=$n
done
echo "crash-ingest: $landed of $kills kills landed mid-run; $last documents stored by then"

"$bin" ingest --db "$db" "$corpus" >/dev/null 2>&1 || true
got=$(count "$db" "the final ingest")
[ "$got" -eq "$want" ] || fail "final ingest: $got documents, expected $want"
"$bin" ingest --db "$db" "$corpus" >"$t/again" 2>&1 || true
grep -q "^ingested   0 documents" "$t/again" || fail "a second ingest stored more: $(head -1 "$t/again")"
echo "crash-ingest: ok ($got documents, db check passed after every kill)"
