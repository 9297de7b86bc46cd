#include "join.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "support/event_lines.hpp"
#include "support/poll_by_hand.hpp"
#include "support/test_futures.hpp"
#include "wakeline.hpp"

namespace {

using namespace wakeline;
using namespace wakeline::support;
using namespace std::chrono_literals;

constexpr std::uint64_t ms = 1'000'000;

TEST(Join, CompletesWithEveryOutputInArgumentOrderAfterTheSlowestBranch) {
  runtime rt;
  auto out = rt.block_on([]() -> async<std::tuple<int, int, unit>> {
    co_return co_await join(after(30ms, 1), after(10ms, 2), sleep(20ms));
  }());
  EXPECT_EQ(out, std::make_tuple(1, 2, unit{}));
  EXPECT_EQ(rt.now_ns(), 30 * ms);  // concurrent: the longest wait, not the sum
}

TEST(Join, PollsEveryUnfinishedBranchInArgumentOrderOnEachPoll) {
  runtime rt;
  std::vector<std::string> log;
  auto out = rt.block_on(join(counted{"a", 1, &log}, counted{"b", 3, &log}, counted{"c", 2, &log}));
  EXPECT_EQ(out, std::make_tuple(1, 3, 2));
  EXPECT_EQ(log, (std::vector<std::string>{
                     "a", "b", "c",  // first poll: all three; a completes
                     "b", "c",       // a is not polled again; c completes
                     "b",            // only b is left
                 }));
}

TEST(Join, TwoSleepsShareOneTask) {
  runtime rt;
  rt.block_on([]() -> async<void> { co_await join(sleep(10ms), sleep(20ms)); }());
  EXPECT_EQ(trace_lines(rt), (std::vector<std::string>{
                                 "0ms runtime_start",
                                 "0ms task_spawn task1",
                                 "0ms task_enqueue task1 spawn",
                                 "0ms poll_begin task1",
                                 "0ms timer_arm task1 timer1 for 10ms",  // branch 0
                                 "0ms waker_clone task1",
                                 "0ms timer_arm task1 timer2 for 20ms",  // branch 1, same poll
                                 "0ms waker_clone task1",                // two wakers, one task
                                 "0ms poll_end task1 pending",
                                 "0ms park",
                                 "10ms unpark",
                                 "10ms timer_fire task1 timer1",
                                 "10ms waker_wake task1",
                                 "10ms task_enqueue task1 wake",
                                 "10ms poll_begin task1",        // branch 0 done and dropped;
                                 "10ms poll_end task1 pending",  // branch 1 keeps its waker
                                 "10ms park",
                                 "20ms unpark",
                                 "20ms timer_fire task1 timer2",
                                 "20ms waker_wake task1",
                                 "20ms task_enqueue task1 wake",
                                 "20ms poll_begin task1",
                                 "20ms poll_end task1 ready",
                                 "20ms task_end task1 completed",
                                 "20ms runtime_end",
                             }));
  EXPECT_EQ(rt.now_ns(), 20 * ms);
}

TEST(Join, DropsABranchAsSoonAsItCompletes) {
  runtime rt;
  int drops = 0;
  std::optional<int> drops_seen_by_slow_branch;
  rt.block_on([](int& d, std::optional<int>& seen) -> async<void> {
    auto slow = [](int& dd, std::optional<int>& s) -> async<void> {
      co_await sleep(15ms);
      s = dd;  // the fast branch completed at 10 ms
      co_await sleep(15ms);
    };
    co_await join(guarded_after(10ms, 1, &d), slow(d, seen));
  }(drops, drops_seen_by_slow_branch));
  EXPECT_EQ(drops_seen_by_slow_branch, 1);
  EXPECT_EQ(drops, 1);
  EXPECT_EQ(rt.now_ns(), 30 * ms);
}

TEST(Join, DroppingAPendingJoinCancelsEveryBranch) {
  runtime rt;
  int drops = 0;
  rt.block_on([](int& d) -> async<void> {
    std::optional<join_future<sleep_future, async<int>>> both(
        join(sleep(10ms), guarded_after(20ms, 1, &d)));
    EXPECT_FALSE(co_await poll_in_task(*both));
    both.reset();
  }(drops));
  EXPECT_EQ(drops, 1);
  EXPECT_EQ(lines_with(trace_lines(rt), {"timer_"}),
            (std::vector<std::string>{
                "0ms timer_arm task1 timer1 for 10ms",
                "0ms timer_arm task1 timer2 for 20ms",
                "0ms timer_cancel task1 timer1",  // branches dropped in argument order
                "0ms timer_cancel task1 timer2",
            }));
  EXPECT_EQ(rt.now_ns(), 0u);
}

TEST(Join, JoinOfNothingIsReadyAtOnce) {
  runtime rt;
  EXPECT_EQ(rt.block_on(join()), std::tuple<>());
}

TEST(JoinAll, CompletesWithTheOutputsInTheOrderOfTheVector) {
  runtime rt;
  auto out = rt.block_on([]() -> async<std::vector<int>> {
    std::vector<async<int>> work;
    work.push_back(after(30ms, 1));
    work.push_back(after(10ms, 2));
    work.push_back(after(20ms, 3));
    co_return co_await join_all(std::move(work));
  }());
  EXPECT_EQ(out, (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(rt.now_ns(), 30 * ms);
}

TEST(JoinAll, PollsEveryUnfinishedFutureInOrderOnEachPoll) {
  runtime rt;
  std::vector<std::string> log;
  std::vector<counted> work{{"a", 2, &log}, {"b", 1, &log}, {"c", 3, &log}};
  auto out = rt.block_on(join_all(std::move(work)));
  EXPECT_EQ(out, (std::vector<int>{2, 1, 3}));
  EXPECT_EQ(log, (std::vector<std::string>{"a", "b", "c", "a", "c", "c"}));
}

TEST(JoinAll, EmptyVectorIsReadyAtOnce) {
  runtime rt;
  EXPECT_TRUE(rt.block_on(join_all(std::vector<async<int>>{})).empty());
}

}  // namespace
