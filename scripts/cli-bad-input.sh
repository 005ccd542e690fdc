#!/usr/bin/env bash
# CLI-level check of `dondoc parse` on bad input, for scripts/test-all.sh (after the release
# build). Builds its inputs in a scratch directory and asserts that
# - a batch with bad files exits non-zero;
# - each bad file gets exactly one stderr line "dondoc: <file>: <reason>" (warnings aside);
# - the batch goes on past a bad file: the good files around them still produce their JSON
#   line on stdout, in order;
# - a single good file exits 0; invalid UTF-8 is a warning, not a failure.
#
#   scripts/cli-bad-input.sh [path/to/dondoc]     (default: $DONDOC_BIN, else the release build)
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${1:-${DONDOC_BIN:-}}
if [ -z "$bin" ]; then
  for b in build/release/dondoc build/release/src/cli/dondoc; do
    if [ -x "$b" ]; then bin=$b; break; fi
  done
fi
[ -n "$bin" ] && [ -x "$bin" ] || { echo "cli-bad-input: no dondoc binary (build the release preset)" >&2; exit 1; }

t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fails=0
fail() { echo "cli-bad-input: FAIL: $*" >&2; fails=$((fails + 1)); }

good='ỦY BAN NHÂN DÂN XÃ SUỐI NGỌC
Số: 21/TB-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Suối Ngọc, ngày 4 tháng 5 năm 2031
THÔNG BÁO
Lịch tiếp công dân tháng 5 năm 2031
Ủy ban nhân dân xã thông báo lịch tiếp công dân định kỳ vào thứ Năm hằng tuần tại trụ sở.
Nơi nhận:
- Các thôn;
- Lưu: VT.
CHỦ TỊCH
Lâm Văn Tường
'
printf '%s' "$good" >"$t/good1.txt"
printf '%s' "$good" | sed 's/21/22/' >"$t/good2.txt"
: >"$t/empty.txt"
printf ' \n\t\r\n' >"$t/blank.txt"
head -c 3000 /dev/urandom | tr -d '\n' >"$t/binary.bin"; printf '\0\0\0' >>"$t/binary.bin"
printf 'PK\003\004\024\000\006\000' >"$t/van-ban.docx"
printf '%%PDF-1.7\n%%\342\343\317\323\n' >"$t/van-ban.pdf"
mkdir "$t/folder.txt"
truncate -s 50M "$t/huge.txt"
printf '%s' "$good" >"$t/latin.txt"; printf 'Quy\352\362t \n' >>"$t/latin.txt"
missing="$t/khong-co.txt"

bad=("$t/empty.txt" "$t/blank.txt" "$t/binary.bin" "$t/van-ban.docx" "$t/van-ban.pdf" \
     "$t/folder.txt" "$t/huge.txt" "$missing")

# 1. One batch: good, every bad file, good again, a warning-only file.
set +e
"$bin" parse "$t/good1.txt" "${bad[@]}" "$t/good2.txt" "$t/latin.txt" >"$t/out" 2>"$t/err"
rc=$?
set -e
[ "$rc" -ne 0 ] || fail "batch with bad files exited 0"
nout=$(wc -l <"$t/out")
[ "$nout" -eq 3 ] || fail "expected 3 JSON lines (good1, good2, latin), got $nout"
if [ "$nout" -ge 2 ]; then
  sed -n 1p "$t/out" | grep -q '"good1.txt"' || fail "first JSON line is not good1.txt"
  sed -n 2p "$t/out" | grep -q '"good2.txt"' || fail "second JSON line is not good2.txt (batch stopped?)"
