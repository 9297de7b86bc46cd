#!/usr/bin/env bash
# The runtime's micro-benchmarks natively and in WebAssembly under node, as a ratio. Builds
# bench/micro_main.cpp with the release preset (micro_bench) and the wasm preset
# (wakeline_micro_bench), then runs each workload on the two alternately, round after round, so
# both see the same machine load, and prints per workload: native and wasm ns/op (median over
# rounds of each round's median), wasm/native (the median of the per-round ratios) against the
# goal of 2x, and the ratio of the best single runs (the least disturbed, on a busy machine).
# Usage:
#   bench/wasm-micro.sh [--rounds N] [--reps N] [--filter SUBSTRING] [--no-build] [--json FILE]
# --reps is the repetitions per workload, side and round (after one warm-up); --json FILE keeps every
# round's JSON lines, tagged with side and round.
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=7
reps=3
filter=""
build=1
json=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --reps) reps="$2"; shift 2 ;;
    --filter) filter="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --json) json="$2"; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "wasm-micro.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

# Other builds of the two programs can be compared with --no-build and these two variables.
native=${WAKELINE_MICRO_NATIVE:-build/release/bench/micro_bench}
wasm=${WAKELINE_MICRO_WASM:-build/wasm/micro_bench.js}
if ((build)); then
  jobs=${WAKELINE_JOBS:-2}
  cmake --preset release >/dev/null
  cmake --build --preset release -j "$jobs" --target micro_bench >/dev/null
  # The wasm preset's build sets NODE_PATH, which em++'s JS optimizer needs.
  cmake --preset wasm >/dev/null
  cmake --build --preset wasm -j "$jobs" --target wakeline_micro_bench >/dev/null
fi

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
echo "native: $(${CXX:-c++} --version | head -1), Release${GLIBC_TUNABLES:+, GLIBC_TUNABLES=$GLIBC_TUNABLES}"
echo "wasm: $(em++ --version 2>/dev/null | head -1), Release, node $(node --version) --no-liftoff"
echo "rounds: $rounds; per round, each workload $reps repetitions after a warm-up on each side"

results=$(mktemp)
trap 'rm -f "$results"' EXIT
mapfile -t names < <("$native" --list --filter "$filter")
for ((round = 1; round <= rounds; round++)); do
  for name in "${names[@]}"; do
    # Each workload runs on both sides back to back, so a pair sees the same load; which side
    # goes first alternates from round to round.
    if ((round % 2 == 1)); then order=(native wasm); else order=(wasm native); fi
    for side in "${order[@]}"; do
      if [[ $side == native ]]; then line=$("$native" --reps "$reps" --filter "$name")
      # --no-liftoff: TurboFan compiles the whole module up front. Otherwise V8 starts every
      # function in its baseline compiler and tiers hot ones up in the background, which on a
      # busy machine can take several runs: the first runs then measure unoptimised code.
      else line=$(node --no-liftoff "$wasm" --reps "$reps" --filter "$name"); fi
      echo "{\"side\":\"$side\",\"round\":$round,${line#\{}" >> "$results"
    done
  done
  echo "round $round of $rounds done" >&2
done
[[ -n $json ]] && cp "$results" "$json"

node - "$results" <<'JS'
const fs = require('fs');
const rows = fs.readFileSync(process.argv[2], 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const median = (v) => {
  const s = [...v].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};
const fmt = (ns) => (ns >= 1000 ? `${(ns / 1000).toPrecision(3)} us` : `${ns.toPrecision(3)} ns`);
const names = [...new Set(rows.map((r) => r.name))];
const mismatched = [];
console.log('| workload | native ns/op | wasm ns/op | wasm/native (range) | best wasm / best native | goal | met? |');
console.log('|---|---|---|---|---|---|---|');
for (const name of names) {
  const of = (side) => rows.filter((r) => r.name === name && r.side === side);
  const native = of('native');
  const wasm = of('wasm');
  const ratios = native
    .map((n) => {
      const w = wasm.find((x) => x.round === n.round);
      return w && w.median_ns / n.median_ns;
    })
    .filter((r) => r !== undefined);
  if (new Set([...native, ...wasm].map((r) => r.digest)).size > 1) mismatched.push(name);
  const ratio = median(ratios);
  const range = `${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)}`;
  const best = (runs) => Math.min(...runs.map((r) => r.min_ns));
  const bestRatio = best(wasm) / best(native);
  console.log(`| ${name} | ${fmt(median(native.map((r) => r.median_ns)))} | ` +
              `${fmt(median(wasm.map((r) => r.median_ns)))} | ${ratio.toFixed(2)}x (${range}) | ` +
              `${bestRatio.toFixed(2)}x | ` +
              `< 2x | ${ratio < 2 ? 'yes' : '**no**'} |`);
}
if (mismatched.length) {
  console.error(`digests differ between native and wasm (not the same work): ${mismatched.join(', ')}`);
  process.exit(1);
}
JS
