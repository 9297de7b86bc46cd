#!/usr/bin/env bash
# Configures and builds CMake presets (release, debug, asan, wasm), each in build/PRESET.
# Usage: scripts/build.sh [PRESET[:TARGET]...]
# Without arguments it builds what the page and the README need: the `wakeline` CLI of the release
# preset and the WebAssembly build; scripts/test.sh builds whole presets, tests included.
set -euo pipefail
cd "$(dirname "$0")/.."

[[ ${WAKELINE_DEPS_READY:-} == 1 ]] || bash scripts/install-deps.sh

# em++'s JS optimizer needs node to find Debian's acorn and friends (docs: TOOLCHAIN.md).
export NODE_PATH=/usr/share/nodejs
jobs=${WAKELINE_JOBS:-2}

requests=("$@")
((${#requests[@]} > 0)) || requests=(release:wakeline wasm)

for request in "${requests[@]}"; do
  preset=${request%%:*}
  targets=()
  [[ $request == *:* ]] && targets=(--target "${request#*:}")
  echo "==> build: $request"
  # Re-configuring an existing build is quick, and picks up edits to CMakePresets.json.
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j "$jobs" "${targets[@]}"
done
