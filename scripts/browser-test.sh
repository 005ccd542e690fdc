#!/usr/bin/env bash
# The browser test of the web page (web/test/browser.mjs): Debian's Chromium driven by
# playwright-core against a real `dondoc serve` over a database ingested from samples/.
#
#   scripts/browser-test.sh            build dir: $BUILD (default build/release)
#
# Installs what it lacks: the apt package chromium (deps/apt-dev.txt) and web/node_modules
# from web/package-lock.json (npm ci; never `npx playwright install`: the browser is Debian's).
# Screenshots: build/browser-shots/ (printed at the end). Exit 0 when every step passed; a step
# whose API route is not on main yet is skipped with a loud SKIPPED line (browser.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
build=${BUILD:-build/release}
shots=${SHOTS:-$root/build/browser-shots}

if [ ! -x /usr/bin/chromium ]; then
  echo "browser-test: installing chromium (apt)"
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y --no-install-recommends chromium >/dev/null
  else sudo apt-get install -y --no-install-recommends chromium >/dev/null; fi
fi
if [ ! -d web/node_modules/playwright-core ] || [ ! -d web/node_modules/axe-core ]; then
  echo "browser-test: npm ci (playwright-core, axe-core, from web/package-lock.json)"
  (cd web && npm ci --no-audit --no-fund >/dev/null)
fi
if [ ! -x "$build/dondoc" ]; then
  echo "browser-test: building dondoc in $build"
  cmake --preset release -B "$build" >/dev/null
  cmake --build "$build" -j "$(nproc)" --target dondoc
fi
dondoc=$(cd "$build" && pwd)/dondoc

work=$(mktemp -d)
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

"$dondoc" ingest --db "$work/docs.db" samples/ >"$work/ingest.log" 2>&1 || {
  cat "$work/ingest.log"; exit 1; }

# An office user and a unit officer (of the unit the fixture plan gives tasks to).
user=vanphong
password="mat-khau-thu-nghiem-$RANDOM$RANDOM"
officer=sotttt
officer_unit=so-tttt
officer_password="mat-khau-can-bo-$RANDOM$RANDOM"
# In the database, as a real install keeps them (dondoc user add; the password on stdin).
printf '%s\n' "$password" | "$dondoc" user add "$user" --role office --db "$work/docs.db" >/dev/null
printf '%s\n' "$officer_password" | "$dondoc" user add "$officer" --role unit_officer \
  --unit "$officer_unit" --db "$work/docs.db" >/dev/null

# A free port: bind 0, read it back, release it (a race with another process is possible but
# harmless here: the server then fails to start and the test says so).
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$dondoc" serve --port "$port" --db "$work/docs.db" --static web/public >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do
  if curl -fsS "http://127.0.0.1:$port/api/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$server" 2>/dev/null; then cat "$work/serve.log"; exit 1; fi
  sleep 0.1
done

# The page's pure functions first (policy table, dates, spans): no browser needed.
(cd web && node --test test/unit.test.mjs >"$work/unit.log" 2>&1) || { cat "$work/unit.log"; exit 1; }
echo "browser-test: web unit tests passed ($(grep -c '^ok ' "$work/unit.log"))"

rm -rf "$shots"
start=$(date +%s)
status=0
(cd web && BASE_URL="http://127.0.0.1:$port/" SHOTS="$shots" USERNAME="$user" \
  PASSWORD="$password" OFFICER_USERNAME="$officer" OFFICER_PASSWORD="$officer_password" \
  OFFICER_UNIT="$officer_unit" FIXTURE="$root/web/test/fixtures/ke-hoach-thu-nghiem.txt" \
  node test/browser.mjs) || status=$?
echo "browser-test: $(($(date +%s) - start)) s in the browser; screenshots in $shots"
if [ "$status" -ne 0 ]; then
  echo "--- server log"
  cat "$work/serve.log"
fi
exit "$status"
