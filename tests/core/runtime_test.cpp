#include "runtime.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <sstream>
#include <stdexcept>

#include "support/event_lines.hpp"
#include "support/trace_queries.hpp"
#include "wakeline.hpp"

namespace {

using namespace wakeline;
using namespace std::chrono_literals;
using namespace wakeline::support;

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
  EXPECT_EQ(tasks_of(rt, event_kind::poll_begin), expected);
}

TEST(Runtime, AYieldIsRecordedAsAWakeByRefThenAnEnqueueAfterThePoll) {
  runtime rt;
  rt.block_on(yield_now());
  std::vector<std::string> expected{
      "0ms runtime_start",
      "0ms task_spawn task1",
      "0ms task_enqueue task1 spawn",
      "0ms poll_begin task1",
      "0ms waker_wake_by_ref task1",   // yield_now wakes its own task...
      "0ms poll_end task1 pending",    // ...which returns pending...
      "0ms task_enqueue task1 yield",  // ...and is queued again once the poll is over
      "0ms poll_begin task1",
      "0ms poll_end task1 ready",
      "0ms task_end task1 completed",
      "0ms runtime_end",
  };
  EXPECT_EQ(trace_lines(rt), expected);
  const auto& events = rt.trace().events();
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
  for (const trace_event& e : events_of(rt, event_kind::waker_wake_by_ref)) {
    if (e.task == 2) effects.push_back(e.arg);
  }
  EXPECT_EQ(effects, (std::vector<std::uint64_t>{0, 1}));  // scheduled, already scheduled
}

