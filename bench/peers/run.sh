#!/usr/bin/env bash
# Builds Wakeline's, Asio's and the Rust peers' benchmark programs (bench/peers/README.md) and
# runs them alternately, printing a table of medians. Installs what is missing first; safe to
# repeat. Usage:
#   bench/peers/run.sh [--rounds N] [--divide N] [--only WORKLOAD] [--json FILE]
# Every option goes to compare.mjs: --rounds (default 5) runs of every program, --divide N
# divides every size by N for a quick check, --json FILE also writes every measurement.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
source scripts/lib/debian-packages.sh

# C++ (the Wakeline and Asio peers) and the Rust crates, all from Debian: nothing is downloaded.
install_debian_packages bench-peers cmake ninja-build g++ libbenchmark-dev libasio-dev \
  nlohmann-json3-dev nodejs cargo rustc librust-tokio-dev librust-async-executor-dev \
  librust-futures-lite-dev librust-async-channel-dev librust-async-io-dev librust-polling-dev

build="${WAKELINE_BENCH_BUILD:-$root/build/bench}"
echo "bench-peers: building the C++ peers in $build" >&2
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DWAKELINE_BENCH=ON \
  -DWAKELINE_TESTS=OFF > /dev/null
ninja -C "$build" -j"$(nproc)" wakeline_peer asio_peer > /dev/null

echo "bench-peers: building the Rust peers (Debian's cargo, offline)" >&2
# Debian's toolchain, not whatever else is first on PATH: the crates are packaged for it.
(cd bench/peers/rust && PATH=/usr/bin:$PATH cargo build --release --quiet)

exec node bench/peers/compare.mjs \
  --wakeline "$build/bench/wakeline_peer" --asio "$build/bench/asio_peer" \
  --rust "$root/build/peers/rust-target/release/wakeline-peers" "$@"
