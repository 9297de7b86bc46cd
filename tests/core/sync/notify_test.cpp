#include "sync/notify.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "wakeline.hpp"

namespace {

using namespace wakeline;

// A waker over counters, so a test can poll futures by hand and drop them at exact points.
struct wake_counter {
  int wakes = 0;
  int refs = 0;  // Wakers alive: back to what the test holds once nobody keeps a clone.

  waker make() {
    ++refs;
    return waker::from_raw({this, &vtable});
  }
  static wake_counter* self(const void* d) {
    return static_cast<wake_counter*>(const_cast<void*>(d));
  }
  static raw_waker clone(const void* d) {
    ++self(d)->refs;
    return {d, &vtable};
  }
  static void wake(const void* d) {
    ++self(d)->wakes;
    --self(d)->refs;
  }
  static void wake_by_ref(const void* d) { ++self(d)->wakes; }
  static void drop(const void* d) { --self(d)->refs; }
  static const raw_waker_vtable vtable;
};
const raw_waker_vtable wake_counter::vtable{&clone, &wake, &wake_by_ref, &drop};

TEST(Notify, NotifyOneWithoutWaitersStoresASinglePermit) {
  notify n;
  wake_counter a;
  waker wa = a.make();
  context cx(wa);
  n.notify_one();
  n.notify_one();  // Permits do not stack.
  auto first = n.notified();
  EXPECT_TRUE(first.poll(cx).is_ready());
  auto second = n.notified();
  EXPECT_TRUE(second.poll(cx).is_pending());
  n.notify_one();
  EXPECT_EQ(a.wakes, 1);
  EXPECT_TRUE(second.poll(cx).is_ready());
  EXPECT_EQ(a.refs, 1);
}

TEST(Notify, NotifyOneWakesWaitersInFifoOrder) {
  notify n;
  wake_counter a, b;
  waker wa = a.make(), wb = b.make();
  context cxa(wa), cxb(wb);
  auto fa = n.notified();
  auto fb = n.notified();
  EXPECT_TRUE(fa.poll(cxa).is_pending());
  EXPECT_TRUE(fb.poll(cxb).is_pending());
  n.notify_one();
  EXPECT_EQ(a.wakes, 1);
  EXPECT_EQ(b.wakes, 0);
  EXPECT_TRUE(fb.poll(cxb).is_pending());
  EXPECT_TRUE(fa.poll(cxa).is_ready());
  n.notify_one();
  EXPECT_EQ(b.wakes, 1);
  EXPECT_TRUE(fb.poll(cxb).is_ready());
}

TEST(Notify, NotifyWaitersWakesEveryWaiterAndStoresNoPermit) {
  notify n;
  wake_counter a, b;
  waker wa = a.make(), wb = b.make();
  context cxa(wa), cxb(wb);
  auto fa = n.notified();
  auto fb = n.notified();
  EXPECT_TRUE(fa.poll(cxa).is_pending());
  EXPECT_TRUE(fb.poll(cxb).is_pending());
  n.notify_waiters();
  EXPECT_EQ(a.wakes, 1);
  EXPECT_EQ(b.wakes, 1);
  EXPECT_TRUE(fa.poll(cxa).is_ready());
  EXPECT_TRUE(fb.poll(cxb).is_ready());
  auto later = n.notified();
  EXPECT_TRUE(later.poll(cxa).is_pending());
}

TEST(Notify, NotifyWaitersReachesFuturesCreatedButNotYetPolled) {
  notify n;
  wake_counter a;
  waker wa = a.make();
  context cx(wa);
  auto f = n.notified();
  n.notify_waiters();
  EXPECT_TRUE(f.poll(cx).is_ready());
  EXPECT_EQ(a.refs, 1);
}

TEST(Notify, DroppedWaitingFutureLeavesTheQueue) {
  notify n;
  wake_counter a, b;
  waker wa = a.make(), wb = b.make();
  context cxa(wa), cxb(wb);
  auto fb = n.notified();
  {
    auto fa = n.notified();
    EXPECT_TRUE(fa.poll(cxa).is_pending());
    EXPECT_TRUE(fb.poll(cxb).is_pending());
  }
  EXPECT_EQ(a.refs, 1);
  n.notify_one();
  EXPECT_EQ(a.wakes, 0);
  EXPECT_EQ(b.wakes, 1);
  EXPECT_TRUE(fb.poll(cxb).is_ready());
}

TEST(Notify, DroppedFutureChosenByNotifyOnePassesTheNotificationOn) {
  notify n;
  wake_counter a, b;
  waker wa = a.make(), wb = b.make();
  context cxa(wa), cxb(wb);
  auto fb = n.notified();
  {
    auto fa = n.notified();
    EXPECT_TRUE(fa.poll(cxa).is_pending());
    EXPECT_TRUE(fb.poll(cxb).is_pending());
    n.notify_one();
    EXPECT_EQ(a.wakes, 1);
  }
  EXPECT_EQ(b.wakes, 1);  // Not lost with `fa`.
  EXPECT_TRUE(fb.poll(cxb).is_ready());
}

TEST(Notify, DroppedFutureChosenByNotifyOneStoresThePermitWhenNobodyElseWaits) {
  notify n;
  wake_counter a;
  waker wa = a.make();
  context cx(wa);
  {
    auto f = n.notified();
    EXPECT_TRUE(f.poll(cx).is_pending());
    n.notify_one();
  }
  auto next = n.notified();
  EXPECT_TRUE(next.poll(cx).is_ready());
}

TEST(Notify, DroppedFutureReleasedByNotifyWaitersPassesNothingOn) {
  notify n;
  wake_counter a;
  waker wa = a.make();
  context cx(wa);
  {
    auto f = n.notified();
    EXPECT_TRUE(f.poll(cx).is_pending());
    n.notify_waiters();
  }
  auto next = n.notified();
  EXPECT_TRUE(next.poll(cx).is_pending());
}

// The scheduling story of a run: polls, their results, waker clones, wakes (by whom) and drops.
std::vector<std::string> story(const runtime& rt) {
  std::vector<std::string> out;
  for (const trace_event& e : rt.trace().events()) {
    std::string task = std::to_string(e.task);
    switch (e.kind) {
      case event_kind::poll_begin: out.push_back("poll " + task); break;
      case event_kind::poll_end:
        out.push_back((e.detail == 0 ? "pending " : "ready ") + task);
        break;
      case event_kind::waker_clone: out.push_back("clone " + task); break;
      case event_kind::waker_wake:
      case event_kind::waker_wake_by_ref:
        out.push_back(std::string(to_string(static_cast<wake_source>(e.detail))) + " " +
                      std::to_string(e.ref) + " wakes " + task);
        break;
      case event_kind::waker_drop: out.push_back("drop " + task); break;
      case event_kind::task_end: out.push_back("end " + task); break;
      default: break;
    }
  }
  return out;
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
                           "poll 1",          // main spawns the waiter and yields
                           "task 1 wakes 1",
                           "pending 1",
                           "poll 2",          // the waiter finds no permit
                           "clone 2",         //   and queues with its waker
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

}  // namespace
