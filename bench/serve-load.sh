#!/usr/bin/env bash
# Load benchmark of the HTTP server: a cheap authenticated GET (/api/me: cookie → session →
# principal → JSON) at 64 connections with wrk on loopback; prints req/s and p99.
#
#   bench/serve-load.sh [DONDOC_BINARY] [DURATION_SECONDS]
#
# Defaults: build/release/dondoc, 10 s. Needs curl and wrk (deps/apt-dev.txt). Issue 5's target
# for the real route (a unit's task list, page of 50): >= 5,000 req/s at p99 <= 20 ms on 2 cores.
set -euo pipefail

BIN=${1:-build/release/dondoc}
DURATION=${2:-10}
CONNECTIONS=64
THREADS=2
PORT=${PORT:-18181}
command -v wrk >/dev/null || { echo "serve-load: wrk not found (apt-get install wrk)" >&2; exit 2; }
[ -x "$BIN" ] || { echo "serve-load: $BIN not built" >&2; exit 2; }

TMP=$(mktemp -d)
SERVER=""
cleanup() {
  [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null || true
  rm -rf "$TMP"
}
trap cleanup EXIT

PASSWORD="bench password 1"
HASH=$(printf '%s\n' "$PASSWORD" | "$BIN" serve --hash-password)
printf 'bench office - %s\n' "$HASH" >"$TMP/users"
chmod 600 "$TMP/users"
"$BIN" serve --port "$PORT" --users "$TMP/users" 2>"$TMP/server.log" &
SERVER=$!
for _ in $(seq 50); do
  curl -fs "http://127.0.0.1:$PORT/api/health" >/dev/null 2>&1 && break
  sleep 0.1
done

COOKIE=$(curl -fs -D - -o /dev/null -H 'Content-Type: application/json' \
  -d "{\"username\":\"bench\",\"password\":\"$PASSWORD\"}" "http://127.0.0.1:$PORT/api/login" |
  tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/p')
[ -n "$COOKIE" ] || { echo "serve-load: login failed" >&2; cat "$TMP/server.log" >&2; exit 1; }
curl -fs -H "Cookie: $COOKIE" "http://127.0.0.1:$PORT/api/me" >/dev/null ||
  { echo "serve-load: /api/me with the session failed" >&2; exit 1; }

wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "Cookie: $COOKIE" \
  "http://127.0.0.1:$PORT/api/me" >"$TMP/wrk.txt"
cat "$TMP/wrk.txt"
RPS=$(awk '/^Requests\/sec:/ {print $2}' "$TMP/wrk.txt")
P99=$(awk '$1 == "99%" {print $2}' "$TMP/wrk.txt")
NON2XX=$(awk '/Non-2xx/ {print $NF}' "$TMP/wrk.txt")
echo "serve-load: GET /api/me, $CONNECTIONS connections, ${DURATION}s: ${RPS} req/s, p99 ${P99}${NON2XX:+, non-2xx $NON2XX}"
