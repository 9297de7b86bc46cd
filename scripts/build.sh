#!/usr/bin/env bash
# Configures and builds CMake presets: by default the native release build (the `wakeline` CLI)
# and the WebAssembly build. Usage: scripts/build.sh [PRESET...]   (release, debug, asan, wasm)
set -euo pipefail
cd "$(dirname "$0")/.."

[[ ${WAKELINE_DEPS_READY:-} == 1 ]] || bash scripts/install-deps.sh

# em++'s JS optimizer needs node to find Debian's acorn and friends (docs: TOOLCHAIN.md).
export NODE_PATH=/usr/share/nodejs
jobs=${WAKELINE_JOBS:-2}

presets=("$@")
((${#presets[@]} > 0)) || presets=(release wasm)

for preset in "${presets[@]}"; do
  echo "==> build: $preset"
  # Re-configuring an existing build is quick, and picks up edits to CMakePresets.json.
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j "$jobs"
done
