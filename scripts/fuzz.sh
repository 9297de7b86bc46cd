#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with Debian's clang 14 (AddressSanitizer and UBSan on
# the runtime and the examples too) and runs each for N seconds, its corpus in
# build/fuzz/corpus/TARGET seeded from tests/fuzz/corpus/TARGET. Prints per target the
# executions, the coverage and whether it crashed; a crash leaves its input in build/fuzz/crashes/.
# A target's tests/fuzz/TARGET.dict, when there is one, is its libFuzzer dictionary.
# Exits non-zero when any target found something. Installs clang-14 and its runtime if missing.
# Usage: scripts/fuzz.sh [--seconds N] [--target NAME]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/debian-packages.sh

seconds=60
only=
while (($# > 0)); do
  case $1 in
    --seconds) seconds=$2; shift 2 ;;
    --target) only=$2; shift 2 ;;
    *) echo "usage: scripts/fuzz.sh [--seconds N] [--target NAME]" >&2; exit 2 ;;
  esac
done
[[ $seconds =~ ^[1-9][0-9]*$ ]] || { echo "fuzz: --seconds takes a positive integer" >&2; exit 2; }

install_debian_packages fuzz clang-14 libclang-rt-14-dev cmake ninja-build nlohmann-json3-dev \
  libasio-dev

build=build/fuzz
CXX=clang++-14 cmake -S . -B "$build" -G Ninja -DWAKELINE_FUZZ=ON -DWAKELINE_TESTS=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null

targets=()
for source in tests/fuzz/*_fuzz.cpp; do
  name=$(basename "$source" .cpp)
  [[ -z $only || $only == "$name" ]] && targets+=("$name")
done
((${#targets[@]} > 0)) || { echo "fuzz: no target named '$only' in tests/fuzz" >&2; exit 2; }
ninja -C "$build" -j "${WAKELINE_JOBS:-2}" "${targets[@]}"

mkdir -p "$build/crashes"
failed=0
summary=()
for name in "${targets[@]}"; do
  corpus=$build/corpus/$name
  mkdir -p "$corpus"
  [[ -d tests/fuzz/corpus/$name ]] && cp -n tests/fuzz/corpus/"$name"/* "$corpus"/
  # The compiler's target starts from every program of the language in the repository too.
  [[ $name == program_fuzz ]] && cp -n examples/programs/*.rs tests/lang/programs/*.rs "$corpus"/
  dict=()
  [[ -f tests/fuzz/$name.dict ]] && dict=(-dict="tests/fuzz/$name.dict")
  log=$build/$name.log
  echo "==> fuzz: $name for ${seconds}s (log: $log)"
  status=0
  # -timeout: one input that runs 10 s is a hang; the rss limit catches runaway memory.
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    "$build/$name" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$build/crashes/$name-" "${dict[@]}" "$corpus" > "$log" 2>&1 || status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1)
  if ((status != 0)); then
    failed=1
    tail -40 "$log"
  fi
  summary+=("$(printf '%-18s executions %-10s %-22s exit %d%s' "$name" "${runs:-?}" "${cov:-cov: ?}" \
    "$status" "$( ((status == 0)) && echo ' (no crash)' || echo ' (CRASH: see the log and build/fuzz/crashes/)')")")
done
printf '\n==== fuzz: %ds per target\n' "$seconds"
printf '%s\n' "${summary[@]}"
exit $failed
