#include "select.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <variant>
#include <vector>

#include "support/event_lines.hpp"
#include "support/test_futures.hpp"
#include "support/trace_queries.hpp"
#include "wakeline.hpp"

namespace {

using namespace wakeline;
using namespace wakeline::support;
using namespace std::chrono_literals;

constexpr std::uint64_t ms = 1'000'000;

// Two guarded frames, one awaiting the other: dropping the outer must destroy both.
async<int> guarded_outer(std::chrono::milliseconds delay, int* drops) {
  drop_guard guard{drops};
  co_return co_await guarded_after(delay, 7, drops);
}

TEST(Select, TheFirstReadyBranchWinsAtItsOwnIndex) {
  runtime rt;
  auto out = rt.block_on([]() -> async<std::variant<int, unit>> {
    co_return co_await select(after(20ms, 1), sleep(10ms));
  }());
  EXPECT_EQ(out.index(), 1u);
  EXPECT_EQ(rt.now_ns(), 10 * ms);  // the loser's 20 ms timer was never waited for
}

TEST(Select, BranchesOfTheSameTypeAreToldApartByIndex) {
  runtime rt;
  auto out = rt.block_on([]() -> async<std::variant<int, int, int>> {
    co_return co_await select(after(30ms, 1), after(10ms, 2), after(20ms, 3));
  }());
  ASSERT_EQ(out.index(), 1u);
  EXPECT_EQ(std::get<1>(out), 2);
}

TEST(Select, BranchesArePolledInArgumentOrderAndLaterOnesWaitTheirTurn) {
  runtime rt;
  std::vector<std::string> log;
  auto out =
      rt.block_on(select(counted{"a", 3, &log}, counted{"b", 2, &log}, counted{"c", 1, &log}));
  EXPECT_EQ(out.index(), 2u);  // c is ready on its first poll
  EXPECT_EQ(log, (std::vector<std::string>{"a", "b", "c"}));
}

TEST(Select, WhenTwoAreReadyInTheSamePollTheEarlierArgumentWins) {
  runtime rt;
  std::vector<std::string> log;
  auto out = rt.block_on(select(counted{"a", 2, &log}, counted{"b", 2, &log}));
  EXPECT_EQ(out.index(), 0u);
  EXPECT_EQ(log, (std::vector<std::string>{"a", "b", "a"}));  // b's second poll never happens
}

TEST(Select, TheLoserIsDroppedInsideTheWinningPoll) {
  runtime rt;
  rt.block_on([]() -> async<void> { co_await select(sleep(10ms), sleep(30ms)); }());
  EXPECT_EQ(trace_lines(rt), (std::vector<std::string>{
                                 "0ms runtime_start",
                                 "0ms task_spawn task1",
                                 "0ms task_enqueue task1 spawn",
                                 "0ms poll_begin task1",
                                 "0ms timer_arm task1 timer1 for 10ms",  // branch 0
                                 "0ms waker_clone task1",
                                 "0ms timer_arm task1 timer2 for 30ms",  // branch 1
                                 "0ms waker_clone task1",
                                 "0ms poll_end task1 pending",
                                 "0ms park",
                                 "10ms unpark",
                                 "10ms timer_fire task1 timer1",
                                 "10ms waker_wake task1",
                                 "10ms task_enqueue task1 wake",
                                 "10ms poll_begin task1",           // branch 0 is ready: it wins
                                 "10ms select_drop task1 branch1",  // branch 1 dropped at once
                                 "10ms timer_cancel task1 timer2",  // ...which cancels its timer
                                 "10ms waker_drop task1",           // ...and drops its waker
                                 "10ms poll_end task1 ready",
                                 "10ms task_end task1 completed",
                                 "10ms runtime_end",  // no park until 30 ms
                             }));
  EXPECT_EQ(rt.now_ns(), 10 * ms);
}

TEST(Select, SelectDropNamesTheCallSiteAndCausesTheCancel) {
  runtime rt;
  std::uint32_t line = 0;
  rt.block_on([](std::uint32_t& l) -> async<void> {
    // clang-format off
    l = __LINE__; co_await select(sleep(10ms), sleep(30ms));
    // clang-format on
  }(line));
  const trace_event& drop = only(rt, event_kind::select_drop);
  EXPECT_EQ(drop.arg, 1u);
  EXPECT_EQ(drop.task, 1u);
  EXPECT_EQ(drop.line, line);
  EXPECT_NE(std::string(drop.file).find("select_test.cpp"), std::string::npos);
  const trace_event& poll = rt.trace().events()[drop.cause - 1];
  EXPECT_EQ(poll.kind, event_kind::poll_begin);  // the poll that saw the winner
  const trace_event& cancel = only(rt, event_kind::timer_cancel);
  EXPECT_EQ(cancel.cause, drop.seq);
  EXPECT_EQ(cancel.ref, 2u);
}

TEST(Select, EveryLoserIsDroppedInArgumentOrder) {
  runtime rt;
  rt.block_on([]() -> async<void> { co_await select(sleep(30ms), sleep(10ms), sleep(20ms)); }());
  EXPECT_EQ(lines_with(trace_lines(rt), {"select_drop", "cancel"}),
            (std::vector<std::string>{
                "10ms select_drop task1 branch0",
                "10ms timer_cancel task1 timer1",
                "10ms select_drop task1 branch2",
                "10ms timer_cancel task1 timer3",
            }));
}

TEST(Select, AnAsyncLoserRunsTheDestructorsOfItsFrameBeforeSelectReturns) {
  runtime rt;
  int drops = 0;
  int drops_after_select = -1;
  rt.block_on([](int& d, int& seen) -> async<void> {
    auto out = co_await select(guarded_outer(1h, &d), after(10ms, 5));
    EXPECT_EQ(out.index(), 1u);
    seen = d;
    co_await sleep(5ms);
  }(drops, drops_after_select));
  EXPECT_EQ(drops_after_select, 2);  // the guards of both nested frames
  EXPECT_EQ(drops, 2);
  EXPECT_EQ(rt.now_ns(), 15 * ms);
  // The loser's own sleep was cancelled by the drop.
  const trace_event& drop = only(rt, event_kind::select_drop);
  const trace_event& cancel = only(rt, event_kind::timer_cancel);
  EXPECT_EQ(cancel.cause, drop.seq);
}

TEST(Select, AWinnerAlreadyReadyNeverArmsTheLosersTimer) {
  runtime rt;
  auto out = rt.block_on([]() -> async<std::variant<int, unit>> {
    co_return co_await select(ready(4), sleep(10ms));
  }());
  EXPECT_EQ(std::get<0>(out), 4);
  EXPECT_EQ(only(rt, event_kind::select_drop).arg, 1u);
  EXPECT_EQ(count_kind(rt, event_kind::timer_arm), 0u);
}

TEST(Select, WorksOutsideARuntimeWithoutRecording) {
  select_future<ready_future<int>, pending_future<int>> s(source_location::current(), ready(3),
                                                          pending<int>());
  waker w = noop_waker();
  context cx(w);
  auto p = s.poll(cx);
  ASSERT_TRUE(p.is_ready());
  EXPECT_EQ(std::get<0>(p.value()), 3);
}

}  // namespace
