// The embassy-blinky example shows embassy's executor: interrupts that pend, batches, the
// sleep between them, and a static pool that refuses one spawn too many.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "runner.hpp"
#include "support/trace_queries.hpp"
#include "trace_checks.hpp"

namespace {

using namespace wakeline;
using namespace wakeline::examples;
using namespace wakeline::support;

run_result run_blinky(std::vector<std::pair<std::string, std::string>> settings) {
  run_request request;
  request.example = "embassy-blinky";
  request.strategy = "embassy";
  request.settings = std::move(settings);
  return run_example(request);
}

/// The names of the tasks spawned from `led` sites, in spawn order.
std::vector<std::string> led_names(const run_result& result) {
  std::vector<std::string> names;
  for (const trace_event& e : events_of(*result.rt, event_kind::task_spawn)) {
    const std::string& name = result.rt->trace().text(e.text);
    if (name.rfind("led ", 0) == 0) names.push_back(name);
  }
  return names;
}

TEST(EmbassyBlinkyExample, RunsOnlyUnderEmbassy) {
  const example* e = find_example("embassy-blinky");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->strategies, (std::vector<std::string>{"embassy"}));
  run_request request;
  request.example = "embassy-blinky";
  EXPECT_EQ(run_example(request).header.strategy, "embassy") << "no strategy named: its first";
  request.strategy = "local";
  EXPECT_THROW(run_example(request), usage_error);
}

TEST(EmbassyBlinkyExample, OneSpawnTooManyIntoTheFullPoolFails) {
  run_result result = run_blinky({});
  ASSERT_EQ(result.outcome, run_outcome::completed) << result.message;
  EXPECT_TRUE(trace_checks::well_formed(result.rt->trace(), result.outcome));
  // The pool holds 16: three LEDs and 13 spares are spawned, the 17th is refused.
  EXPECT_EQ(led_names(result).size(), 16u);
  const trace_event& failed = only(*result.rt, event_kind::spawn_failed);
  EXPECT_EQ(failed.arg, 16u);
  EXPECT_EQ(failed.ref, 1u);
  EXPECT_EQ(result.rt->trace().text(failed.text), "led 16");
}

TEST(EmbassyBlinkyExample, ASmallPoolRefusesRealLedsToo) {
  run_result result = run_blinky({{"pool_size", "2"}, {"leds", "4"}});
  ASSERT_EQ(result.outcome, run_outcome::completed) << result.message;
  EXPECT_EQ(led_names(result), (std::vector<std::string>{"led 0", "led 1"}));
  EXPECT_EQ(result.rt->trace().text(only(*result.rt, event_kind::spawn_failed).text), "led 2");
}

TEST(EmbassyBlinkyExample, InterruptsPendTheExecutorWhichSleepsBetweenBatches) {
  run_result result = run_blinky({});
  const auto& events = result.rt->trace().events();
  std::size_t parks = 0, io_pends = 0, timer_pends = 0;
  for (const trace_event& e : events) {
    if (e.kind == event_kind::park) {
      ++parks;
      // The executor sleeps only with its run queue empty: a batch has just ended, or it woke
      // without work (the timer wheel cascading a far deadline to a nearer slot).
      const trace_event& before = events[e.seq - 2];
      EXPECT_TRUE(before.kind == event_kind::batch_end || before.kind == event_kind::unpark)
          << "park at seq " << e.seq;
    }
    if (e.kind != event_kind::pend) continue;
    // pend <- task_enqueue <- waker_wake, attributed to the interrupt that woke the task.
    const trace_event& enqueue = events[e.cause - 1];
    ASSERT_EQ(enqueue.kind, event_kind::task_enqueue);
    if (enqueue.cause == 0) continue;  // a spawn's task_spawn
    const trace_event& wake = events[enqueue.cause - 1];
    if (wake.kind != event_kind::waker_wake) continue;
    auto source = static_cast<wake_source>(wake.detail);
    if (source == wake_source::io) ++io_pends;
    if (source == wake_source::timer) ++timer_pends;
  }
  EXPECT_GT(parks, 3u);
  EXPECT_EQ(io_pends, 3u);  // each of the three presses woke the button task from sleep
  EXPECT_GT(timer_pends, 3u);
  EXPECT_EQ(count_kind(*result.rt, event_kind::batch_begin),
            count_kind(*result.rt, event_kind::batch_end));
}

}  // namespace
