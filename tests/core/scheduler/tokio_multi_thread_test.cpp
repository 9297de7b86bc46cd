// The tokio-multi-thread strategy's rules (core/scheduler/tokio_multi_thread.hpp), each on the
// smallest program that shows it.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "support/event_lines.hpp"
#include "support/trace_queries.hpp"
#include "wakeline.hpp"

namespace {

using namespace wakeline;
using namespace wakeline::support;
using namespace std::chrono_literals;

runtime_options multi_thread(std::uint64_t workers, std::uint64_t poll_cost_ns = 1'000) {
  strategy_config config(strategy_kind::tokio_multi_thread);
  config.workers = workers;
  config.poll_cost_ns = poll_cost_ns;
  return runtime_options{.strategy = config};
}

/// Every task_enqueue as "task3 spawn to lifo".
std::vector<std::string> enqueues(const runtime& rt) {
  std::vector<std::string> out;
  for (const trace_event& e : events_of(rt, event_kind::task_enqueue)) {
    out.push_back("task" + std::to_string(e.task) + " " +
                  to_string(static_cast<enqueue_reason>(e.detail)) + " to " +
                  to_string(static_cast<queue_kind>(e.ref)));
  }
  return out;
}

async<void> nothing() { co_return; }

async<void> spawn_children(int n) {
  for (int i = 0; i < n; ++i) (void)spawn(nothing(), "child");
  co_return;
}

async<void> chain(int n) {
  if (n > 0) (void)spawn(chain(n - 1), "link");
  co_return;
}

async<void> compute(std::chrono::nanoseconds d) {
  busy(d);
  co_return;
}

TEST(TokioMultiThread, TheBlockOnThreadPollsTheRootAndSpawnsIntoTheInjectQueue) {
  runtime rt(multi_thread(2));
  rt.block_on([]() -> async<void> {
    auto a = spawn(nothing(), "a");
    co_await a;
  }());
  EXPECT_EQ(enqueues(rt)[0], "task1 spawn to block_on");
  EXPECT_EQ(enqueues(rt)[1], "task2 spawn to inject");
  const trace_event root_poll = events_of(rt, event_kind::poll_begin)[0];
  EXPECT_EQ(root_poll.task, 1u);
  EXPECT_EQ(root_poll.worker, 2u) << "the block_on thread is the worker after the last";
}

TEST(TokioMultiThread, ASpawnOnAWorkerTakesTheLifoSlotAndPushesTheLastOneToTheQueue) {
  runtime rt(multi_thread(1));
  rt.block_on([]() -> async<void> { co_await spawn(spawn_children(2), "parent"); }());
  EXPECT_EQ(enqueues(rt),
            (std::vector<std::string>{"task1 spawn to block_on", "task2 spawn to inject",
                                      "task3 spawn to lifo", "task3 lifo_displaced to local",
                                      "task4 spawn to lifo", "task1 wake to block_on"}));
  const trace_event displaced = events_of(rt, event_kind::task_enqueue)[3];
  EXPECT_EQ(displaced.worker, 0u);
}

TEST(TokioMultiThread, AfterThreeLifoPollsInARowTheSlotIsOffUntilItEmpties) {
  // Each link spawns the next from its poll: links 2, 3 and 4 run from the LIFO slot right
  // after the poll before them; the fourth LIFO task goes to the back of the queue instead.
  runtime rt(multi_thread(1, 0));
  rt.block_on([]() -> async<void> {
    (void)spawn(chain(5), "link");
    co_await sleep(1ms);
  }());
  std::vector<std::string> links;
  for (const std::string& e : enqueues(rt)) {
    if (e.find("spawn to") != std::string::npos && e != "task1 spawn to block_on")
      links.push_back(e);
  }
  EXPECT_EQ(links, (std::vector<std::string>{"task2 spawn to inject", "task3 spawn to lifo",
                                             "task4 spawn to lifo", "task5 spawn to lifo",
                                             "task6 spawn to local", "task7 spawn to lifo"}));
}

TEST(TokioMultiThread, AFullLocalQueueMovesHalfOfItAndTheNewTaskToTheInjectQueue) {
  strategy_config config(strategy_kind::tokio_multi_thread);
  config.workers = 1;
  config.local_queue_capacity = 4;
  runtime rt(runtime_options{.strategy = config});
  rt.block_on([]() -> async<void> { co_await spawn(spawn_children(6), "parent"); }());
  // Children 3..6 each displace the one before into the local queue; the fifth displaced one
  // finds it full.
  std::vector<trace_event> overflow = events_of(rt, event_kind::queue_overflow);
  ASSERT_EQ(overflow.size(), 1u);
  EXPECT_EQ(overflow[0].arg, 3u);
  std::vector<std::string> moved;
  for (const trace_event& e : events_of(rt, event_kind::task_enqueue)) {
    if (e.cause == overflow[0].seq) moved.push_back(describe(e));
  }
  EXPECT_EQ(moved, (std::vector<std::string>{"0ms task_enqueue task3 overflow to inject",
                                             "0ms task_enqueue task4 overflow to inject",
                                             "0ms task_enqueue task7 overflow to inject"}));
}

TEST(TokioMultiThread, AnIdleWorkerStealsHalfRoundedUpOfABusyWorkersQueue) {
  runtime rt(multi_thread(2));
  rt.block_on([]() -> async<void> {
    co_await spawn(
        []() -> async<void> {
          for (int i = 0; i < 6; ++i) (void)spawn(compute(1ms), "job");
          co_return;
        }(),
        "spawner");
  }());
  // Five jobs wait in worker 0's queue and one in its LIFO slot, which is never stolen.
  std::vector<trace_event> steals = events_of(rt, event_kind::steal);
  ASSERT_FALSE(steals.empty());
  EXPECT_EQ(steals[0].worker, 1u);
  EXPECT_EQ(steals[0].ref, 0u);
  EXPECT_EQ(steals[0].arg, 3u);
  EXPECT_EQ(static_cast<queue_kind>(steals[0].detail), queue_kind::local);
  // Both workers ran jobs.
  bool ran_on[2] = {false, false};
  for (const trace_event& e : events_of(rt, event_kind::poll_begin)) {
    if (e.worker < 2) ran_on[e.worker] = true;
  }
  EXPECT_TRUE(ran_on[0] && ran_on[1]);
}

TEST(TokioMultiThread, AtMostHalfTheWorkersSearchAtOnce) {
  runtime rt(multi_thread(4));
  rt.block_on([]() -> async<void> {
    for (int i = 0; i < 3; ++i) {
      co_await spawn(compute(1ms), "job");
      co_await sleep(1ms);
    }
  }());
  int searching = 0;
  int most = 0;
  for (const trace_event& e : rt.trace().events()) {
    if (e.kind == event_kind::search_begin) most = std::max(most, ++searching);
    if (e.kind == event_kind::search_end) --searching;
  }
  EXPECT_GT(most, 0);
  EXPECT_LE(most, 2);
}

TEST(TokioMultiThread, PollsOnDifferentWorkersOverlapInVirtualTime) {
  auto program = []() -> async<void> {
    auto a = spawn(compute(10ms), "a");
    auto b = spawn(compute(10ms), "b");
    co_await a;
    co_await b;
  };
  runtime parallel(multi_thread(2, 0));
  parallel.block_on(program());
  runtime single(runtime_options{.strategy = strategy_kind::local});
  single.block_on(program());
  EXPECT_EQ(parallel.now_ns(), 10'000'000u);
  EXPECT_EQ(single.now_ns(), 20'000'000u);
}

TEST(TokioMultiThread, AYieldWaitsForTheWorkerToLookAtTheDriver) {
  runtime rt(multi_thread(1, 0));
  rt.block_on([]() -> async<void> {
    co_await spawn([]() -> async<void> { co_await yield_now(); }(), "yielder");
  }());
  std::vector<std::string> lines = enqueues(rt);
  EXPECT_NE(std::find(lines.begin(), lines.end(), "task2 yield to deferred"), lines.end());
  // Woken from the deferred list, it goes to the LIFO slot like any wake on a worker.
  EXPECT_NE(std::find(lines.begin(), lines.end(), "task2 yield to lifo"), lines.end());
}

TEST(TokioMultiThread, TheSameProgramGivesTheSameTrace) {
  auto run = [] {
    runtime rt(multi_thread(3));
    rt.block_on([]() -> async<void> {
      for (int i = 0; i < 20; ++i)
        (void)spawn(compute(std::chrono::microseconds(100 * (i % 7))), "job");
      co_await sleep(5ms);
    }());
    return trace_lines(rt);
  };
  EXPECT_EQ(run(), run());
}

}  // namespace
