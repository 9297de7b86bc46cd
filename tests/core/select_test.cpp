#include "select.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <variant>
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

// A counting future: logs its name on every poll and completes on its `needed`-th poll.
struct counted {
  std::string name;
  int needed;
  std::vector<std::string>* log;
  int polls = 0;

  wakeline::poll<int> poll(context& cx) {
    log->push_back(name);
    if (++polls >= needed) return polls;
    cx.waker().wake_by_ref();
    return poll_pending;
  }
};

// Counts destructions, to see when a branch is dropped.
struct drop_guard {
  int* drops;
  ~drop_guard() { ++*drops; }
};

async<int> after(std::chrono::milliseconds delay, int value) {
  co_await sleep(delay);
  co_return value;
}

async<int> guarded_after(std::chrono::milliseconds delay, int value, int* drops) {
  drop_guard guard{drops};
  co_await sleep(delay);
  co_return value;
}

async<int> guarded_outer(std::chrono::milliseconds delay, int* drops) {
  drop_guard guard{drops};
  co_return co_await guarded_after(delay, 7, drops);
}

const trace_event& only(const runtime& rt, event_kind kind) {
  const trace_event* found = nullptr;
  for (const trace_event& e : rt.trace().events()) {
    if (e.kind != kind) continue;
    EXPECT_EQ(found, nullptr) << "more than one " << to_string(kind);
    found = &e;
  }
  if (found == nullptr) {
    ADD_FAILURE() << "no " << to_string(kind);
    static const trace_event none{};
    return none;
  }
  return *found;
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
  auto out = rt.block_on(select(counted{"a", 3, &log}, counted{"b", 2, &log},
                                counted{"c", 1, &log}));
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
                                "10ms runtime_end",               // no park until 30 ms
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
  rt.block_on([]() -> async<void> {
    co_await select(sleep(30ms), sleep(10ms), sleep(20ms));
  }());
  std::vector<std::string> drops;
  for (const std::string& l : trace_lines(rt)) {
    if (l.find("select_drop") != std::string::npos || l.find("cancel") != std::string::npos) {
      drops.push_back(l);
    }
  }
  EXPECT_EQ(drops, (std::vector<std::string>{
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
  for (const trace_event& e : rt.trace().events()) EXPECT_NE(e.kind, event_kind::timer_arm);
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
