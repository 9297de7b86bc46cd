// The clock as a poll's own code reads it (runtime::code_now_ns): CPU work (`busy`) moves it on
// within the poll, as Tokio's clock moves while a task computes, so a deadline counted from now
// after the work counts from the work's end. Events stay stamped at the poll's beginning.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <vector>

#include "busy.hpp"
#include "support/trace_queries.hpp"
#include "time/interval.hpp"
#include "time/sleep.hpp"
#include "wakeline.hpp"

namespace {

using namespace wakeline;
using namespace wakeline::support;
using namespace std::chrono_literals;

constexpr std::uint64_t ms = 1'000'000;

TEST(ClockDuringWork, ThePollsCodeSeesTheWorkItHasDoneSoFar) {
  runtime rt;
  std::vector<std::uint64_t> seen;
  rt.block_on([](runtime& r, std::vector<std::uint64_t>& out) -> async<void> {
    out.push_back(r.code_now_ns());
    busy(3ms);
    out.push_back(r.code_now_ns());
    busy(2ms);
    out.push_back(r.code_now_ns());
    // The poll's events, recorded as its code runs, keep the time it began at.
    out.push_back(r.now_ns());
    co_return;
  }(rt, seen));
  EXPECT_EQ(seen, (std::vector<std::uint64_t>{0, 3 * ms, 5 * ms, 0}));
  // The poll ended when its work did; outside a poll the two clocks agree.
  EXPECT_EQ(rt.now_ns(), 5 * ms);
  EXPECT_EQ(rt.code_now_ns(), rt.now_ns());
}

TEST(ClockDuringWork, ASleepStartedAfterWorkCountsFromItsEnd) {
  runtime rt;
  std::uint64_t woke = 0;
  rt.block_on([](runtime& r, std::uint64_t& out) -> async<void> {
    busy(8ms);
    co_await sleep(3ms);
    out = r.now_ns();
  }(rt, woke));
  EXPECT_EQ(woke, 11 * ms);
  EXPECT_EQ(only(rt, event_kind::timer_arm).arg, 11 * ms) << "armed for the work's end + 3 ms";
  EXPECT_EQ(only(rt, event_kind::timer_arm).t, 0u) << "recorded at the poll's beginning";
}

TEST(ClockDuringWork, AnIntervalMadeAfterWorkTicksFromItsEnd) {
  runtime rt;
  std::vector<std::uint64_t> ticks;
  rt.block_on([](std::vector<std::uint64_t>& out) -> async<void> {
    busy(4ms);
    interval every(10ms);
    out.push_back(co_await every.tick());
    out.push_back(co_await every.tick());
  }(ticks));
  EXPECT_EQ(ticks, (std::vector<std::uint64_t>{4 * ms, 14 * ms}));
}

TEST(ClockDuringWork, WorkOnOneWorkerKeepsAMultiWorkerTraceInTimeOrder) {
  strategy_config config(strategy_kind::tokio_multi_thread);
  config.workers = 2;
  runtime rt(runtime_options{.strategy = config});
  rt.block_on([]() -> async<void> {
    auto computes = spawn(
        []() -> async<void> {
          busy(5ms);
          co_await sleep(1ms);  // Armed for 6 ms, recorded when the poll began.
        }(),
        "computes");
    auto ticks = spawn(
        []() -> async<void> {
          for (int i = 0; i < 4; ++i) co_await sleep(1ms);
        }(),
        "ticks");
    co_await computes;
    co_await ticks;
  }());
  std::uint64_t last = 0;
  for (const trace_event& e : rt.trace().events()) {
    EXPECT_GE(e.t, last) << "seq " << e.seq;
    last = e.t;
  }
  // Task 2 (computes) arms its sleep in its first poll: for 6 ms after that poll began.
  std::vector<std::uint64_t> began;
  std::uint64_t deadline = 0;
  for (const trace_event& e : rt.trace().events()) {
    if (e.task != 2) continue;
    if (e.kind == event_kind::poll_begin) began.push_back(e.t);
    if (e.kind == event_kind::timer_arm) deadline = e.arg;
  }
  ASSERT_FALSE(began.empty());
  EXPECT_EQ(deadline, began.front() + 6 * ms) << "counted from the end of its 5 ms of work";
}

}  // namespace
