#!/usr/bin/env bash
# The main job: install what is missing, build the release binary, and show dondoc at work on
# the project's own sample documents (a readable summary of each). A later stage turns this
# into `dondoc demo` serving the web page.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/bootstrap.sh
bootstrap_apt deps/apt-dev.txt
cmake --workflow --preset release >/tmp/dondoc-build.log 2>&1 || { tail -40 /tmp/dondoc-build.log; exit 1; }
exec ./build/release/dondoc summary samples/*.txt
