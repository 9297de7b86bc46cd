// Micro-benchmarks of the runtime's hot paths, each with the trace on and off (argument `trace`).
// The workloads live in workloads.hpp, shared with the plain driver that also runs in wasm
// (micro_main.cpp). One runtime per benchmark iteration runs many operations; the `per_op`
// counter is the time of one operation (spawn+join, yield, message, sleep, recorded event),
// runtime setup and teardown included.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>

#include "workloads.hpp"

namespace {

using wakeline::bench::workload;

// Reports the mean time of one operation, `ops` operations per iteration.
void report_per_op(benchmark::State& state, std::int64_t ops) {
  state.SetItemsProcessed(state.iterations() * ops);
  state.counters["per_op"] =
      benchmark::Counter(static_cast<double>(ops), benchmark::Counter::kIsIterationInvariantRate |
                                                       benchmark::Counter::kInvert);
}

void run_workload(benchmark::State& state, const workload& w) {
  const bool trace = state.range(0) != 0;
  for (auto _ : state) benchmark::DoNotOptimize(w.run(w.size, trace));
  report_per_op(state, w.size);
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  for (const workload& w : wakeline::bench::workloads) {
    // A recorder alone is three orders of magnitude faster than a whole runtime's workload.
    const auto unit =
        w.name == "BM_TraceRecord" ? benchmark::kMicrosecond : benchmark::kMillisecond;
    benchmark::RegisterBenchmark(std::string(w.name).c_str(), run_workload, w)
        ->ArgName("trace")
        ->Arg(0)
        ->Arg(1)
        ->Unit(unit);
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
