#!/usr/bin/env bash
# Installs what the Tokio fidelity test (tests/fidelity/tokio) needs to build offline, and
# nothing that is already there. Safe to repeat. Debian 12 packages: cargo and rustc, and Tokio
# 1.24 as Rust source (librust-tokio-dev provides every feature the test uses: rt, time, sync,
# macros, test-util; it pulls tokio-macros, pin-project-lite and the rest into
# /usr/share/cargo/registry, which tests/fidelity/tokio/.cargo/config.toml uses as its only
# crate source).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/debian-packages.sh

packages=(cargo rustc librust-tokio-dev)

install_debian_packages install-rust-deps "${packages[@]}"

# Debian's toolchain, not whatever else is first on PATH: the crates are packaged for it.
if ! ls -d /usr/share/cargo/registry/tokio-1.24.* > /dev/null 2>&1; then
  echo "install-rust-deps: librust-tokio-dev is installed but no tokio-1.24.* crate is in" \
       "/usr/share/cargo/registry" >&2
  exit 1
fi
echo "install-rust-deps: $(/usr/bin/cargo --version), $(/usr/bin/rustc --version)," \
     "$(basename /usr/share/cargo/registry/tokio-1.24.*)"