TEST(Runtime, AnExceptionEndsOnlyItsTaskAndReachesTheJoinHandle) {
  runtime rt;
  std::string caught;
  bool other_finished = false;
  rt.block_on([&]() -> async<void> {
    auto failing = spawn(
        []() -> async<int> {
          co_await yield_now();
          throw std::runtime_error("sensor offline");
        }(),
        "failing");
    // Spawned coroutines take what they need as parameters: a capturing lambda would die at
    // the end of the spawn statement, long before the task runs.
    auto other = spawn(
        [](bool* done) -> async<void> {
          co_await yield_now();
          co_await yield_now();
          *done = true;
        }(&other_finished),
        "other");
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
    auto sleeper = spawn(
        [](std::shared_ptr<int> held) -> async<void> {
          co_await sleep(1h);
          (void)held;
        }(std::move(alive)),
        "sleeper");
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
  EXPECT_EQ(count_kind(rt, event_kind::timer_cancel), 1u);
  EXPECT_LT(rt.now_ns(), 1'000'000u);  // The hour never had to pass.
}

TEST(Runtime, DroppingAJoinHandleDetachesTheTask) {
  runtime rt;
  bool finished = false;
  rt.block_on([&]() -> async<void> {
    {
      auto detached = spawn(
          [](bool* done) -> async<void> {
            co_await sleep(5ms);
            *done = true;
          }(&finished),
          "detached");
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
    auto forever = spawn(
        [](std::shared_ptr<int> held) -> async<void> {
          co_await sleep(24h);
          (void)held;
        }(std::move(alive)),
        "forever");
    co_await yield_now();
  }());
  EXPECT_TRUE(watch.expired());
  EXPECT_EQ(
      lines_with(trace_lines(rt), {"task_end"}),
      (std::vector<std::string>{"0ms task_end task1 completed", "0ms task_end task2 cancelled"}));
}

TEST(Runtime, AFutureThatNeverKeepsItsWakerEndsInADetectedDeadlock) {
  runtime rt;
  const std::uint32_t await_line = __LINE__ + 1;
  EXPECT_THROW(rt.block_on([]() -> async<void> { co_await pending(); }()), run_error);
  EXPECT_EQ(rt.outcome(), run_outcome::deadlock);
  const auto& stuck = rt.trace().deadlock(only(rt, event_kind::deadlock).arg);
  ASSERT_EQ(stuck.size(), 1u);
  EXPECT_EQ(stuck[0].task, 1u);
  EXPECT_EQ(stuck[0].wakers, 0u);  // Nobody holds its waker: a lost wakeup.
  EXPECT_EQ(stuck[0].line, await_line);
}

TEST(Runtime, ARunawayTaskStopsAtTheEventBudget) {
  runtime rt(runtime_options{.event_budget = 500});
  EXPECT_THROW(rt.block_on([]() -> async<void> {
    for (;;) co_await yield_now();
  }()),
               run_error);
  EXPECT_EQ(rt.outcome(), run_outcome::budget_exhausted);
  EXPECT_GE(rt.trace().event_count(), 500u);
  EXPECT_LT(rt.trace().event_count(), 520u);
}

TEST(Runtime, AFailingRootRethrowsFromBlockOn) {
  runtime rt;
  EXPECT_THROW(rt.block_on([]() -> async<void> {
    throw std::invalid_argument("bad root");
    co_return;
  }()),
               std::invalid_argument);
  EXPECT_EQ(rt.outcome(), run_outcome::failed);
}

TEST(Runtime, VirtualTimeJumpsToTheNextDeadline) {
  runtime rt;
  rt.block_on([]() -> async<void> { co_await sleep(250ms); }());
  EXPECT_EQ(rt.now_ns(), 250'000'000u);
  // As in tokio, the executor parks until the next slot of the wheel: 250 ms sits in level 1's
  // slot [192, 256) ms, which expires at 192 ms and cascades the timer down to level 0.
  std::vector<std::uint64_t> parks;
  for (const trace_event& e : events_of(rt, event_kind::park)) parks.push_back(e.arg);
  EXPECT_EQ(parks, (std::vector<std::uint64_t>{192'000'000, 250'000'000}));
}

TEST(Runtime, RealTimeReallyWaits) {
  runtime rt(runtime_options{.clock = clock_kind::real_time});
  auto start = std::chrono::steady_clock::now();
  rt.block_on([]() -> async<void> { co_await sleep(20ms); }());
  EXPECT_GE(std::chrono::steady_clock::now() - start, 20ms);
}

async<void> five_sleepers() {
  std::vector<join_handle<void>> handles;
  for (int i = 0; i < 5; ++i) {
    handles.push_back(spawn([](int n) -> async<void> {
      co_await sleep(std::chrono::milliseconds(7 * n % 5));
      co_await yield_now();
    }(i)));
  }
  for (auto& h : handles) co_await h;
}

std::string ndjson_of(const runtime& rt) {
  std::ostringstream out;
  write_ndjson(out, trace_header{.example = "test"}, rt.trace());
  return out.str();
}

TEST(Runtime, ARunResumedOneStepAtATimeRecordsTheSameTraceAsBlockOn) {
  const source_location root_at = source_location::current();  // The same spawn line for both.
  runtime whole;
  whole.block_on(five_sleepers(), "main", root_at);

  runtime sliced;
  sliced.start(five_sleepers(), "main", root_at);
  int slices = 1;
  while (!sliced.resume(1)) ++slices;
  EXPECT_TRUE(sliced.ended());
  EXPECT_EQ(sliced.outcome(), run_outcome::completed);
  EXPECT_GT(slices, 20);
  EXPECT_EQ(ndjson_of(sliced), ndjson_of(whole));
  EXPECT_TRUE(sliced.resume(1));  // An ended run stays ended.
}

TEST(Runtime, ARunDroppedBetweenSlicesCancelsItsTasks) {
  auto rt = std::make_unique<runtime>();
  rt->start(five_sleepers());
  EXPECT_FALSE(rt->resume(8));
  EXPECT_FALSE(rt->ended());
  // Under AddressSanitizer a task, frame or timer left behind here is reported as a leak.
  rt.reset();
  EXPECT_EQ(runtime::try_current(), nullptr);
}

TEST(Runtime, ACancelBetweenSlicesEndsTheRunAtTheNextStep) {
  runtime rt;
  rt.start(five_sleepers());
  EXPECT_FALSE(rt.resume(4));
  rt.request_cancel();
  EXPECT_TRUE(rt.resume(1));
  EXPECT_EQ(rt.outcome(), run_outcome::cancelled);
  EXPECT_EQ(rt.trace().events().back().kind, event_kind::runtime_end);
}

TEST(Runtime, TheRootErrorIsKeptForHostsThatResume) {
  runtime rt;
  rt.start([]() -> async<void> {
    throw std::runtime_error("broken");
    co_return;
  }());
  EXPECT_TRUE(rt.resume(100));
  EXPECT_EQ(rt.outcome(), run_outcome::failed);
  ASSERT_NE(rt.root_error(), nullptr);
  EXPECT_THROW(std::rethrow_exception(rt.root_error()), std::runtime_error);
}

TEST(Runtime, TwoRunsGiveByteIdenticalTraces) {
  auto record = [] {
    runtime rt;
    rt.block_on(five_sleepers());
    return ndjson_of(rt);
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
