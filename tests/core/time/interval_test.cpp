#include "time/interval.hpp"

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

// What each tick returned and when it completed, in ms.
struct tick_seen {
  std::uint64_t scheduled;
  std::uint64_t at;
  friend bool operator==(const tick_seen&, const tick_seen&) = default;
};

std::ostream& operator<<(std::ostream& os, const tick_seen& t) {
  return os << "{" << t.scheduled << "ms at " << t.at << "ms}";
}

TEST(Interval, FirstTickIsImmediateThenOneEveryPeriod) {
  runtime rt;
  std::vector<tick_seen> ticks;
  rt.block_on([](runtime& r, std::vector<tick_seen>& out) -> async<void> {
    auto every = interval(10ms);
    for (int i = 0; i < 4; ++i) {
      std::uint64_t t = co_await every.tick();
      out.push_back({t / ms, r.now_ns() / ms});
    }
  }(rt, ticks));
  EXPECT_EQ(ticks, (std::vector<tick_seen>{{0, 0}, {10, 10}, {20, 20}, {30, 30}}));
}

TEST(Interval, MissedTicksArriveInABurstThenTheScheduleResumes) {
  runtime rt;
  std::vector<tick_seen> ticks;
  rt.block_on([](runtime& r, std::vector<tick_seen>& out) -> async<void> {
    auto every = interval(10ms);
    out.push_back({co_await every.tick() / ms, r.now_ns() / ms});
    co_await sleep(35ms);  // misses the ticks due at 10, 20 and 30 ms
    for (int i = 0; i < 4; ++i) out.push_back({co_await every.tick() / ms, r.now_ns() / ms});
  }(rt, ticks));
  EXPECT_EQ(ticks, (std::vector<tick_seen>{
                       {0, 0},    // immediate
                       {10, 35},  // burst: three late ticks back to back
                       {20, 35},
                       {30, 35},
                       {40, 40},  // back on the original schedule, not 35 + 10
                   }));
}

TEST(Interval, TimersOfATickingInterval) {
  runtime rt;
  rt.block_on([]() -> async<void> {
    auto every = interval(5ms);
    for (int i = 0; i < 3; ++i) co_await every.tick();
  }());
  EXPECT_EQ(lines_with(trace_lines(rt), {"timer_", "park"}),
            (std::vector<std::string>{
                "0ms timer_arm task1 timer1 for 0ms",  // first tick: due now
                "0ms timer_fire task1 timer1",         // fires in the same poll
                "0ms timer_arm task1 timer2 for 5ms",  // second tick, same poll
                "0ms park",
                "5ms unpark",
                "5ms timer_fire task1 timer2",
                "5ms timer_arm task1 timer3 for 10ms",
                "5ms park",
                "10ms unpark",
                "10ms timer_fire task1 timer3",
            }));
}

TEST(Interval, DroppingAPendingTickLeavesTheScheduleUnchanged) {
  runtime rt;
  std::vector<tick_seen> ticks;
  rt.block_on([](runtime& r, std::vector<tick_seen>& out) -> async<void> {
    auto every = interval(10ms);
    co_await every.tick();
    {
      auto t = every.tick();
      EXPECT_FALSE(co_await poll_in_task(t));
    }  // dropped: its timer is cancelled
    EXPECT_EQ(every.next_tick(), 10 * ms);
    out.push_back({co_await every.tick() / ms, r.now_ns() / ms});
  }(rt, ticks));
  EXPECT_EQ(ticks, (std::vector<tick_seen>{{10, 10}}));
  EXPECT_EQ(count_kind(rt, event_kind::timer_cancel), 1u);
}

TEST(Interval, IntervalAtStartsAtTheGivenTime) {
  runtime rt;
  std::vector<tick_seen> ticks;
  rt.block_on([](runtime& r, std::vector<tick_seen>& out) -> async<void> {
    auto every = interval_at(25 * ms, 10ms);
    for (int i = 0; i < 2; ++i) out.push_back({co_await every.tick() / ms, r.now_ns() / ms});
  }(rt, ticks));
  EXPECT_EQ(ticks, (std::vector<tick_seen>{{25, 25}, {35, 35}}));
}

// A tick late by 35 ms under each missed-tick behaviour (tokio's MissedTickBehavior).
std::vector<tick_seen> late_ticks(missed_tick_behavior behavior,
                                  runtime_options options = runtime_options{}) {
  runtime rt(options);
  std::vector<tick_seen> ticks;
  rt.block_on([](runtime& r, std::vector<tick_seen>& out, missed_tick_behavior b) -> async<void> {
    auto every = interval(10ms);
    every.set_missed_tick_behavior(b);
    co_await every.tick();
    co_await sleep(35ms);
    for (int i = 0; i < 3; ++i) out.push_back({co_await every.tick() / ms, r.now_ns() / ms});
  }(rt, ticks, behavior));
  return ticks;
}

TEST(Interval, DelayStartsTheScheduleAgainFromTheLateTick) {
  EXPECT_EQ(late_ticks(missed_tick_behavior::delay),
            (std::vector<tick_seen>{{10, 35}, {45, 45}, {55, 55}}));
}

