#!/usr/bin/env bash
# Called by test.sh after bootstrap. Each step prints a header; any failure stops the run.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
step() { printf '\n==== %s\n' "$*"; }

step "build + tests (release)"
cmake --preset release >/dev/null
cmake --build --preset release -j "$jobs"
ctest --preset release -j "$jobs"

step "CLI on bad input (release)"
scripts/cli-bad-input.sh

step "store from the command line: ingest, search, show, graph, bad databases (release)"
scripts/cli-store.sh

step "browser test: the web page in Chromium (login, dashboard, documents, graph, upload, review, reports, exports)"
scripts/browser-test.sh

step "crash test: ingest killed with SIGKILL at 5 random moments"
CRASH_KILLS=${CRASH_KILLS:-5} scripts/crash-ingest.sh

step "store scale benchmark, smoke run (2,000 generated documents)"
smoke=$(mktemp -d)
WORK=$smoke REPEAT=1 bench/store-scale.sh 2000
rm -rf "$smoke"

step "build + tests (ASan/UBSan)"
cmake --preset asan >/dev/null
cmake --build --preset asan -j "$jobs"
ctest --preset asan -j "$jobs"

if [ -x scripts/fuzz-short.sh ]; then
  step "fuzz (short)"
  scripts/fuzz-short.sh
fi

if [ -d ../shared/corpus/dev ]; then
  step "evaluation on ../shared/corpus/dev"
  ./build/release/dondoc eval ../shared/corpus/dev --misses 5
  step "task extraction vs the hand-made gold set (tests/data/tasks-gold)"
  ./build/release/dondoc eval-tasks tests/data/tasks-gold --corpus ../shared/corpus/dev
  if [ -x build/release/bench/parse_bench ]; then
    step "parse benchmark"
    # One iteration is a pass over the whole corpus (~50 MB): about 30 s in all.
    ./build/release/bench/parse_bench --benchmark_min_time=0.5 --benchmark_color=false
  fi
fi