fi
for f in "${bad[@]}"; do
  n=$(grep -F "dondoc: $f: " "$t/err" | grep -vc 'warning:' || true)
  [ "$n" -eq 1 ] || fail "expected one stderr line for $f, got $n"
  line=$(grep -F "dondoc: $f: " "$t/err" | grep -v 'warning:' | head -n 1)
  reason=${line#"dondoc: $f: "}
  [ -n "$reason" ] || fail "empty reason for $f"
done
grep -F "dondoc: $t/good1.txt: " "$t/err" | grep -qv 'warning:' && fail "good1.txt reported as failed"
grep -F "dondoc: $t/latin.txt: " "$t/err" | grep -v 'warning:' | grep -q . && fail "latin.txt (invalid UTF-8) failed instead of warning"
grep -F "dondoc: $t/latin.txt: warning:" "$t/err" | grep -q . || fail "no invalid UTF-8 warning for latin.txt"

# Per-file reasons, by content.
expect_reason() {  # file pattern
  grep -F "dondoc: $1: " "$t/err" | grep -qiE "$2" || fail "reason for $(basename "$1") does not match /$2/"
}
expect_reason "$t/empty.txt" 'empty'
expect_reason "$t/blank.txt" 'empty'
expect_reason "$t/binary.bin" 'binary'
expect_reason "$t/van-ban.docx" 'DOCX|ZIP'
expect_reason "$t/van-ban.pdf" 'PDF'
expect_reason "$t/folder.txt" 'directory'
expect_reason "$t/huge.txt" 'too large'
expect_reason "$missing" 'no such file'

# 2. A good file alone: exit 0, one line, no failure on stderr (parser warnings are fine).
"$bin" parse "$t/good1.txt" >"$t/out1" 2>"$t/err1" || fail "good file alone exited non-zero"
[ "$(wc -l <"$t/out1")" -eq 1 ] || fail "good file alone: expected one JSON line"
grep -v 'warning:' "$t/err1" | grep -q . && fail "good file alone: $(grep -v 'warning:' "$t/err1")"

# 3. A bad file alone: non-zero, no stdout.
set +e
"$bin" parse "$t/empty.txt" >"$t/out2" 2>/dev/null
rc=$?
set -e
[ "$rc" -ne 0 ] || fail "empty file alone exited 0"
[ ! -s "$t/out2" ] || fail "empty file alone wrote to stdout"

# 4. dondoc demo with a missing samples or web folder, or an unknown option: one line, exit 2,
# nothing served and no database made.
for args in "--samples $missing --dir $t/demo1" "--web $missing --dir $t/demo2" "--colour red"; do
  set +e
  # shellcheck disable=SC2086
  timeout 20 "$bin" demo $args >"$t/demo.out" 2>"$t/demo.err"
  rc=$?
  set -e
  [ "$rc" -eq 2 ] || fail "demo $args: expected exit 2, got $rc"
  grep -q 'dondoc demo:' "$t/demo.err" || fail "demo $args: no 'dondoc demo:' error line"
done
[ ! -e "$t/demo1/dondoc.db" ] || fail "demo with missing samples made a database"

# 5. dondoc user: a password is never an argument; weak passwords, a unit officer without a
# unit, a taken name and an unknown user are refused with one line and a non-zero exit.
udb="$t/users.db"
expect_user() {  # expect_user RC STDIN ARGS...
  local want=$1 input=$2
  shift 2
  set +e
  printf '%s\n' "$input" | "$bin" user "$@" --db "$udb" >"$t/user.out" 2>"$t/user.err"
  local rc=$?
  set -e
  [ "$rc" -eq "$want" ] || fail "user $*: expected exit $want, got $rc"
  if [ "$want" -ne 0 ]; then
    [ "$(wc -l <"$t/user.err")" -ge 1 ] && grep -q '^dondoc user' "$t/user.err" ||
      fail "user $*: no 'dondoc user' error line"
  fi
}
expect_user 0 'mot mat khau dai' add vanphong --role office
expect_user 2 'mot mat khau dai' add x --role reader --password 'in argv'
expect_user 1 'ngan' add x --role reader
expect_user 2 'mot mat khau dai' add x --role unit_officer
expect_user 2 'mot mat khau dai' add x --role chief
expect_user 1 'mot mat khau dai' add vanphong --role office
expect_user 1 'mot mat khau dai' passwd nobody
expect_user 0 'mat khau moi dai hon' passwd vanphong
"$bin" user list --db "$udb" | grep -q '^vanphong *office' || fail "user list: vanphong missing"
[ "$("$bin" user list --db "$udb" | wc -l)" -eq 1 ] || fail "user list: refused users were added"

# Every command answers --help (and -h) with its own usage on stdout and exit 0.
for c in parse tasks summary eval eval-tasks ingest search show graph db demo user; do
  out=$("$bin" "$c" --help 2>/dev/null) || fail "$c --help: non-zero exit"
  case "$out" in "usage: dondoc $c"*) ;; *) fail "$c --help: no usage line" ;; esac
done
"$bin" parse -h | grep -q '^usage: dondoc parse' || fail "parse -h: no usage line"

if [ "$fails" -gt 0 ]; then
  echo "--- stderr of the batch:" >&2; cat "$t/err" >&2
  exit 1
fi
echo "cli-bad-input: ok (${#bad[@]} bad files refused one line each, batch continued; user cases ok; --help of each command)"
