#include "sync/mutex.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "support/event_lines.hpp"
#include "support/poll_by_hand.hpp"
#include "wakeline.hpp"

namespace {

using namespace wakeline;
using namespace wakeline::support;
using std::chrono::milliseconds;

TEST(Mutex, LockOfAFreeMutexIsReadyAtOnce) {
  mutex<int> m(7);
  mock_task a;
  auto f = m.lock();
  auto guard = expect_ready(f, a.cx);
  EXPECT_EQ(*guard, 7);
  EXPECT_TRUE(m.is_locked());
  EXPECT_EQ(a.refs, 1);  // A lock that does not wait keeps no waker.
}

TEST(Mutex, TryLockFailsWhileLockedAndSucceedsAfterUnlock) {
  mutex<int> m(0);
  {
    auto guard = m.try_lock();
    ASSERT_TRUE(guard.has_value());
    **guard = 5;
    EXPECT_FALSE(m.try_lock().has_value());
  }
  EXPECT_FALSE(m.is_locked());
  auto again = m.try_lock();
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(**again, 5);
}

TEST(Mutex, UnlockHandsTheLockToTheFirstWaiterWithoutLettingOthersBargeIn) {
  mutex<int> m(0);
  mock_task a, b;

  auto held = m.try_lock();
  auto fa = m.lock();
  auto fb = m.lock();
  EXPECT_TRUE(fa.poll(a.cx).is_pending());
  EXPECT_TRUE(fb.poll(b.cx).is_pending());
  EXPECT_EQ(a.refs, 2);  // Each waiter keeps one clone of its waker.

  held.reset();
  EXPECT_EQ(a.wakes, 1);
  EXPECT_EQ(b.wakes, 0);
  EXPECT_EQ(a.refs, 1);  // The wake consumed the clone.
  // The lock already belongs to `a`: nobody else can take it in between.
  EXPECT_TRUE(m.is_locked());
  EXPECT_FALSE(m.try_lock().has_value());
  EXPECT_TRUE(fb.poll(b.cx).is_pending());

  {
    auto guard = expect_ready(fa, a.cx);
    *guard = 1;
  }
  EXPECT_EQ(b.wakes, 1);
  auto guard = expect_ready(fb, b.cx);
  EXPECT_EQ(*guard, 1);
}

TEST(Mutex, RepollingAWaitingLockDoesNotCloneTheSameWakerAgain) {
  mutex<int> m(0);
  mock_task a;
  auto held = m.try_lock();
  auto f = m.lock();
  EXPECT_TRUE(f.poll(a.cx).is_pending());
  EXPECT_TRUE(f.poll(a.cx).is_pending());
  EXPECT_TRUE(f.poll(a.cx).is_pending());
  EXPECT_EQ(a.refs, 2);
}

TEST(Mutex, DroppedWaitingLockLeavesTheQueue) {
  mutex<int> m(0);
  mock_task a, b;
  auto held = m.try_lock();
  auto fb = m.lock();
  {
    auto fa = m.lock();
    EXPECT_TRUE(fa.poll(a.cx).is_pending());
    EXPECT_TRUE(fb.poll(b.cx).is_pending());
  }
  EXPECT_EQ(a.refs, 1);  // Its waker clone went with it.
  held.reset();
  EXPECT_EQ(a.wakes, 0);
  EXPECT_EQ(b.wakes, 1);
  EXPECT_TRUE(fb.poll(b.cx).is_ready());
}

TEST(Mutex, DroppedLockThatWasHandedTheLockPassesItToTheNextWaiter) {
  mutex<int> m(0);
  mock_task a, b;
  auto held = m.try_lock();
  auto fb = m.lock();
  {
    auto fa = m.lock();
    EXPECT_TRUE(fa.poll(a.cx).is_pending());
    EXPECT_TRUE(fb.poll(b.cx).is_pending());
    held.reset();
    EXPECT_EQ(a.wakes, 1);
    EXPECT_EQ(b.wakes, 0);
  }
  // `a` was woken with the lock but went away before taking it: `b` must not be stranded.
  EXPECT_EQ(b.wakes, 1);
  auto guard = expect_ready(fb, b.cx);
  (void)guard;
  EXPECT_TRUE(m.is_locked());
}

TEST(Mutex, DroppedLockThatWasHandedTheLockFreesTheMutexWhenNobodyElseWaits) {
  mutex<int> m(0);
  mock_task a;
  auto held = m.try_lock();
  {
    auto f = m.lock();
    EXPECT_TRUE(f.poll(a.cx).is_pending());
    held.reset();
  }
  EXPECT_FALSE(m.is_locked());
  EXPECT_TRUE(m.try_lock().has_value());
}

async<void> lock_after(mutex<std::vector<int>>& m, int id, milliseconds delay) {
  co_await sleep(delay);
  auto guard = co_await m.lock();
  guard->push_back(id);
}

async<std::vector<int>> fifo_root() {
  mutex<std::vector<int>> m;
  auto guard = co_await m.lock();
  // Spawned 1, 2, 3 but asking for the lock in the order 3, 2, 1.
  auto h1 = spawn(lock_after(m, 1, milliseconds(3)));
  auto h2 = spawn(lock_after(m, 2, milliseconds(2)));
  auto h3 = spawn(lock_after(m, 3, milliseconds(1)));
  co_await sleep(milliseconds(10));
  { auto release = std::move(guard); }
  co_await h1;
  co_await h2;
  co_await h3;
  auto done = co_await m.lock();
  co_return *done;
}

TEST(Mutex, LockIsGrantedInTheOrderItWasRequested) {
  runtime rt;
  EXPECT_EQ(rt.block_on(fifo_root()), (std::vector<int>{3, 2, 1}));
}

async<void> increment(mutex<int>& m) {
  auto guard = co_await m.lock();
  int seen = *guard;
  co_await yield_now();  // Another task runs here, but cannot touch the value.
  *guard = seen + 1;
}

async<int> increments_root(int tasks) {
  mutex<int> m(0);
  std::vector<join_handle<void>> handles;
  for (int i = 0; i < tasks; ++i) handles.push_back(spawn(increment(m)));
  for (auto& h : handles) co_await h;
  co_return *co_await m.lock();
}

TEST(Mutex, GuardKeepsOtherTasksOutAcrossAwaits) {
  runtime rt;
  EXPECT_EQ(rt.block_on(increments_root(5)), 5);
}

async<void> contender(mutex<int>& m) {
  auto guard = co_await m.lock();
  *guard += 1;
}

async<int> handoff_root() {
  mutex<int> m(0);
  auto guard = co_await m.lock();
  auto h = spawn(contender(m), "b");
  co_await yield_now();  // b runs and queues for the lock.
  { auto release = std::move(guard); }
  co_await h;
  co_return *co_await m.lock();
}

TEST(Mutex, UnlockWakesTheWaiterFromTheUnlockingTask) {
  runtime rt;
  EXPECT_EQ(rt.block_on(handoff_root()), 1);
  EXPECT_EQ(story(rt), (std::vector<std::string>{
                           "poll 1",          // main takes the free lock, spawns b, yields
                           "task 1 wakes 1",  // the yield
                           "pending 1",
                           "poll 2",   // b finds the lock taken
                           "clone 2",  //   and queues with its waker
                           "pending 2",
                           "poll 1",          // main drops the guard:
                           "task 1 wakes 2",  //   the lock goes to b, woken by main
                           "clone 1",         // main waits for b's join handle
                           "pending 1",
                           "poll 2",  // b holds the lock at once, no retry
                           "ready 2",
                           "end 2",
                           "task 2 wakes 1",  // join handle
                           "poll 1",
                           "ready 1",
                           "end 1",
                       }));
}

async<void> lock_and_record(mutex<std::vector<int>>& m, int id) {
  auto guard = co_await m.lock();
  guard->push_back(id);
}

async<std::vector<int>> abort_root() {
  mutex<std::vector<int>> m;
  auto guard = co_await m.lock();
  auto a = spawn(lock_and_record(m, 1));
  auto b = spawn(lock_and_record(m, 2));
  co_await yield_now();  // Both queue for the lock.
  a.abort();
  co_await yield_now();  // The executor drops a's future.
  { auto release = std::move(guard); }
  co_await b;
  co_return *co_await m.lock();
}

TEST(Mutex, AbortedWaiterLeavesTheQueueAndTheNextWaiterGetsTheLock) {
  runtime rt;
  EXPECT_EQ(rt.block_on(abort_root()), (std::vector<int>{2}));
}

async<void> shutdown_root(mutex<int>& m) {
  auto guard = co_await m.lock();
  auto waiter = spawn(contender(m));
  co_await yield_now();
  // Returning drops the guard, which hands the lock to the waiter; the runtime then cancels
  // the waiter before it is polled again, and the lock must come back.
}

TEST(Mutex, WaiterCancelledAtShutdownGivesBackTheLockItWasHanded) {
  mutex<int> m(0);
  {
    runtime rt;
    rt.block_on(shutdown_root(m));
  }
  EXPECT_FALSE(m.is_locked());
  EXPECT_EQ(*m.try_lock().value(), 0);
}

}  // namespace
