#include "time/interval.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <optional>
#include <stdexcept>
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
  std::vector<std::string> timers;
  for (const std::string& line : trace_lines(rt)) {
    if (line.find("timer_") != std::string::npos || line.find("park") != std::string::npos) {
      timers.push_back(line);
    }
  }
  EXPECT_EQ(timers, (std::vector<std::string>{
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
      co_await poll_fn([&](context& cx) -> wakeline::poll<void> {
        EXPECT_TRUE(t.poll(cx).is_pending());
        return poll_ready();
      });
    }  // dropped: its timer is cancelled
    EXPECT_EQ(every.next_tick(), 10 * ms);
    out.push_back({co_await every.tick() / ms, r.now_ns() / ms});
  }(rt, ticks));
  EXPECT_EQ(ticks, (std::vector<tick_seen>{{10, 10}}));
  std::size_t cancels = 0;
  for (const trace_event& e : rt.trace().events()) cancels += e.kind == event_kind::timer_cancel;
  EXPECT_EQ(cancels, 1u);
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

TEST(Interval, APeriodThatIsNotPositiveIsRejected) {
  runtime rt;
  rt.block_on([]() -> async<void> {
    EXPECT_THROW(interval(0ms), std::invalid_argument);
    EXPECT_THROW(interval(-1ms), std::invalid_argument);
    co_return;
  }());
}

}  // namespace
