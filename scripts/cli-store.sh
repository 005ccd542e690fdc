#!/usr/bin/env bash
# CLI-level check of the store commands (ingest, search, show, db check), for
# scripts/test-all.sh after the release build. Works in a scratch directory on the project's
# samples/ and asserts that
# - ingest stores every sample, names each bad file on one stderr line and exits 1, and a
#   second ingest adds nothing ("ingested 0", same counts);
# - search finds a document with and without diacritics, and by its number in other forms;
# - show prints a stored document by number and by id; db check says ok;
# - graph follows the samples' references up and down, in text, JSON and dot, and refuses a
#   bad --depth or --format with one line;
# - bad databases give one line "dondoc: DB: reason" and a non-zero exit: a file that is not
#   SQLite, a directory where the database cannot be created, a database locked by another
#   writer (held with the sqlite3 CLI) — and nothing committed is lost.
#
#   scripts/cli-store.sh [path/to/dondoc]     (default: $DONDOC_BIN, else the release build)
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${1:-${DONDOC_BIN:-build/release/dondoc}}
[ -x "$bin" ] || { echo "cli-store: no dondoc binary at $bin (build the release preset)" >&2; exit 1; }
bin=$(realpath "$bin")

t=$(mktemp -d)
trap 'chmod -R u+w "$t" 2>/dev/null; rm -rf "$t"' EXIT
fails=0
fail() { echo "cli-store: FAIL: $*" >&2; fails=$((fails + 1)); }

