// timers: sleeps of different lengths, an interval and a timeout, all on one timer wheel.
#include <chrono>
#include <string>
#include <vector>

#include "registry.hpp"
#include "time/interval.hpp"
#include "time/timeout.hpp"

namespace {

using namespace wakeline;
using std::chrono::milliseconds;

// Returns pending once and is woken by its own timer: sleepers wake in deadline order, whatever
// order they were spawned in.
async<void> sleeper(milliseconds delay) { co_await sleep(delay); }

// Each tick arms a timer for one period after the previous tick was due, so the ticks do not
// drift even though the task is polled a little later each time.
async<void> ticker(int ticks, milliseconds period) {
  auto every = interval(period);
  for (int i = 0; i < ticks; ++i) co_await every.tick();
}

// An operation bounded by a timeout. If the deadline comes first, the operation is dropped and
// its own timer is cancelled; if the operation wins, the timeout's timer is cancelled instead.
async<void> bounded(milliseconds work, milliseconds limit) {
  auto result = co_await timeout(limit, sleep(work));
  (void)result;
}

async<void> run_timers(const examples::param_values& params) {
  const int sleepers = static_cast<int>(params.integer("sleepers"));
  const milliseconds step(params.integer("step_ms"));
  std::vector<join_handle<void>> tasks;
  // Longest first: the timer wheel, not the spawn order, decides who wakes first.
  for (int i = sleepers; i >= 1; --i) {
    tasks.push_back(spawn(sleeper(step * i), "sleep " + std::to_string(step.count() * i) + "ms"));
  }
  tasks.push_back(spawn(
      ticker(static_cast<int>(params.integer("ticks")), milliseconds(params.integer("period_ms"))),
      "ticker"));
  tasks.push_back(spawn(
      bounded(milliseconds(params.integer("work_ms")), milliseconds(params.integer("timeout_ms"))),
      "bounded"));
  for (auto& task : tasks) co_await task;
}

const bool registered = examples::register_example({
    .id = "timers",
    .title = "Sleeps, an interval and a timeout share one timer wheel",
    .topic = "timers",
    .explanation =
        "Every sleep arms a timer on the runtime's wheel and returns Poll::Pending. When no task "
        "can run, the executor parks until the next deadline, and virtual time jumps straight to "
        "it: the timer fires, Waker::wake queues the task, the task is polled again. The sleepers "
        "are spawned longest first but wake shortest first. The ticker's first tick is immediate, "
        "then one per period. The bounded task races work_ms of work against timeout_ms: watch "
        "which timer fires and which one is cancelled.",
    .params = {{"sleepers", examples::param_type::integer, 3, 1, 8, "how many sleeping tasks"},
               {"step_ms", examples::param_type::integer, 10, 1, 1000,
                "sleeper i sleeps i x step_ms"},
               {"ticks", examples::param_type::integer, 4, 1, 20, "how many interval ticks"},
               {"period_ms", examples::param_type::integer, 15, 1, 1000,
                "the interval's period, in ms"},
               {"work_ms", examples::param_type::integer, 50, 0, 5000,
                "how long the bounded operation takes, in ms"},
               {"timeout_ms", examples::param_type::integer, 30, 0, 5000,
                "the bounded operation's timeout, in ms"}},
    .main = run_timers,
});

}  // namespace
