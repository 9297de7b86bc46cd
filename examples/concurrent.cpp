// concurrent: many futures make progress at the same time on one thread.
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "registry.hpp"

namespace {

using namespace wakeline;
using std::chrono::milliseconds;

// One worker: a few steps, each a sleep of the worker's own length. While it sleeps it returns
// pending and the executor is free to poll every other worker.
async<int> work(int index, milliseconds nap, int steps) {
  int done = 0;
  for (int step = 0; step < steps; ++step) {
    co_await sleep(nap);
    ++done;
  }
  co_return index * 100 + done;
}

// Spawn every worker first, join them afterwards: the sleeps overlap, so the whole run takes
// about as long as the slowest worker, not the sum of them all.
async<void> run_concurrently(const examples::param_values& params) {
  const int tasks = static_cast<int>(params.integer("tasks"));
  const int steps = static_cast<int>(params.integer("steps"));
  const std::int64_t jitter_ms = params.integer("jitter_ms");
  examples::rng rng(params.seed());

  std::vector<join_handle<int>> handles;
  handles.reserve(static_cast<std::size_t>(tasks));
  for (int i = 0; i < tasks; ++i) {
    // Each worker naps a different time, so their wakes interleave; the seeded jitter shuffles
    // them differently for each --seed while keeping every run reproducible.
    milliseconds nap(5 * (i + 1) + rng.between(0, jitter_ms));
    handles.push_back(spawn(work(i, nap, steps), "worker " + std::to_string(i)));
  }
  std::int64_t total = 0;  // 10,000 workers' results overflow an int.
  for (auto& handle : handles) total += co_await handle;
  (void)total;
}

const bool registered = examples::register_example({
    .id = "concurrent",
    .title = "Many futures make progress at once",
    .topic = "basics",
    .explanation =
        "The runtime from scratch, advanced version: main spawns every worker before awaiting "
        "any of them. Each worker sleeps a different time, so while one waits for its timer the "
        "executor polls the others, all on one thread. Watch the run-queue fill at the start, "
        "then the timer wakes arrive in deadline order and interleave the workers' steps. The "
        "run takes about as long as the slowest worker, not the sum; jitter_ms adds a random "
        "delay per worker that --seed makes reproducible.",
    .params = {{"tasks", examples::param_type::integer, 5, 1, 10000, "how many workers to spawn"},
               {"steps", examples::param_type::integer, 3, 1, 10,
                "how many sleeps each worker does"},
               {"jitter_ms", examples::param_type::integer, 0, 0, 100,
                "up to this many ms of seeded random delay added to each worker's nap"}},
    .main = run_concurrently,
});

}  // namespace
