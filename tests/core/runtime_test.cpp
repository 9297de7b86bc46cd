#include "runtime.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <sstream>
#include <stdexcept>

#include "core/trace_helpers.hpp"
#include "wakeline.hpp"

namespace {

using namespace wakeline;
using namespace std::chrono_literals;
using wakeline::testing::count_kind;
using wakeline::testing::kinds_and_tasks;
using wakeline::testing::poll_order;

async<void> yield_three_times() {
  for (int i = 0; i < 3; ++i) co_await yield_now();
}

TEST(Runtime, BlockOnReturnsTheOutputOfTheRootFuture) {
  runtime rt;
  EXPECT_EQ(rt.block_on(ready(42)), 42);
  EXPECT_EQ(rt.outcome(), run_outcome::completed);
}

TEST(Runtime, ThreeYieldingTasksInterleaveRoundRobin) {
  runtime rt;
  rt.block_on([]() -> async<void> {
    auto a = spawn(yield_three_times(), "a");
    auto b = spawn(yield_three_times(), "b");
    auto c = spawn(yield_three_times(), "c");
    co_await a;
    co_await b;
    co_await c;
  }());
  // main (1) spawns a (2), b (3), c (4) and waits on a; then a, b, c take turns: three yields
  // and a final poll each; a's end wakes main, which finds all three done.
  std::vector<std::uint32_t> expected{1, 2, 3, 4, 2, 3, 4, 2, 3, 4, 2, 3, 4, 1};
  EXPECT_EQ(poll_order(rt.trace()), expected);
}

TEST(Runtime, AYieldIsRecordedAsAWakeByRefThenAnEnqueueAfterThePoll) {
  runtime rt;
  rt.block_on(yield_now());
  std::vector<std::string> expected{
      "runtime_start",
      "task_spawn 1",
      "task_enqueue 1",       // reason spawn
      "poll_begin 1",
      "waker_wake_by_ref 1",  // yield_now wakes its own task...
      "poll_end 1",           // ...which returns pending...
      "task_enqueue 1",       // ...and is queued again once the poll is over: reason yield
      "poll_begin 1",
      "poll_end 1",
      "task_end 1",
      "runtime_end",
  };
  EXPECT_EQ(kinds_and_tasks(rt.trace()), expected);
  const auto& events = rt.trace().events();
  EXPECT_EQ(events[6].detail, static_cast<std::uint8_t>(enqueue_reason::yield));
  EXPECT_EQ(events[6].cause, events[4].seq);  // The enqueue points at the wake that caused it.
  EXPECT_EQ(events[7].cause, events[6].seq);  // The poll points at the enqueue.
}

// Shared between a task that parks and a task that wakes it.
struct parking_spot {
  std::optional<waker> parked;
  bool released = false;
};

TEST(Runtime, ATaskWokenTwiceBeforeItRunsIsQueuedAndPolledOnce) {
  runtime rt;
  auto spot = std::make_shared<parking_spot>();
  int sleeper_polls = 0;
  rt.block_on([&]() -> async<void> {
    auto sleeper = spawn(poll_fn([&](context& cx) -> poll<void> {
                           ++sleeper_polls;
                           if (spot->released) return poll_ready();
                           spot->parked = cx.waker();
                           return poll_pending;
                         }),
                         "sleeper");
    co_await yield_now();  // Let the sleeper park.
    spot->released = true;
    spot->parked->wake_by_ref();
    spot->parked->wake_by_ref();
    spot->parked.reset();
    co_await sleeper;
  }());
  EXPECT_EQ(sleeper_polls, 2);
  std::vector<std::uint64_t> effects;
  for (const trace_event& e : rt.trace().events()) {
    if (e.kind == event_kind::waker_wake_by_ref && e.task == 2) effects.push_back(e.arg);
  }
  EXPECT_EQ(effects, (std::vector<std::uint64_t>{0, 1}));  // scheduled, already scheduled
}

TEST(Runtime, AnExceptionEndsOnlyItsTaskAndReachesTheJoinHandle) {
  runtime rt;
  std::string caught;
  bool other_finished = false;
  rt.block_on([&]() -> async<void> {
    auto failing = spawn([]() -> async<int> {
      co_await yield_now();
      throw std::runtime_error("sensor offline");
    }(), "failing");
    // Spawned coroutines take what they need as parameters: a capturing lambda would die at
    // the end of the spawn statement, long before the task runs.
    auto other = spawn([](bool* done) -> async<void> {
      co_await yield_now();
      co_await yield_now();
      *done = true;
    }(&other_finished), "other");
    try {
      co_await failing;
    } catch (const std::runtime_error& e) {
      caught = e.what();
    }
    co_await other;
  }());
  EXPECT_EQ(caught, "sensor offline");
  EXPECT_TRUE(other_finished);
  bool recorded = false;
  for (const trace_event& e : rt.trace().events()) {
    if (e.kind == event_kind::task_end && e.task == 2) {
      EXPECT_EQ(e.detail, static_cast<std::uint8_t>(task_outcome::failed));
      EXPECT_EQ(rt.trace().text(e.text), "sensor offline");
      recorded = true;
    }
  }
  EXPECT_TRUE(recorded);
}

TEST(Runtime, AbortCancelsASleepingTaskAndItsTimer) {
  runtime rt;
  auto alive = std::make_shared<int>(0);
  std::weak_ptr<int> watch = alive;
  bool got_join_error = false;
  rt.block_on([&]() -> async<void> {
    auto sleeper = spawn([](std::shared_ptr<int> held) -> async<void> {
      co_await sleep(1h);
      (void)held;
    }(std::move(alive)), "sleeper");
    co_await yield_now();
    sleeper.abort();
    try {
      co_await sleeper;
    } catch (const join_error&) {
      got_join_error = true;
    }
  }());
  EXPECT_TRUE(got_join_error);
  EXPECT_TRUE(watch.expired());
  EXPECT_EQ(count_kind(rt.trace(), event_kind::timer_cancel), 1u);
  EXPECT_LT(rt.now_ns(), 1'000'000u);  // The hour never had to pass.
}

TEST(Runtime, DroppingAJoinHandleDetachesTheTask) {
  runtime rt;
  bool finished = false;
  rt.block_on([&]() -> async<void> {
    {
      auto detached = spawn([](bool* done) -> async<void> {
        co_await sleep(5ms);
        *done = true;
      }(&finished), "detached");
    }
    co_await sleep(10ms);
  }());
  EXPECT_TRUE(finished);
}

TEST(Runtime, TasksAliveWhenTheRootEndsAreCancelledAndFreed) {
  runtime rt;
  auto alive = std::make_shared<int>(0);
  std::weak_ptr<int> watch = alive;
  rt.block_on([&]() -> async<void> {
    auto forever = spawn([](std::shared_ptr<int> held) -> async<void> {
      co_await sleep(24h);
      (void)held;
    }(std::move(alive)), "forever");
    co_await yield_now();
  }());
  EXPECT_TRUE(watch.expired());
  std::vector<std::string> ends;
  for (const trace_event& e : rt.trace().events()) {
    if (e.kind == event_kind::task_end) ends.push_back(to_string(static_cast<task_outcome>(e.detail)));
  }
  EXPECT_EQ(ends, (std::vector<std::string>{"completed", "cancelled"}));
}

TEST(Runtime, AFutureThatNeverKeepsItsWakerEndsInADetectedDeadlock) {
  runtime rt;
  const std::uint32_t await_line = __LINE__ + 1;
  EXPECT_THROW(rt.block_on([]() -> async<void> { co_await pending(); }()), run_error);
  EXPECT_EQ(rt.outcome(), run_outcome::deadlock);
  const trace_event* deadlock = nullptr;
  for (const trace_event& e : rt.trace().events()) {
    if (e.kind == event_kind::deadlock) deadlock = &e;
  }
  ASSERT_NE(deadlock, nullptr);
  const auto& stuck = rt.trace().deadlock(deadlock->arg);
  ASSERT_EQ(stuck.size(), 1u);
  EXPECT_EQ(stuck[0].task, 1u);
  EXPECT_EQ(stuck[0].wakers, 0u);  // Nobody holds its waker: a lost wakeup.
  EXPECT_EQ(stuck[0].line, await_line);
}

TEST(Runtime, ARunawayTaskStopsAtTheEventBudget) {
  runtime rt(runtime_options{.event_budget = 500});
  EXPECT_THROW(rt.block_on([]() -> async<void> {
    for (;;) co_await yield_now();
  }()), run_error);
  EXPECT_EQ(rt.outcome(), run_outcome::budget_exhausted);
  EXPECT_GE(rt.trace().event_count(), 500u);
  EXPECT_LT(rt.trace().event_count(), 520u);
}

TEST(Runtime, AFailingRootRethrowsFromBlockOn) {
  runtime rt;
  EXPECT_THROW(rt.block_on([]() -> async<void> {
    throw std::invalid_argument("bad root");
    co_return;
  }()), std::invalid_argument);
  EXPECT_EQ(rt.outcome(), run_outcome::failed);
}

TEST(Runtime, VirtualTimeJumpsToTheNextDeadline) {
  runtime rt;
  rt.block_on([]() -> async<void> { co_await sleep(250ms); }());
  EXPECT_EQ(rt.now_ns(), 250'000'000u);
  // As in tokio, the executor parks until the next slot of the wheel: 250 ms sits in level 1's
  // slot [192, 256) ms, which expires at 192 ms and cascades the timer down to level 0.
  std::vector<std::uint64_t> parks;
  for (const trace_event& e : rt.trace().events()) {
    if (e.kind == event_kind::park) parks.push_back(e.arg);
  }
  EXPECT_EQ(parks, (std::vector<std::uint64_t>{192'000'000, 250'000'000}));
}

TEST(Runtime, RealTimeReallyWaits) {
  runtime rt(runtime_options{.clock = clock_kind::real_time});
  auto start = std::chrono::steady_clock::now();
  rt.block_on([]() -> async<void> { co_await sleep(20ms); }());
  EXPECT_GE(std::chrono::steady_clock::now() - start, 20ms);
}

TEST(Runtime, TwoRunsGiveByteIdenticalTraces) {
  auto record = [] {
    runtime rt;
    rt.block_on([]() -> async<void> {
      std::vector<join_handle<void>> handles;
      for (int i = 0; i < 5; ++i) {
        handles.push_back(spawn([](int n) -> async<void> {
          co_await sleep(std::chrono::milliseconds(7 * n % 5));
          co_await yield_now();
        }(i)));
      }
      for (auto& h : handles) co_await h;
    }());
    std::ostringstream out;
    write_ndjson(out, trace_header{.example = "test"}, rt.trace());
    return out.str();
  };
  std::string first = record();
  EXPECT_EQ(first, record());
  EXPECT_GT(first.size(), 1000u);
}

TEST(Runtime, TracingOffRecordsNothingButRunsTheSame) {
  runtime rt(runtime_options{.trace = false});
  int v = rt.block_on([]() -> async<int> {
    auto h = spawn([]() -> async<int> {
      co_await sleep(3ms);
      co_return 4;
    }());
    co_return co_await h + 1;
  }());
  EXPECT_EQ(v, 5);
  EXPECT_EQ(rt.trace().event_count(), 0u);
  EXPECT_EQ(rt.now_ns(), 3'000'000u);
}

TEST(Runtime, SpawnOutsideARuntimeIsAClearError) {
  EXPECT_THROW((void)spawn(ready(1)), std::logic_error);
}

}  // namespace
