#include "time/timeout.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "support/event_lines.hpp"
#include "support/poll_by_hand.hpp"
#include "support/test_futures.hpp"
#include "support/trace_queries.hpp"
#include "wakeline.hpp"

namespace {

using namespace wakeline;
using namespace wakeline::support;
using namespace std::chrono_literals;

constexpr std::uint64_t ms = 1'000'000;

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
  auto out = rt.block_on(
      []() -> async<std::optional<unit>> { co_return co_await timeout(10ms, sleep(10ms)); }());
  EXPECT_TRUE(out.has_value());
  EXPECT_EQ(rt.now_ns(), 10 * ms);
}

TEST(Timeout, AFutureReadyOnItsFirstPollNeverArmsTheTimer) {
  runtime rt;
  EXPECT_EQ(rt.block_on([]() -> async<std::optional<int>> {
    co_return co_await timeout(10ms, ready(3));
  }()),
            3);
  EXPECT_EQ(count_kind(rt, event_kind::timer_arm), 0u);
}

TEST(Timeout, ZeroDurationTimesOutAPendingFutureAtOnce) {
  runtime rt;
  auto out = rt.block_on(
      []() -> async<std::optional<int>> { co_return co_await timeout(0ms, pending<int>()); }());
  EXPECT_EQ(out, std::nullopt);
  EXPECT_EQ(rt.now_ns(), 0u);
  EXPECT_EQ(count_kind(rt, event_kind::park), 0u);
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
    EXPECT_FALSE(co_await poll_in_task(*t));
    t.reset();
  }());
  EXPECT_EQ(count_kind(rt, event_kind::timer_arm), 2u);
  EXPECT_EQ(count_kind(rt, event_kind::timer_cancel), 2u);
  EXPECT_EQ(rt.now_ns(), 0u);
}

}  // namespace
