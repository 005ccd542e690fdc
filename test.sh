#!/usr/bin/env bash
# All tests: unit and golden tests (release build), the same suite under ASan/UBSan, a short
# libFuzzer run, the parse benchmark, and the accuracy evaluation on ../shared/corpus/dev when
# it is present.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/bootstrap.sh
bootstrap_apt deps/apt-dev.txt
bootstrap_node
exec scripts/test-all.sh "$@"