TEST(Interval, SkipDropsTheMissedTicksAndKeepsTheOriginalSchedule) {
  EXPECT_EQ(late_ticks(missed_tick_behavior::skip),
            (std::vector<tick_seen>{{10, 35}, {40, 40}, {50, 50}}));
}

TEST(Interval, ATickLateByAtMostFiveMillisecondsKeepsTheSchedule) {
  runtime rt;
  std::vector<tick_seen> ticks;
  rt.block_on([](runtime& r, std::vector<tick_seen>& out) -> async<void> {
    auto every = interval(10ms);
    every.set_missed_tick_behavior(missed_tick_behavior::delay);
    co_await every.tick();
    co_await sleep(15ms);  // the tick due at 10 ms is seen at 15 ms: not missed
    for (int i = 0; i < 2; ++i) out.push_back({co_await every.tick() / ms, r.now_ns() / ms});
  }(rt, ticks));
  EXPECT_EQ(ticks, (std::vector<tick_seen>{{10, 15}, {20, 20}}));
}

TEST(Interval, ResetPutsTheNextTickOnePeriodFromNow) {
  runtime rt;
  std::vector<tick_seen> ticks;
  rt.block_on([](runtime& r, std::vector<tick_seen>& out) -> async<void> {
    auto every = interval(10ms);
    co_await every.tick();
    co_await sleep(3ms);
    every.reset();
    for (int i = 0; i < 2; ++i) out.push_back({co_await every.tick() / ms, r.now_ns() / ms});
  }(rt, ticks));
  EXPECT_EQ(ticks, (std::vector<tick_seen>{{13, 13}, {23, 23}}));
}

TEST(Interval, UnderTokioABurstWakesTheTaskFromTheResetOfItsTimer) {
  // Tokio resets the interval's one timer in the tick's poll, its waker still in it: a next
  // tick already due fires there and wakes the task, polled once more at 35 ms; the tick due at
  // 10 ms wakes the task while it sleeps. The textbook interval makes neither wake.
  auto polls_at = [](strategy_kind kind) {
    runtime rt(runtime_options{.strategy = kind});
    rt.block_on([]() -> async<void> {
      auto every = interval(10ms);
      co_await every.tick();
      co_await sleep(35ms);
      for (int i = 0; i < 4; ++i) co_await every.tick();
    }());
    std::vector<std::uint64_t> at;
    for (const trace_event& e : events_of(rt, event_kind::poll_end)) at.push_back(e.t / ms);
    return at;
  };
  EXPECT_EQ(polls_at(strategy_kind::local), (std::vector<std::uint64_t>{0, 35, 40}));
  EXPECT_EQ(polls_at(strategy_kind::tokio_current_thread),
            (std::vector<std::uint64_t>{0, 10, 35, 35, 40}));
  EXPECT_EQ(late_ticks(missed_tick_behavior::burst,
                       runtime_options{.strategy = strategy_kind::tokio_current_thread}),
            (std::vector<tick_seen>{{10, 35}, {20, 35}, {30, 35}}));
}

// Under Tokio's rules a reset before the first tick files the interval's one timer in the
// reset's call (its sleep's reset, sleep.hpp); the textbook interval files a timer at the tick's
// first poll. Either way the first tick is one period after the reset.
TEST(Interval, AResetBeforeTheFirstTickFilesTheTimerUnderTokio) {
  auto timer_lines = [](strategy_kind kind) {
    runtime rt(runtime_options{.strategy = kind});
    rt.block_on([](runtime& r) -> async<void> {
      auto every = interval(10ms);
      co_await sleep(2ms);
      every.reset();
      co_await yield_now();
      EXPECT_EQ(co_await every.tick(), 12 * ms);
      EXPECT_EQ(r.now_ns(), 12 * ms);
    }(rt));
    return lines_with(trace_lines(rt), {"timer_arm", "poll_end"});
  };
  EXPECT_EQ(timer_lines(strategy_kind::tokio_current_thread),
            (std::vector<std::string>{
                "0ms timer_arm task1 timer1 for 2ms",
                "0ms poll_end task1 pending",
                "2ms timer_arm task1 timer2 for 12ms",   // the reset, before the yield
                "2ms poll_end task1 pending",            // yield_now
                "2ms poll_end task1 pending",            // the first tick
                "12ms timer_arm task1 timer3 for 22ms",  // the tick resets it to the next
                "12ms poll_end task1 ready",
            }));
  EXPECT_EQ(timer_lines(strategy_kind::local),
            (std::vector<std::string>{
                "0ms timer_arm task1 timer1 for 2ms",
                "0ms poll_end task1 pending",
                "2ms poll_end task1 pending",           // yield_now
                "2ms timer_arm task1 timer2 for 12ms",  // the first tick's poll
                "2ms poll_end task1 pending",
                "12ms poll_end task1 ready",
            }));
}

TEST(Interval, APeriodThatIsNotPositiveIsRejected) {
  runtime rt;
  rt.block_on([]() -> async<void> {
    EXPECT_THROW(interval(0ms), std::invalid_argument);
    EXPECT_THROW(interval(-1ms), std::invalid_argument);
    co_return;
  }());
}

}  // namespace
