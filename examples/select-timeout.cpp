// select-timeout: a slow operation raced against a timer with select; the loser is dropped.
#include <chrono>

#include "registry.hpp"
#include "select.hpp"

namespace {

using namespace wakeline;
using std::chrono::milliseconds;

// A slow operation in several steps, so that its await line is visible while it runs. If it
// loses, its frame is destroyed at whatever step it had reached, and the sleep of that step is
// cancelled with it.
async<int> slow_operation(int steps, milliseconds total) {
  for (int i = 0; i < steps; ++i) {
    milliseconds step = total / steps + (i == steps - 1 ? total % steps : milliseconds(0));
    co_await sleep(step);
  }
  co_return steps;
}

async<void> race(const examples::param_values& params) {
  const int steps = static_cast<int>(params.integer("steps"));
  const milliseconds work(params.integer("work_ms"));
  const milliseconds limit(params.integer("timeout_ms"));
  // Both branches are polled in argument order on every wake; the first ready one wins and the
  // other is dropped in that same poll (select_drop, then its timer_cancel).
  auto winner = co_await select(slow_operation(steps, work), sleep(limit));
  (void)winner;
}

const bool registered = examples::register_example({
    .id = "select-timeout",
    .title = "select: a slow operation against a timeout",
    .topic = "timers",
    .explanation =
        "select polls both futures on one task, in argument order, each time the task is woken. "
        "The operation sleeps in steps; the timeout is a single sleep. Whichever completes first "
        "wins, and the loser is dropped on the spot: the caption says select drops its losing "
        "branch, and the loser's armed timer is cancelled (a cross on the timers lane) because "
        "dropping a future cancels it. Make work_ms shorter than timeout_ms to see the timeout "
        "lose instead.",
    .params = {{"work_ms", examples::param_type::integer, 50, 0, 5000,
                "how long the operation takes, in ms"},
               {"timeout_ms", examples::param_type::integer, 30, 0, 5000,
                "when the timeout fires, in ms"},
               {"steps", examples::param_type::integer, 3, 1, 10,
                "how many sleeps the operation is made of"}},
    .main = race,
});

}  // namespace
