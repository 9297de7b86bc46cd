#!/usr/bin/env bash
# Installs what Wakeline needs to build and test, and nothing that is already there. Safe to repeat.
# Debian 12 packages: compilers, CMake/Ninja, GoogleTest, Google Benchmark, Asio, nlohmann/json,
# Emscripten, node, and Chromium for the browser tests (driven by playwright-core, which never
# downloads a browser). Then the npm packages, when package.json lists any.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/debian-packages.sh

packages=(cmake ninja-build g++ libgtest-dev libbenchmark-dev libasio-dev nlohmann-json3-dev
          emscripten nodejs chromium)

install_debian_packages install-deps "${packages[@]}"

# npm packages: only when package.json declares some and node_modules is older than the lock.
if node -e 'const p = require("./package.json");
            process.exit(Object.keys({...p.dependencies, ...p.devDependencies}).length ? 0 : 1)'; then
  if [[ ! -d node_modules || package.json -nt node_modules ||
        ( -f package-lock.json && package-lock.json -nt node_modules ) ]]; then
    if [[ -f package-lock.json ]]; then npm ci; else npm install; fi
    touch node_modules
  fi
fi
