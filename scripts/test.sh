#!/usr/bin/env bash
# Runs every test: the formatting check, the GoogleTest suite in a release build and again under AddressSanitizer +
# UndefinedBehaviorSanitizer with leak detection, then the WebAssembly build against the native
# CLI, the page in Chromium, the Tokio fidelity comparison and a short run of the fuzz targets.
# Installs what is missing first. Safe to repeat; later runs rebuild only what changed.
set -euo pipefail
cd "$(dirname "$0")/.."

jobs=${WAKELINE_JOBS:-2}
started=$SECONDS

section() {
  printf '\n==== %s (%ds)\n' "$1" $((SECONDS - started))
}

section "dependencies"
bash scripts/install-deps.sh
# Debian's cargo, rustc and Tokio 1.24 sources: the fidelity test always runs, and a machine
# without them fails it rather than skipping it.
bash scripts/install-rust-deps.sh
export WAKELINE_DEPS_READY=1

section "format: clang-format and Prettier (scripts/format.sh)"
bash scripts/format.sh

section "release: build"
bash scripts/build.sh release
section "release: tests"
ctest --preset release -j "$jobs" --no-tests=error

section "asan: build"
bash scripts/build.sh asan
section "asan: tests (AddressSanitizer + UBSan, leak detection on)"
# The asan test preset sets ASAN_OPTIONS=detect_leaks=1; -fno-sanitize-recover makes any UBSan
# report fatal.
ctest --preset asan -j "$jobs" --no-tests=error

section "wasm and web: build"
bash scripts/build.sh wasm web
# Built once here: the browser tests would otherwise each rebuild dist/ under the others.
export WAKELINE_SITE_BUILT=1
section "node tests: wasm against native, scripts, the page in Chromium"
shopt -s nullglob globstar
node_tests=(tests/wasm/*.test.mjs tests/scripts/*.test.mjs tests/web/**/*.test.mjs)
if ((${#node_tests[@]} == 0)); then
  echo "test: no tests/wasm/*.test.mjs, tests/scripts/*.test.mjs or tests/web/**/*.test.mjs found" >&2
  exit 1
fi
node --test "${node_tests[@]}"

section "fidelity: the same scenarios on Tokio 1.24 and on Wakeline"
# Under `local` only the differences listed in compare.mjs are allowed; `tokio-current-thread`
# must match Tokio poll for poll. --required: without Debian's Rust packages this fails.
node tests/fidelity/compare.mjs --required --wakeline build/release/tests/fidelity/wakeline_polls
node tests/fidelity/compare.mjs --required --wakeline build/release/tests/fidelity/wakeline_polls \
  --strategy tokio-current-thread

section "fidelity: every program of the language on Tokio 1.24 and on Wakeline"
# The example programs and the corpus, the same text on both sides, poll for poll and printed
# line for line (tests/fidelity/README.md, "Programs of the language").
node tests/fidelity/compare-programs.mjs --wakeline build/release/wakeline

section "fuzzing: a short run of every libFuzzer target (scripts/fuzz.sh)"
# Ten seconds each, from the committed corpus: a smoke run that keeps the targets building and
# catches a crash on the seeds; the long runs of docs/reliability.md use --seconds 180.
bash scripts/fuzz.sh --seconds 10

section "all tests passed"
