#!/usr/bin/env bash
# The main job: install what is missing, build the release binary, then `dondoc demo`: a fresh
# SQLite database from the project's own sample documents, one demo user per role (passwords
# printed), and the web page served on http://127.0.0.1:8080 (Ctrl-C stops it). Arguments go
# to `dondoc demo` (e.g. ./run.sh --port 9000).
set -euo pipefail
cd "$(dirname "$0")"
. scripts/bootstrap.sh
bootstrap_apt deps/apt-dev.txt
cmake --workflow --preset release >/tmp/dondoc-build.log 2>&1 || { tail -40 /tmp/dondoc-build.log; exit 1; }
exec ./build/release/dondoc demo "$@"
