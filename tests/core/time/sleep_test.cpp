#include "time/sleep.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "support/event_lines.hpp"
#include "support/poll_by_hand.hpp"
#include "support/trace_queries.hpp"
#include "wakeline.hpp"

namespace {

using namespace wakeline;
using namespace wakeline::support;
using namespace std::chrono_literals;

constexpr std::uint64_t ms = 1'000'000;

TEST(Sleep, CompletesWhenVirtualTimeReachesTheDeadline) {
  runtime rt;
  rt.block_on([]() -> async<void> { co_await sleep(10ms); }());
  EXPECT_EQ(rt.now_ns(), 10 * ms);
  EXPECT_EQ(trace_lines(rt), (std::vector<std::string>{
                                 "0ms runtime_start",
                                 "0ms task_spawn task1",
                                 "0ms task_enqueue task1 spawn",
                                 "0ms poll_begin task1",
                                 "0ms timer_arm task1 timer1 for 10ms",  // first poll arms
                                 "0ms waker_clone task1",                // the timer keeps a waker
                                 "0ms poll_end task1 pending",
                                 "0ms park",     // nothing to run: wait for timer1
                                 "10ms unpark",  // virtual time jumped 10 ms at once
                                 "10ms timer_fire task1 timer1",
                                 "10ms waker_wake task1",  // the timer's waker is consumed
                                 "10ms task_enqueue task1 wake",
                                 "10ms poll_begin task1",
                                 "10ms poll_end task1 ready",
                                 "10ms task_end task1 completed",
                                 "10ms runtime_end",
                             }));
}

TEST(Sleep, VirtualTimeJumpsToAFarDeadlineThroughTheWheelsCascadePoints) {
  runtime rt;
  rt.block_on([]() -> async<void> { co_await sleep(1h); }());
  EXPECT_EQ(rt.now_ns(), 3'600'000 * ms);
  std::vector<std::uint64_t> parks;
  for (const trace_event& e : events_of(rt, event_kind::park)) parks.push_back(e.arg / ms);
  // Like tokio's driver, the runtime parks until the start of the next occupied slot: 1 h sits at
  // level 3 and moves down through levels 2 and 1 before it fires. Each park is one jump.
  EXPECT_EQ(parks, (std::vector<std::uint64_t>{
                       3'407'872,  // level 3, slot 13 (13 x 2^18 ms): cascade to level 2
                       3'596'288,  // level 2, slot 46: cascade to level 1
                       3'600'000,  // level 1, slot 58 ends exactly at 1 h: fire
                   }));
}

TEST(Sleep, DeadlinesAreRoundedUpToTheNextMillisecond) {
  runtime rt;
  rt.block_on([]() -> async<void> {
    co_await sleep(1500us);
    co_await sleep(1ns);
  }());
  EXPECT_EQ(rt.now_ns(), 3 * ms);
  auto arms = events_of(rt, event_kind::timer_arm);
  ASSERT_EQ(arms.size(), 2u);
  EXPECT_EQ(arms[0].arg, 2 * ms);  // 1.5 ms rounded up
  EXPECT_EQ(arms[1].arg, 3 * ms);  // 2 ms + 1 ns rounded up
}

TEST(Sleep, ZeroSleepCompletesInTheSamePollWithoutParking) {
  runtime rt;
  rt.block_on([]() -> async<void> { co_await sleep(0ms); }());
  EXPECT_EQ(rt.now_ns(), 0u);
  EXPECT_EQ(trace_lines(rt), (std::vector<std::string>{
                                 "0ms runtime_start",
                                 "0ms task_spawn task1",
                                 "0ms task_enqueue task1 spawn",
                                 "0ms poll_begin task1",
                                 "0ms timer_arm task1 timer1 for 0ms",
                                 "0ms timer_fire task1 timer1",  // already due: no waker kept
                                 "0ms poll_end task1 ready",
                                 "0ms task_end task1 completed",
                                 "0ms runtime_end",
                             }));
}

TEST(Sleep, SleepUntilWaitsForAnAbsoluteDeadline) {
  runtime rt;
  std::vector<std::uint64_t> seen;
  rt.block_on([](runtime& r, std::vector<std::uint64_t>& out) -> async<void> {
    co_await sleep(5ms);
    out.push_back(r.now_ns());
    co_await sleep_until(12 * ms);
    out.push_back(r.now_ns());
    co_await sleep_until(3 * ms);  // already past: no wait
    out.push_back(r.now_ns());
  }(rt, seen));
  EXPECT_EQ(seen, (std::vector<std::uint64_t>{5 * ms, 12 * ms, 12 * ms}));
  EXPECT_EQ(count_kind(rt, event_kind::park), 2u);
}

// Arms a timer for `deadline_ns` after yielding `yields` times, so that the arming order differs
// from the spawn order.
async<void> sleep_after_yields(int yields, std::uint64_t deadline_ns) {
  for (int i = 0; i < yields; ++i) co_await yield_now();
  co_await sleep_until(deadline_ns);
}

class EqualDeadlines : public ::testing::TestWithParam<std::uint64_t> {};

TEST_P(EqualDeadlines, FireInArmingOrder) {
  const std::uint64_t deadline = GetParam();
  runtime rt;
  rt.block_on([](std::uint64_t d) -> async<void> {
    auto late = spawn(sleep_after_yields(2, d), "late");    // task 2, arms third
    auto middle = spawn(sleep_after_yields(1, d), "mid");   // task 3, arms second
    auto early = spawn(sleep_after_yields(0, d), "early");  // task 4, arms first
    co_await std::move(late);
    co_await std::move(middle);
    co_await std::move(early);
  }(deadline));
  EXPECT_EQ(rt.now_ns(), deadline);
  EXPECT_EQ(tasks_of(rt, event_kind::timer_arm), (std::vector<std::uint32_t>{4, 3, 2}));
  EXPECT_EQ(tasks_of(rt, event_kind::timer_fire), (std::vector<std::uint32_t>{4, 3, 2}));
}

// Within level 0, across one cascade (level 1) and across two (level 2).
INSTANTIATE_TEST_SUITE_P(Sleep, EqualDeadlines, ::testing::Values(10 * ms, 300 * ms, 5000 * ms));

TEST(Sleep, DroppingAnArmedSleepRecordsTimerCancel) {
  runtime rt;
  rt.block_on([]() -> async<void> {
    std::optional<sleep_future> s(sleep(10ms));
    EXPECT_FALSE(co_await poll_in_task(*s));  // arms the timer
    s.reset();
  }());
  EXPECT_EQ(rt.now_ns(), 0u);  // nothing waited for the cancelled timer
  EXPECT_EQ(trace_lines(rt), (std::vector<std::string>{
                                 "0ms runtime_start",
                                 "0ms task_spawn task1",
                                 "0ms task_enqueue task1 spawn",
                                 "0ms poll_begin task1",
                                 "0ms timer_arm task1 timer1 for 10ms",
                                 "0ms waker_clone task1",
                                 "0ms timer_cancel task1 timer1",  // s.reset()
                                 "0ms waker_drop task1",           // the timer's waker goes too
                                 "0ms poll_end task1 ready",
                                 "0ms task_end task1 completed",
                                 "0ms runtime_end",
                             }));
}

TEST(Sleep, DroppingASleepThatWasNeverPolledArmsNothing) {
  runtime rt;
  rt.block_on([]() -> async<void> {
    auto s = sleep(10ms);
    (void)s;
    co_return;
  }());
  EXPECT_EQ(count_kind(rt, event_kind::timer_arm), 0u);
  EXPECT_EQ(count_kind(rt, event_kind::timer_cancel), 0u);
}

TEST(Sleep, DroppingASleepThatFiredRecordsNoCancel) {
  runtime rt;
  rt.block_on([]() -> async<void> {
    auto s = sleep(10ms);
    co_await s;
    co_await yield_now();  // `s` is still alive here, and only dropped at the end
  }());
  EXPECT_EQ(count_kind(rt, event_kind::timer_fire), 1u);
  EXPECT_EQ(count_kind(rt, event_kind::timer_cancel), 0u);
}

TEST(Sleep, ResetOfACompletedSleepToNowMakesItReadyAgain) {
  runtime rt;
  rt.block_on([](runtime& r) -> async<void> {
    auto s = sleep(10ms);
    co_await s;
    s.reset(r.now_ns() + 5 * ms);
    EXPECT_EQ(s.deadline(), 15 * ms);
    co_await s;
    EXPECT_EQ(r.now_ns(), 15 * ms);
    s.reset(r.now_ns());  // due now: fires in the reset
    co_await s;
    EXPECT_EQ(r.now_ns(), 15 * ms);
  }(rt));
  EXPECT_EQ(lines_with(trace_lines(rt), {"timer_"}),
            (std::vector<std::string>{
                "0ms timer_arm task1 timer1 for 10ms",
                "10ms timer_fire task1 timer1",
                "10ms timer_arm task1 timer2 for 15ms",  // the reset: a new id
                "15ms timer_fire task1 timer2",
                "15ms timer_arm task1 timer3 for 15ms",  // due: fires in the reset, no waker
                "15ms timer_fire task1 timer3",
            }));
}

TEST(Sleep, UnderTokioACompletedSleepKeepsItsWakerAndAResetWakesTheTask) {
  runtime rt(runtime_options{.strategy = strategy_kind::tokio_current_thread});
  rt.block_on([](runtime& r) -> async<void> {
    auto s = sleep(10ms);
    co_await s;
    s.reset(r.now_ns());  // fires at once and wakes this very task
    co_await sleep(5ms);
  }(rt));
  std::vector<std::uint64_t> at;
  for (const trace_event& e : events_of(rt, event_kind::poll_end)) at.push_back(e.t / ms);
  EXPECT_EQ(at, (std::vector<std::uint64_t>{0, 10, 10, 15}));
}

// Tokio files a sleep reset before its first poll in the reset's call (entry.rs:547-559): with
// no waker yet, so it fires unseen when its deadline passes, and is elapsed, polled or not. The
// first poll then finds it ready.
TEST(Sleep, AResetBeforeTheFirstPollFilesTheTimerThere) {
  runtime rt;
  rt.block_on([](runtime& r) -> async<void> {
    auto s = sleep(100ms);
    EXPECT_FALSE(s.is_elapsed());
    s.reset(r.now_ns() + 2 * ms);
    EXPECT_FALSE(s.is_elapsed());
    co_await sleep(3ms);
    EXPECT_TRUE(s.is_elapsed());
    co_await s;
    EXPECT_EQ(r.now_ns(), 3 * ms);
    s.reset(r.now_ns() + 4 * ms);  // pending again
    EXPECT_FALSE(s.is_elapsed());
    co_await s;
    EXPECT_TRUE(s.is_elapsed());
    EXPECT_EQ(r.now_ns(), 7 * ms);
  }(rt));
  EXPECT_EQ(lines_with(trace_lines(rt), {"timer_"}),
            (std::vector<std::string>{
                "0ms timer_arm task1 timer1 for 2ms",  // the reset, before any poll
                "0ms timer_arm task1 timer2 for 3ms",
                "2ms timer_fire timer1",  // no waker yet: it wakes no task
                "3ms timer_fire task1 timer2",
                "3ms timer_arm task1 timer3 for 7ms",
                "7ms timer_fire task1 timer3",
            }));
}

// A reset before the first poll takes the timer's place among those of its tick from the reset:
// ahead of a timer another task filed for the same tick before the first poll.
TEST(Sleep, AResetBeforeTheFirstPollFiresInTheOrderOfTheReset) {
  runtime rt;
  std::vector<int> woke;
  rt.block_on([](std::vector<int>& order) -> async<void> {
    auto s = sleep(100ms);
    s.reset(10 * ms);
    auto other = spawn([](std::vector<int>& o) -> async<void> {
      co_await sleep_until(10 * ms);
      o.push_back(2);
    }(order));
    co_await sleep(1ms);
    co_await s;
    order.push_back(1);
    co_await other;
  }(woke));
  EXPECT_EQ(woke, (std::vector<int>{1, 2}));
}

TEST(Sleep, NeedsARunningRuntime) { EXPECT_THROW((void)sleep(1ms), std::logic_error); }

}  // namespace
