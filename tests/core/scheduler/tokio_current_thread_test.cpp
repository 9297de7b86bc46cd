// The tokio-current-thread strategy's four rules (core/strategy.hpp), each on the smallest
// program that shows it. tests/fidelity/ checks the same rules against real Tokio 1.24.
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

runtime_options tokio() { return runtime_options{.strategy = strategy_kind::tokio_current_thread}; }

/// Which task each poll_end was, and its result: "2 pending".
std::vector<std::string> polls(const runtime& rt) {
  std::vector<std::string> out;
  for (const trace_event& e : events_of(rt, event_kind::poll_end)) {
    out.push_back(std::to_string(e.task) + " " + support::poll_result(e));
  }
  return out;
}

async<void> yield_twice() {
  co_await yield_now();
  co_await yield_now();
}

TEST(TokioCurrentThread, TheRootIsPolledOnlyWhenThePassEnds) {
  // a's end wakes the root while b is queued: the root waits until the queue runs dry (b has
  // yielded, its wake deferred), then runs before b, whose deferred wake comes after the driver.
  runtime rt(tokio());
  rt.block_on([]() -> async<void> {
    auto a = spawn(ready(1), "a");
    auto b = spawn(yield_twice(), "b");
    co_await a;
    co_await b;
  }());
  EXPECT_EQ(polls(rt), (std::vector<std::string>{"1 pending", "2 ready", "3 pending", "1 pending",
                                                 "3 pending", "3 ready", "1 ready"}));
  // The root's wake went to its flag, not to the run queue.
  EXPECT_EQ(lines_with(trace_lines(rt), {"task_enqueue task1"}),
            (std::vector<std::string>{"0ms task_enqueue task1 spawn to block_on",
                                      "0ms task_enqueue task1 wake to block_on",
                                      "0ms task_enqueue task1 wake to block_on"}));
}

TEST(TokioCurrentThread, AYieldWaitsForTheNextDriverPoll) {
  // b yields while c is queued: under local b would be queued behind c at once; under tokio its
  // wake is deferred, and b runs again only after the queue empties and the driver is polled.
  runtime rt(tokio());
  rt.block_on([]() -> async<void> {
    auto b = spawn(yield_twice(), "b");
    auto c = spawn(ready(2), "c");
    co_await b;
    co_await c;
  }());
  auto lines = lines_with(trace_lines(rt), {"task_enqueue task2", "poll_end task3"});
  EXPECT_EQ(lines,
            (std::vector<std::string>{
                "0ms task_enqueue task2 spawn", "0ms task_enqueue task2 yield to deferred",
                "0ms poll_end task3 ready", "0ms task_enqueue task2 yield",
                "0ms task_enqueue task2 yield to deferred", "0ms task_enqueue task2 yield"}));
}

TEST(TokioCurrentThread, TheRootIsPolledAgainAfterSixtyOneTasks) {
  runtime rt(tokio());
  rt.block_on([]() -> async<void> {
    std::vector<join_handle<int>> handles;
    for (int i = 0; i < 70; ++i) handles.push_back(spawn(ready(i)));
    for (auto& h : handles) co_await h;
  }());
  auto p = polls(rt);
  ASSERT_GT(p.size(), 63u);
  // Poll 1 is the root spawning; then 61 children; then the root again (woken by the first).
  EXPECT_EQ(p[61], "62 ready");
  EXPECT_EQ(p[62], "1 pending");
  EXPECT_EQ(p[63], "63 ready");
}

TEST(TokioCurrentThread, ABusyReceiverGivesWayAfterItsCoopBudget) {
  runtime rt(tokio());
  std::uint32_t received = rt.block_on([]() -> async<std::uint32_t> {
    auto [tx, rx] = mpsc::unbounded_channel<std::uint32_t>();
    for (std::uint32_t i = 0; i < 200; ++i) (void)tx.send(i);
    { auto dropped = std::move(tx); }
    std::uint32_t n = 0;
    while (co_await rx.recv()) ++n;
    co_return n;
  }());
  EXPECT_EQ(received, 200u);
  const trace_event& spent = only(rt, event_kind::coop_exhausted);
  EXPECT_EQ(spent.task, 1u);
  EXPECT_EQ(spent.arg, tokio_params::coop_budget);
  // 128 values in the first poll, then pending and woken at once; the rest in the second.
  EXPECT_EQ(polls(rt), (std::vector<std::string>{"1 pending", "1 ready"}));
}

TEST(TokioCurrentThread, LocalHasNoBudget) {
  runtime rt;
  rt.block_on([]() -> async<void> {
    auto [tx, rx] = mpsc::unbounded_channel<int>();
    for (int i = 0; i < 200; ++i) (void)tx.send(i);
    { auto dropped = std::move(tx); }
    while (co_await rx.recv()) {
    }
  }());
  EXPECT_EQ(count_kind(rt, event_kind::coop_exhausted), 0u);
  EXPECT_EQ(polls(rt), (std::vector<std::string>{"1 ready"}));
}

TEST(TokioCurrentThread, ADeadlockIsStillFound) {
  runtime rt(tokio());
  EXPECT_THROW(rt.block_on(pending<int>()), run_error);
  EXPECT_EQ(rt.outcome(), run_outcome::deadlock);
}

TEST(TokioCurrentThread, SlicesDoNotChangeTheTrace) {
  const source_location at = source_location::current();
  auto program = []() -> async<void> {
    std::vector<join_handle<void>> handles;
    for (int i = 0; i < 100; ++i) {
      handles.push_back(spawn([](int n) -> async<void> {
        co_await sleep(std::chrono::milliseconds(n % 7));
        co_await yield_now();
      }(i)));
    }
    for (auto& h : handles) co_await h;
  };
  runtime whole(tokio());
  whole.block_on(program(), "main", at);
  runtime sliced(tokio());
  sliced.start(program(), "main", at);
  while (!sliced.resume(3)) {
  }
  ASSERT_EQ(sliced.trace().event_count(), whole.trace().event_count());
  EXPECT_EQ(trace_lines(sliced), trace_lines(whole));
}

}  // namespace
