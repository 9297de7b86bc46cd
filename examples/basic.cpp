// basic: async functions run one after another under block_on.
#include <chrono>

#include "registry.hpp"

namespace {

using namespace wakeline;
using std::chrono::milliseconds;

// One step of work: it waits on a timer, so the task returns pending and is woken by the timer.
async<int> step(int number, milliseconds delay) {
  co_await sleep(delay);
  co_return number * 10;
}

// Awaiting each step before starting the next one: the steps run strictly one after another,
// and the total time is the sum of the delays.
async<void> run_steps(const examples::param_values& params) {
  const int steps = static_cast<int>(params.integer("steps"));
  const milliseconds delay(params.integer("delay_ms"));
  int total = 0;
  for (int i = 1; i <= steps; ++i) {
    total += co_await step(i, delay);
  }
  (void)total;
}

const bool registered = examples::register_example({
    .id = "basic",
    .title = "Async functions run one after another",
    .topic = "basics",
    .explanation =
        "The runtime from scratch, basic version: block_on polls one future, the main task. Each "
        "co_await of a step returns Poll::Pending while its timer runs; the timer fires, "
        "Waker::wake puts the task back in the run queue, and the executor polls it again. Watch "
        "one lane: poll, park, fire, poll again. The steps never overlap, so the run takes steps x "
        "delay_ms.",
    .params = {{"steps", examples::param_type::integer, 3, 1, 20, "how many steps to await"},
               {"delay_ms", examples::param_type::integer, 10, 0, 1000,
                "how long each step waits, in ms"}},
    .main = run_steps,
});

}  // namespace
