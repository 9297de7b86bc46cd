// The language's interpreter against the C++ examples, natively (docs/benchmarks.md, "The
// language"): events per second of `concurrent` at tasks=10000, as the C++ example and as its
// program (examples/programs/concurrent.rs with TASKS set so), and the memory each pending task
// holds once every worker waits on its timer. bench/lang/run.mjs adds WebAssembly's side.
#include <benchmark/benchmark.h>

#include <fstream>
#include <limits>
#include <memory>
#include <regex>
#include <sstream>
#include <string>

#include "runner.hpp"

namespace {

using namespace wakeline;

constexpr int tasks = 10000;

std::string concurrent_program() {
  std::ifstream file(std::string(WAKELINE_SOURCE_DIR) + "/examples/programs/concurrent.rs");
  std::stringstream text;
  text << file.rdbuf();
  return std::regex_replace(text.str(), std::regex("const TASKS: u64 = \\d+;"),
                            "const TASKS: u64 = " + std::to_string(tasks) + ";");
}

examples::checked_run request(bool program) {
  examples::run_request r;
  if (program) {
    r.is_program = true;
    r.program_name = "concurrent.rs";
    r.program_text = concurrent_program();
  } else {
    r.example = "concurrent";
    r.settings = {{"tasks", std::to_string(tasks)}};
  }
  r.budget = std::numeric_limits<std::uint64_t>::max();
  return examples::check_request(r);
}

void run_concurrent(benchmark::State& state, bool program) {
  const examples::checked_run checked = request(program);
  std::uint64_t events = 0;
  for (auto _ : state) {
    examples::run_result run = examples::execute(checked);
    events += run.rt->trace().event_count();
    benchmark::DoNotOptimize(run.outcome);
  }
  state.counters["events/s"] =
      benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
}

// One step polls one task: main's first poll spawns every worker, one step each polls them once;
// then every worker waits on its timer.
void memory_per_pending_task(benchmark::State& state, bool program) {
  const examples::checked_run checked = request(program);
  double bytes = 0;
  for (auto _ : state) {
    examples::run_result run = examples::start(checked);
    examples::resume(run, tasks + 1);
    bytes = static_cast<double>(run.rt->memory_in_use()) / tasks;
    examples::resume(run, std::numeric_limits<std::uint64_t>::max());
  }
  state.counters["bytes/task"] = bytes;
}

BENCHMARK_CAPTURE(run_concurrent, cpp, false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(run_concurrent, program, true)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(memory_per_pending_task, cpp, false)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);
BENCHMARK_CAPTURE(memory_per_pending_task, program, true)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
