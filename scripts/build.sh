#!/usr/bin/env bash
# Configures and builds CMake presets (release, debug, asan, wasm), each in build/PRESET, and the
# web page (`web`: scripts/build-web.mjs bundles web/ and the wasm build's API into dist/).
# Usage: scripts/build.sh [PRESET[:TARGET]|web...]
# Without arguments it builds what the page and the README need: the `wakeline` CLI of the release
# preset, the WebAssembly build and the page; scripts/test.sh builds whole presets, tests included.
set -euo pipefail
cd "$(dirname "$0")/.."

[[ ${WAKELINE_DEPS_READY:-} == 1 ]] || bash scripts/install-deps.sh

# em++'s JS optimizer needs node to find Debian's acorn and friends (docs: TOOLCHAIN.md).
export NODE_PATH=/usr/share/nodejs
jobs=${WAKELINE_JOBS:-2}

requests=("$@")
((${#requests[@]} > 0)) || requests=(release:wakeline wasm web)

for request in "${requests[@]}"; do
  if [[ $request == web ]]; then
    echo "==> build: web"
    node scripts/build-web.mjs
    continue
  fi
  preset=${request%%:*}
  targets=()
  [[ $request == *:* ]] && targets=(--target "${request#*:}")
  echo "==> build: $request"
  # Re-configuring an existing build is quick, and picks up edits to CMakePresets.json.
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j "$jobs" "${targets[@]}"
done