mkdir -p "$t/in/sub"
cp samples/*.txt "$t/in/"
n=$(ls samples/*.txt | wc -l)
: >"$t/in/sub/empty.txt"
printf 'PK\003\004\024\000\006\000' >"$t/in/sub/van-ban.docx"
db="$t/d.db"

# 1. Ingest: every sample stored, the two bad files named, exit 1.
set +e
"$bin" ingest --db "$db" "$t/in" >"$t/out1" 2>"$t/err1"
rc=$?
set -e
[ "$rc" -eq 1 ] || fail "ingest with bad files exited $rc, expected 1"
grep -q "^ingested   $n documents" "$t/out1" || fail "first ingest: expected 'ingested   $n documents': $(head -1 "$t/out1")"
for f in sub/empty.txt sub/van-ban.docx; do
  c=$(grep -c "^dondoc: $t/in/$f: " "$t/err1" || true)
  [ "$c" -eq 1 ] || fail "expected one stderr line for $f, got $c"
done
grep -q "^failed     2" "$t/out1" || fail "first ingest: expected 'failed     2'"

# 2. Again: nothing added.
"$bin" ingest --db "$db" "$t/in" >"$t/out2" 2>/dev/null || true
grep -q "^ingested   0 documents" "$t/out2" || fail "second ingest added documents: $(head -1 "$t/out2")"
grep -q "^unchanged  $n " "$t/out2" || fail "second ingest: expected $n unchanged"
[ "$(grep '^database' "$t/out1")" = "$(grep '^database' "$t/out2")" ] || fail "counts changed on re-ingest"

# 3. Search and show.
"$bin" search --db "$db" "chuyen doi so" >"$t/s1" || fail "search 'chuyen doi so' found nothing"
"$bin" search --db "$db" "chuyển đổi số" >"$t/s2" || fail "search 'chuyển đổi số' found nothing"
diff -q <(sed '$d' "$t/s1") <(sed '$d' "$t/s2") >/dev/null || fail "search with and without diacritics differ"
number=$("$bin" search --db "$db" "ke hoach" --json --limit 50 |
  python3 -c 'import json,sys; print(next(h["number"] for h in json.load(sys.stdin)["hits"] if h["number"] and "/" in h["number"]))')
spaced=$(echo "$number" | tr '/-' '  ')
"$bin" search --db "$db" "$spaced" --json |
  python3 -c 'import json,sys; h=json.load(sys.stdin)["hits"]; sys.exit(0 if h and h[0]["number_match"] else 1)' ||
  fail "number search '$spaced' does not put $number first"
"$bin" show --db "$db" "$number" >"$t/show" || fail "show $number failed"
grep -qF "$number" "$t/show" || fail "show $number does not print the number"
"$bin" show --db "$db" 1 >/dev/null || fail "show 1 (an id) failed"
"$bin" db check --db "$db" | grep -q '^ok: ' || fail "db check is not ok"

# 3b. Graph: the samples cite each other (45/KH-SYT → 301/KH-SYT → 112/KH-UBND).
"$bin" graph --db "$db" 301/KH-SYT --format json >"$t/g.json" || fail "graph 301/KH-SYT failed"
python3 - "$t/g.json" <<'PY' || fail "graph 301/KH-SYT: expected 112/KH-UBND up and 45/KH-SYT down"
import json, sys
g = json.load(open(sys.argv[1]))
num = {n["id"]: n["number"] for n in g["nodes"]}
up = [num.get(e["to"]) for e in g["up"] if e["status"] == "resolved"]
down = [num.get(e["from"]) for e in g["down"]]
sys.exit(0 if "112/KH-UBND" in up and "45/KH-SYT" in down else 1)
PY
"$bin" graph --db "$db" "45 KH SYT" --depth 2 >"$t/g.txt" || fail "graph '45 KH SYT' failed"
grep -q "112/KH-UBND" "$t/g.txt" || fail "graph --depth 2 does not reach 112/KH-UBND: $(cat "$t/g.txt")"
"$bin" graph --db "$db" 301/KH-SYT --format dot >"$t/g.dot" || fail "graph --format dot failed"
grep -q -- '-> n' "$t/g.dot" || fail "graph --format dot has no edge"
for bad in "--depth 0" "--depth x" "--format xml"; do
  # shellcheck disable=SC2086
  if "$bin" graph --db "$db" 1 $bad >/dev/null 2>"$t/e"; then fail "graph $bad exited 0"; fi
  [ "$(wc -l <"$t/e")" -eq 1 ] || fail "graph $bad: expected one stderr line, got: $(cat "$t/e")"
done
if "$bin" graph --db "$db" 999/XX-YY >/dev/null 2>&1; then fail "graph of an unknown number exited 0"; fi

# 4. Bad databases: one line naming the database, non-zero exit.
expect_db_error() {  # name pattern command...
  local name=$1 pat=$2; shift 2
  set +e
  "$@" >"$t/o" 2>"$t/e.all"
  local rc=$?
  set -e
  grep -v '^dondoc ingest: ' "$t/e.all" >"$t/e" || true  # progress lines aside
  [ "$rc" -ne 0 ] || fail "$name: exited 0"
  [ "$(wc -l <"$t/e")" -eq 1 ] || fail "$name: expected one stderr line, got: $(cat "$t/e")"
  grep -qiE "$pat" "$t/e" || fail "$name: reason does not match /$pat/: $(cat "$t/e")"
}
head -c 8192 /dev/urandom >"$t/random.db"
expect_db_error "not a database" "^dondoc: $t/random.db: not an SQLite database" \
  "$bin" ingest --db "$t/random.db" "$t/in/sub/empty.txt"
expect_db_error "search, not a database" "not an SQLite database" \
  "$bin" search --db "$t/random.db" x
expect_db_error "missing database" "no such database" "$bin" search --db "$t/nope.db" x
if [ "$(id -u)" -eq 0 ]; then ro=/sys; else mkdir "$t/ro"; chmod 0555 "$t/ro"; ro="$t/ro"; fi
expect_db_error "unwritable directory" "read-only directory" \
  "$bin" ingest --db "$ro/d.db" "$t/in/sub/empty.txt"
if command -v sqlite3 >/dev/null; then
  # Another writer holds the lock for longer than the busy timeout (5 s).
  (echo "BEGIN IMMEDIATE; INSERT INTO ingest_log(at, path, status) VALUES ('x', 'x', 'x');"; sleep 8; echo "ROLLBACK;") |
    sqlite3 "$db" &
  holder=$!
  sleep 0.5
  printf 'Một văn bản mới\n' >"$t/new.txt"
  expect_db_error "locked" "locked" "$bin" ingest --db "$db" "$t/new.txt"
  wait "$holder"
  "$bin" db check --db "$db" | grep -q '^ok: ' || fail "db check after the lock is not ok"
  "$bin" ingest --db "$db" "$t/new.txt" | grep -q '^ingested   1 ' || fail "ingest after the lock did not store the new file"
else
  echo "cli-store: sqlite3 CLI missing, locked case skipped" >&2
fi

if [ "$fails" -gt 0 ]; then exit 1; fi
echo "cli-store: ok ($n samples ingested once, re-ingest unchanged; search, show, graph, db check; 4 bad-database cases)"
