#include "time/timeout.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "wakeline.hpp"

namespace {

using namespace wakeline;
using namespace std::chrono_literals;

constexpr std::uint64_t ms = 1'000'000;

// One line per event, in a form a reviewer can read in a diff: "10ms timer_fire task1 timer1".
std::string describe(const trace_event& e) {
  std::string s = std::to_string(e.t / 1'000'000) + "ms " + to_string(e.kind);
  if (e.task != 0) s += " task" + std::to_string(e.task);
  switch (e.kind) {
    case event_kind::timer_arm:
      s += " timer" + std::to_string(e.ref) + " for " + std::to_string(e.arg / 1'000'000) + "ms";
      break;
    case event_kind::timer_fire:
    case event_kind::timer_cancel:
      s += " timer" + std::to_string(e.ref);
      break;
    case event_kind::task_enqueue:
      s += std::string(" ") + to_string(static_cast<enqueue_reason>(e.detail));
      break;
    case event_kind::poll_end:
      s += e.detail == 0 ? " pending" : e.detail == 1 ? " ready" : " failed";
      break;
    case event_kind::task_end:
      s += std::string(" ") + to_string(static_cast<task_outcome>(e.detail));
      break;
    case event_kind::select_drop:
      s += " branch" + std::to_string(e.arg);
      break;
    default:
      break;
  }
  return s;
}

std::vector<std::string> trace_lines(const runtime& rt) {
  std::vector<std::string> lines;
  for (const trace_event& e : rt.trace().events()) lines.push_back(describe(e));
  return lines;
}

// Counts destructions, to see when the inner future is dropped.
struct drop_guard {
  int* drops;
  ~drop_guard() { ++*drops; }
};

async<int> guarded_after(std::chrono::milliseconds delay, int value, int* drops) {
  drop_guard guard{drops};
  co_await sleep(delay);
  co_return value;
}

std::size_t count_of(const runtime& rt, event_kind kind) {
  std::size_t n = 0;
  for (const trace_event& e : rt.trace().events()) n += e.kind == kind;
  return n;
}

TEST(Timeout, GivesTheValueWhenTheFutureFinishesFirstAndCancelsTheTimer) {
  runtime rt;
  int drops = 0;
  auto out = rt.block_on([](int& d) -> async<std::optional<int>> {
    co_return co_await timeout(50ms, guarded_after(10ms, 7, &d));
  }(drops));
  EXPECT_EQ(out, 7);
  EXPECT_EQ(drops, 1);
  EXPECT_EQ(rt.now_ns(), 10 * ms);
  EXPECT_EQ(trace_lines(rt), (std::vector<std::string>{
                                "0ms runtime_start",
                                "0ms task_spawn task1",
                                "0ms task_enqueue task1 spawn",
                                "0ms poll_begin task1",
                                "0ms timer_arm task1 timer1 for 10ms",  // inner future first
                                "0ms waker_clone task1",
                                "0ms timer_arm task1 timer2 for 50ms",  // then the deadline
                                "0ms waker_clone task1",
                                "0ms poll_end task1 pending",
                                "0ms park",
                                "10ms unpark",
                                "10ms timer_fire task1 timer1",
                                "10ms waker_wake task1",
                                "10ms task_enqueue task1 wake",
                                "10ms poll_begin task1",           // the inner future is ready:
                                "10ms timer_cancel task1 timer2",  // the deadline is dropped
                                "10ms waker_drop task1",
                                "10ms poll_end task1 ready",
                                "10ms task_end task1 completed",
                                "10ms runtime_end",
                            }));
}

TEST(Timeout, GivesNulloptAndDropsTheFutureAtTheDeadline) {
  runtime rt;
  int drops = 0;
  int drops_at_deadline = -1;
  auto out = rt.block_on([](int& d, int& seen) -> async<std::optional<int>> {
    auto r = co_await timeout(10ms, guarded_after(50ms, 7, &d));
    seen = d;
    co_return r;
  }(drops, drops_at_deadline));
  EXPECT_EQ(out, std::nullopt);
  EXPECT_EQ(drops_at_deadline, 1);  // dropped inside the poll that saw the deadline
  EXPECT_EQ(rt.now_ns(), 10 * ms);
  EXPECT_EQ(trace_lines(rt), (std::vector<std::string>{
                                "0ms runtime_start",
                                "0ms task_spawn task1",
                                "0ms task_enqueue task1 spawn",
                                "0ms poll_begin task1",
                                "0ms timer_arm task1 timer1 for 50ms",  // inner future first
                                "0ms waker_clone task1",
                                "0ms timer_arm task1 timer2 for 10ms",  // then the deadline
                                "0ms waker_clone task1",
                                "0ms poll_end task1 pending",
                                "0ms park",
                                "10ms unpark",
                                "10ms timer_fire task1 timer2",  // the deadline fires first
                                "10ms waker_wake task1",
                                "10ms task_enqueue task1 wake",
                                "10ms poll_begin task1",           // inner polled, still pending;
                                "10ms timer_cancel task1 timer1",  // the deadline wins and the
                                "10ms waker_drop task1",           // inner future is dropped
                                "10ms poll_end task1 ready",
                                "10ms task_end task1 completed",
                                "10ms runtime_end",
                            }));
}

TEST(Timeout, TheInnerFutureIsPolledFirstSoItWinsATie) {
  runtime rt;
  auto out = rt.block_on([]() -> async<std::optional<unit>> {
    co_return co_await timeout(10ms, sleep(10ms));
  }());
  EXPECT_TRUE(out.has_value());
  EXPECT_EQ(rt.now_ns(), 10 * ms);
}

TEST(Timeout, AFutureReadyOnItsFirstPollNeverArmsTheTimer) {
  runtime rt;
  EXPECT_EQ(rt.block_on([]() -> async<std::optional<int>> {
              co_return co_await timeout(10ms, ready(3));
            }()),
            3);
  EXPECT_EQ(count_of(rt, event_kind::timer_arm), 0u);
}

TEST(Timeout, ZeroDurationTimesOutAPendingFutureAtOnce) {
  runtime rt;
  auto out = rt.block_on([]() -> async<std::optional<int>> {
    co_return co_await timeout(0ms, pending<int>());
  }());
  EXPECT_EQ(out, std::nullopt);
  EXPECT_EQ(rt.now_ns(), 0u);
  EXPECT_EQ(count_of(rt, event_kind::park), 0u);
}

TEST(Timeout, TheDeadlineCountsFromCreationNotFromTheFirstPoll) {
  runtime rt;
  auto out = rt.block_on([]() -> async<std::optional<unit>> {
    auto bounded = timeout(10ms, sleep(30ms));
    co_await sleep(4ms);
    co_return co_await bounded;
  }());
  EXPECT_EQ(out, std::nullopt);
  EXPECT_EQ(rt.now_ns(), 10 * ms);
}

TEST(Timeout, TimeoutAtUsesAnAbsoluteDeadline) {
  runtime rt;
  auto out = rt.block_on([]() -> async<std::optional<unit>> {
    co_await sleep(5ms);
    co_return co_await timeout_at(8 * ms, sleep(30ms));
  }());
  EXPECT_EQ(out, std::nullopt);
  EXPECT_EQ(rt.now_ns(), 8 * ms);
}

TEST(Timeout, DroppingAPendingTimeoutCancelsBothTimers) {
  runtime rt;
  rt.block_on([]() -> async<void> {
    std::optional<timeout_future<sleep_future>> t(timeout(10ms, sleep(20ms)));
    co_await poll_fn([&](context& cx) -> wakeline::poll<void> {
      EXPECT_TRUE(t->poll(cx).is_pending());
      return poll_ready();
    });
    t.reset();
  }());
  EXPECT_EQ(count_of(rt, event_kind::timer_arm), 2u);
  EXPECT_EQ(count_of(rt, event_kind::timer_cancel), 2u);
  EXPECT_EQ(rt.now_ns(), 0u);
}

}  // namespace
