// The mutex-contention example: waiters park, each unlock hands the lock to the next in line,
// and the lock goes round the workers in FIFO order, one holder at a time.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "runner.hpp"
#include "support/event_lines.hpp"
#include "support/trace_queries.hpp"
#include "trace_checks.hpp"

namespace {

using namespace wakeline;
using namespace wakeline::examples;
using namespace wakeline::support;

run_result run(const std::string& strategy,
               std::vector<std::pair<std::string, std::string>> settings) {
  return trace_checks::completed_run("mutex-contention", strategy, std::move(settings));
}

/// The wakes one worker gives another (the lock handed over), as "task 2 wakes 3". Wakes of
/// main (task 1) are join handles, and a task waking itself is a yield, not the lock.
std::vector<std::string> hand_offs(const runtime& rt) {
  std::vector<std::string> out;
  for (const trace_event& e : events_of(rt, event_kind::waker_wake)) {
    if (e.detail != static_cast<std::uint8_t>(wake_source::task)) continue;
    if (e.task == 1 || e.task == e.ref) continue;
    out.push_back("task " + std::to_string(e.ref) + " wakes " + std::to_string(e.task));
  }
  return out;
}

// Workers are tasks 2 to 5. Worker 1 (task 2) holds the lock first; after each hold the lock
// goes to the next in line, and the holder queues again behind the others.
const std::vector<std::string> round_robin = {
    "task 2 wakes 3", "task 3 wakes 4", "task 4 wakes 5", "task 5 wakes 2",
    "task 2 wakes 3", "task 3 wakes 4", "task 4 wakes 5", "task 5 wakes 2",
    "task 2 wakes 3", "task 3 wakes 4", "task 4 wakes 5",
};

TEST(MutexContentionExample, TheLockIsHandedOnInFifoOrderRoundTheWorkers) {
  for (const char* strategy : {"local", "tokio-current-thread"}) {
    SCOPED_TRACE(strategy);
    run_result result = run(strategy, {});  // 4 workers, 3 holds each, 2 ms a hold.
    EXPECT_EQ(hand_offs(*result.rt), round_robin);
  }
}

TEST(MutexContentionExample, WorkersThatFindTheLockTakenParkWithTheirWaker) {
  run_result result = run("local", {});
  std::vector<std::string> lines = story(*result.rt);
  // Worker 1 takes the lock and sleeps; workers 2 to 4 are polled while it sleeps, each leaves
  // a clone of its waker with the mutex and returns pending.
  std::vector<std::string> expected = {"poll 3",    "clone 3", "pending 3", "poll 4",   "clone 4",
                                       "pending 4", "poll 5",  "clone 5",   "pending 5"};
  auto at = std::search(lines.begin(), lines.end(), expected.begin(), expected.end());
  EXPECT_NE(at, lines.end());
}

TEST(MutexContentionExample, HoldingTheLockAcrossAnAwaitSerialisesTheHolds) {
  for (const char* compute : {"0", "1"}) {
    SCOPED_TRACE(compute);
    run_result result = run("local", {{"compute", compute}});
    // 4 workers x 3 holds x 2 ms, one after another: no two holds overlap.
    EXPECT_EQ(result.rt->trace().events().back().t, 24'000'000u);
    EXPECT_EQ(hand_offs(*result.rt), round_robin);
  }
}

TEST(MutexContentionExample, WithoutContentionNothingIsHandedOver) {
  run_result result = run("local", {{"tasks", "1"}, {"iterations", "5"}});
  EXPECT_TRUE(hand_offs(*result.rt).empty());
  EXPECT_EQ(result.rt->trace().events().back().t, 10'000'000u);
}

}  // namespace
