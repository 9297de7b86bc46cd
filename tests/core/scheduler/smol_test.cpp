// The smol strategy's rules (core/scheduler/smol.hpp), each on the smallest program that shows
// it.
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

strategy_config smol(std::uint64_t workers, std::uint64_t poll_cost_ns = 1'000) {
  strategy_config config(strategy_kind::smol);
  config.workers = workers;
  config.poll_cost_ns = poll_cost_ns;
  return config;
}

async<void> compute(std::chrono::nanoseconds d) {
  busy(d);
  co_return;
}

TEST(Smol, EveryWakeAndSpawnGoesToTheGlobalQueue) {
  runtime rt(runtime_options{.strategy = smol(2)});
  rt.block_on([]() -> async<void> {
    auto a = spawn([]() -> async<void> { co_await sleep(1ms); }(), "a");
    co_await a;
  }());
  for (const trace_event& e : events_of(rt, event_kind::task_enqueue)) {
    if (e.task == 1) continue;  // The root's wakes go to the block_on thread.
    if (static_cast<enqueue_reason>(e.detail) == enqueue_reason::steal) continue;
    EXPECT_EQ(static_cast<queue_kind>(e.ref), queue_kind::global) << describe(e);
  }
  EXPECT_EQ(events_of(rt, event_kind::task_enqueue).size(), 4u)
      << "root spawn, a spawn, a's wake by its timer, root wake by a's end, and none else";
}

TEST(Smol, AWorkerTakesOneGlobalTaskAndHalfTheRestRoundedUp) {
  runtime rt(runtime_options{.strategy = smol(1)});
  rt.block_on([]() -> async<void> {
    std::vector<join_handle<void>> jobs;
    for (int i = 0; i < 6; ++i) jobs.push_back(spawn(compute(1ms), "job"));
    for (auto& job : jobs) co_await job;
  }());
  const trace_event first = events_of(rt, event_kind::steal).at(0);
  EXPECT_EQ(static_cast<queue_kind>(first.detail), queue_kind::global);
  EXPECT_EQ(first.arg, 3u) << "six queued, one taken to run, half of five rounded up";
}

TEST(Smol, AnIdleWorkerStealsHalfOfAnotherWorkersLocalQueue) {
  runtime rt(runtime_options{.strategy = smol(2)});
  rt.block_on([]() -> async<void> {
    std::vector<join_handle<void>> jobs;
    for (int i = 0; i < 8; ++i) jobs.push_back(spawn(compute(1ms), "job"));
    for (auto& job : jobs) co_await job;
  }());
  // The first workers to look take the global queue's tasks into their local queues; a worker
  // that finds the global queue empty steals from another's local queue.
  bool stole_from_a_worker = false;
  for (const trace_event& e : events_of(rt, event_kind::steal)) {
    if (static_cast<queue_kind>(e.detail) != queue_kind::local) continue;
    stole_from_a_worker = true;
    EXPECT_NE(e.worker, e.ref) << "a worker never steals from itself";
  }
  EXPECT_TRUE(stole_from_a_worker);
  // Eight jobs of 1 ms on two workers take about 4 ms, not 8.
  EXPECT_LT(rt.now_ns(), 6'000'000u);
}

TEST(Smol, YieldNowGoesToTheBackOfTheGlobalQueueAtOnce) {
  runtime rt(runtime_options{.strategy = smol(1)});
  rt.block_on([]() -> async<void> {
    co_await spawn([]() -> async<void> { co_await yield_now(); }(), "yielder");
  }());
  std::vector<std::string> yields = lines_with(trace_lines(rt), {"task_enqueue task2 yield"});
  EXPECT_EQ(yields, (std::vector<std::string>{"0ms task_enqueue task2 yield to global"}));
}

TEST(Smol, AWorkerLooksAtTimersEveryPollsPerYieldTasks) {
  // One worker busy with 1 ms jobs: a timer due at 1 ms fires at the run loop's next yield,
  // not when the worker finally runs out of work.
  auto fire_time = [](std::uint64_t polls_per_yield) {
    strategy_config config = smol(1, 0);
    config.polls_per_yield = polls_per_yield;
    runtime rt(runtime_options{.strategy = config});
    rt.block_on([]() -> async<void> {
      auto timer = spawn([]() -> async<void> { co_await sleep(1ms); }(), "timer");
      std::vector<join_handle<void>> jobs;
      for (int i = 0; i < 10; ++i) jobs.push_back(spawn(compute(1ms), "job"));
      for (auto& job : jobs) co_await job;
      co_await timer;
    }());
    return events_of(rt, event_kind::timer_fire).at(0).t;
  };
  EXPECT_LE(fire_time(2), 3'000'000u);
  EXPECT_GE(fire_time(200), 10'000'000u);
}

TEST(Smol, TheSameProgramGivesTheSameTrace) {
  auto run = [] {
    runtime rt(runtime_options{.strategy = smol(3)});
    rt.block_on([]() -> async<void> {
      std::vector<join_handle<void>> jobs;
      for (int i = 0; i < 20; ++i) {
        jobs.push_back(spawn(compute(std::chrono::microseconds(100 * (i % 7))), "job"));
      }
      for (auto& job : jobs) co_await job;
    }());
    return trace_lines(rt);
  };
  EXPECT_EQ(run(), run());
}

}  // namespace
