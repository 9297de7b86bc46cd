#include "sync/notify.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "support/event_lines.hpp"
#include "support/poll_by_hand.hpp"
#include "wakeline.hpp"

namespace {

using namespace wakeline;
using namespace wakeline::support;

TEST(Notify, NotifyOneWithoutWaitersStoresASinglePermit) {
  notify n;
  mock_task a;
  n.notify_one();
  n.notify_one();  // Permits do not stack.
  auto first = n.notified();
  EXPECT_TRUE(first.poll(a.cx).is_ready());
  auto second = n.notified();
  EXPECT_TRUE(second.poll(a.cx).is_pending());
  n.notify_one();
  EXPECT_EQ(a.wakes, 1);
  EXPECT_TRUE(second.poll(a.cx).is_ready());
  EXPECT_EQ(a.refs, 1);
}

TEST(Notify, NotifyOneWakesWaitersInFifoOrder) {
  notify n;
  mock_task a, b;
  auto fa = n.notified();
  auto fb = n.notified();
  EXPECT_TRUE(fa.poll(a.cx).is_pending());
  EXPECT_TRUE(fb.poll(b.cx).is_pending());
  n.notify_one();
  EXPECT_EQ(a.wakes, 1);
  EXPECT_EQ(b.wakes, 0);
  EXPECT_TRUE(fb.poll(b.cx).is_pending());
  EXPECT_TRUE(fa.poll(a.cx).is_ready());
  n.notify_one();
  EXPECT_EQ(b.wakes, 1);
  EXPECT_TRUE(fb.poll(b.cx).is_ready());
}

TEST(Notify, NotifyWaitersWakesEveryWaiterAndStoresNoPermit) {
  notify n;
  mock_task a, b;
  auto fa = n.notified();
  auto fb = n.notified();
  EXPECT_TRUE(fa.poll(a.cx).is_pending());
  EXPECT_TRUE(fb.poll(b.cx).is_pending());
  n.notify_waiters();
  EXPECT_EQ(a.wakes, 1);
  EXPECT_EQ(b.wakes, 1);
  EXPECT_TRUE(fa.poll(a.cx).is_ready());
  EXPECT_TRUE(fb.poll(b.cx).is_ready());
  auto later = n.notified();
  EXPECT_TRUE(later.poll(a.cx).is_pending());
}

TEST(Notify, NotifyWaitersReachesFuturesCreatedButNotYetPolled) {
  notify n;
  mock_task a;
  auto f = n.notified();
  n.notify_waiters();
  EXPECT_TRUE(f.poll(a.cx).is_ready());
  EXPECT_EQ(a.refs, 1);
}

TEST(Notify, DroppedWaitingFutureLeavesTheQueue) {
  notify n;
  mock_task a, b;
  auto fb = n.notified();
  {
    auto fa = n.notified();
    EXPECT_TRUE(fa.poll(a.cx).is_pending());
    EXPECT_TRUE(fb.poll(b.cx).is_pending());
  }
  EXPECT_EQ(a.refs, 1);
  n.notify_one();
  EXPECT_EQ(a.wakes, 0);
  EXPECT_EQ(b.wakes, 1);
  EXPECT_TRUE(fb.poll(b.cx).is_ready());
}

TEST(Notify, DroppedFutureChosenByNotifyOnePassesTheNotificationOn) {
  notify n;
  mock_task a, b;
  auto fb = n.notified();
  {
    auto fa = n.notified();
    EXPECT_TRUE(fa.poll(a.cx).is_pending());
    EXPECT_TRUE(fb.poll(b.cx).is_pending());
    n.notify_one();
    EXPECT_EQ(a.wakes, 1);
  }
  EXPECT_EQ(b.wakes, 1);  // Not lost with `fa`.
  EXPECT_TRUE(fb.poll(b.cx).is_ready());
}

TEST(Notify, DroppedFutureChosenByNotifyOneStoresThePermitWhenNobodyElseWaits) {
  notify n;
  mock_task a;
  {
    auto f = n.notified();
    EXPECT_TRUE(f.poll(a.cx).is_pending());
    n.notify_one();
  }
  auto next = n.notified();
  EXPECT_TRUE(next.poll(a.cx).is_ready());
}

TEST(Notify, DroppedFutureReleasedByNotifyWaitersPassesNothingOn) {
  notify n;
  mock_task a;
  {
    auto f = n.notified();
    EXPECT_TRUE(f.poll(a.cx).is_pending());
    n.notify_waiters();
  }
  auto next = n.notified();
  EXPECT_TRUE(next.poll(a.cx).is_pending());
}

async<void> wait_for(notify& n) { co_await n.notified(); }

async<void> notify_root() {
  notify n;
  auto waiter = spawn(wait_for(n), "waiter");
  co_await yield_now();  // The waiter queues on `n`.
  n.notify_one();
  co_await waiter;
}

TEST(Notify, NotifyOneWakesTheWaitingTaskFromTheNotifyingTask) {
  runtime rt;
  rt.block_on(notify_root());
  EXPECT_EQ(story(rt), (std::vector<std::string>{
                           "poll 1",  // main spawns the waiter and yields
                           "task 1 wakes 1",
                           "pending 1",
                           "poll 2",   // the waiter finds no permit
                           "clone 2",  //   and queues with its waker
                           "pending 2",
                           "poll 1",
                           "task 1 wakes 2",  // notify_one
                           "clone 1",         // main awaits the join handle
                           "pending 1",
                           "poll 2",
                           "ready 2",
                           "end 2",
                           "task 2 wakes 1",
                           "poll 1",
                           "ready 1",
                           "end 1",
                       }));
}

// The order in which three waiters released by one notify_waiters are polled again.
std::vector<std::uint32_t> woken_by_notify_waiters(strategy_kind kind) {
  runtime rt(runtime_options{.strategy = kind});
  rt.block_on([]() -> async<void> {
    notify n;
    std::vector<join_handle<void>> tasks;
    for (int i = 0; i < 3; ++i) {
      tasks.push_back(spawn([](notify& s) -> async<void> { co_await s.notified(); }(n)));
    }
    co_await sleep(std::chrono::milliseconds(1));
    n.notify_waiters();
    for (auto& t : tasks) co_await t;
  }());
  std::vector<std::uint32_t> order;
  for (const trace_event& e : rt.trace().events()) {
    if (e.kind == event_kind::poll_end && e.t > 0 && e.task != 1) order.push_back(e.task);
  }
  return order;
}

TEST(Notify, NotifyWaitersWakesOldestFirst) {
  EXPECT_EQ(woken_by_notify_waiters(strategy_kind::local), (std::vector<std::uint32_t>{2, 3, 4}));
}

TEST(Notify, UnderTokioNotifyWaitersWakesNewestFirst) {
  EXPECT_EQ(woken_by_notify_waiters(strategy_kind::tokio_current_thread),
            (std::vector<std::uint32_t>{4, 3, 2}));
}

}  // namespace
