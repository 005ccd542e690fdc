#!/usr/bin/env bash
# Short libFuzzer run of every fuzz target (fuzz/*.cc), for scripts/test-all.sh.
#
#   scripts/fuzz-short.sh            parse_fuzz 60 s, symbol_fuzz and text_fuzz 20 s each
#   FUZZ_SECONDS=300 scripts/fuzz-short.sh     parse_fuzz longer (the others scale with it)
#
# Builds the fuzz preset (clang-14, ASan+UBSan+libFuzzer), then runs each target on a fresh
# scratch corpus seeded from fuzz/corpus/<target>/ (and samples/*.txt for parse_fuzz), so
# checked-in seeds never change behind your back. A crash, leak, sanitizer report or timeout
# fails the script; the reproducer is left in build/fuzz/artifacts/ (run the target on it to
# replay: build/fuzz/fuzz/parse_fuzz build/fuzz/artifacts/crash-...).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-60}
short=$(( seconds / 3 > 5 ? seconds / 3 : 5 ))

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target parse_fuzz symbol_fuzz text_fuzz

artifacts=build/fuzz/artifacts
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$artifacts"

# run TARGET SECONDS SEED_DIR...
run() {
  local target=$1 secs=$2
  shift 2
  local work="$scratch/$target" log="$scratch/$target.log"
  mkdir -p "$work"
  local seeds=()
  for d in "$@"; do [ -d "$d" ] && seeds+=("$d"); done
  printf -- '-- %s, %ss, seeds: %s\n' "$target" "$secs" "${seeds[*]:-none}"
  if ! "build/fuzz/fuzz/$target" "$work" "${seeds[@]}" \
      -max_total_time="$secs" -max_len=65536 -rss_limit_mb=2048 -timeout=10 \
      -artifact_prefix="$artifacts/$target-" -print_final_stats=1 >"$log" 2>&1; then
    tail -n 60 "$log"
    echo "fuzz-short: $target FAILED (reproducer in $artifacts/)" >&2
    return 1
  fi
  grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb)|^#[0-9]+ +DONE' "$log" || true
}

samples=()
if compgen -G 'samples/*.txt' >/dev/null; then
  mkdir -p "$scratch/samples"
  cp samples/*.txt "$scratch/samples/"
  samples=("$scratch/samples")
fi

run parse_fuzz "$seconds" fuzz/corpus/parse "${samples[@]}"
run symbol_fuzz "$short" fuzz/corpus/symbol
run text_fuzz "$short" fuzz/corpus/text
echo "fuzz-short: no crashes"
