#!/usr/bin/env bash
# Compares the runtime at a git revision with the working tree, for changes that must not make
# it slower (bench/ab/README.md). Builds both (Release, in build/ab/{base,head}), then:
#   - instructions per micro workload, counted by callgrind: the same count for the same binary
#     and input, however busy the machine is;
#   - wall time of every workload of the peers' benchmark, base and head alternating round by
#     round, as medians and the median of the per-round ratios.
# Usage: bench/ab/run.sh REV [--rounds N]       (REV: a commit, tag or branch; default rounds 9)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
source scripts/lib/debian-packages.sh

rev=${1:?usage: bench/ab/run.sh REV [--rounds N]}
shift
rounds=9
if [[ ${1:-} == --rounds ]]; then rounds=${2:?--rounds needs a number}; fi
install_debian_packages bench-ab cmake ninja-build g++ libbenchmark-dev libasio-dev \
  nlohmann-json3-dev valgrind nodejs

base_src="$root/build/ab/base-src"
rm -rf "$base_src"
git worktree prune
git worktree add --detach --force "$base_src" "$rev" > /dev/null
trap 'git -C "$root" worktree remove --force "$base_src" 2>/dev/null || true' EXIT

for side in base head; do
  src=$([[ $side == base ]] && echo "$base_src" || echo "$root")
  echo "bench-ab: building $side" >&2
  cmake -S "$src" -B "$root/build/ab/$side" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DWAKELINE_BENCH=ON -DWAKELINE_TESTS=OFF > /dev/null
  ninja -C "$root/build/ab/$side" -j"$(nproc)" micro_bench wakeline_peer > /dev/null
done

# Not exec: the trap above removes the base's worktree when this shell ends.
node bench/ab/compare.mjs --base "$root/build/ab/base/bench" --head "$root/build/ab/head/bench" \
  --rounds "$rounds" --label "$rev"
