#!/usr/bin/env bash
# Builds the release benchmarks and runs them with repetitions, printing the mean, median and
# standard deviation of each. Usage:
#   bench/run.sh [--program NAME] [--repetitions N] [--filter REGEX] [--json FILE] [-- extra flags]
# --program picks the benchmark program: runtime_bench (the default: the runtime's own
# benchmarks) or lang_bench (programs of the language against the C++ examples).
# --json FILE also writes every repetition and aggregate as Google Benchmark JSON.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
build="${WAKELINE_BENCH_BUILD:-$root/build/bench}"
program=runtime_bench
repetitions=5
filter="."
json=""
extra=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --program) program="$2"; shift 2 ;;
    --repetitions) repetitions="$2"; shift 2 ;;
    --filter) filter="$2"; shift 2 ;;
    --json) json="$2"; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    -h|--help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DWAKELINE_BENCH=ON \
  -DWAKELINE_TESTS=OFF > /dev/null
case "$program" in
  runtime_bench | lang_bench) ;;
  *) echo "run.sh: --program is runtime_bench or lang_bench, not $program" >&2; exit 2 ;;
esac
ninja -C "$build" -j"$(nproc)" "$program" > /dev/null

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
echo "compiler: $(${CXX:-c++} --version | head -1)"

args=(--benchmark_filter="$filter" --benchmark_repetitions="$repetitions"
      --benchmark_report_aggregates_only=true --benchmark_counters_tabular=true)
if [[ -n "$json" ]]; then
  args+=(--benchmark_out="$json" --benchmark_out_format=json)
fi
"$build/bench/$program" "${args[@]}" "${extra[@]}"
