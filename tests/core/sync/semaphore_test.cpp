#include "sync/semaphore.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <vector>

#include "wakeline.hpp"

namespace {

using namespace wakeline;
using std::chrono::milliseconds;

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

TEST(Semaphore, AcquireTakesPermitsAndThePermitGivesThemBack) {
  semaphore sem(3);
  wake_counter a;
  waker wa = a.make();
  context cx(wa);
  {
    auto f = sem.acquire(2);
    auto p = f.poll(cx);
    ASSERT_TRUE(p.is_ready());
    EXPECT_EQ(p.value().num_permits(), 2u);
    EXPECT_EQ(sem.available_permits(), 1u);
  }
  EXPECT_EQ(sem.available_permits(), 3u);
  EXPECT_EQ(a.refs, 1);
}

TEST(Semaphore, TryAcquireFailsWithoutEnoughPermits) {
  semaphore sem(2);
  auto two = sem.try_acquire(2);
  ASSERT_TRUE(two.has_value());
  EXPECT_FALSE(sem.try_acquire().has_value());
  two.reset();
  EXPECT_TRUE(sem.try_acquire(2).has_value());
}

TEST(Semaphore, ForgottenPermitIsNeverReturned) {
  semaphore sem(2);
  sem.try_acquire(1)->forget();
  EXPECT_EQ(sem.available_permits(), 1u);
}

TEST(Semaphore, LargeRequestAtTheHeadBlocksLaterSmallOnes) {
  semaphore sem(1);
  wake_counter big_w, small_w;
  waker wb = big_w.make(), ws = small_w.make();
  context cxb(wb), cxs(ws);
  auto big = sem.acquire(3);
  auto small = sem.acquire(1);
  EXPECT_TRUE(big.poll(cxb).is_pending());  // Takes the one permit there is, waits for two more.
  EXPECT_EQ(sem.available_permits(), 0u);
  EXPECT_TRUE(small.poll(cxs).is_pending());

  sem.add_permits(1);  // Goes to the head of the queue, though `small` could use it.
  EXPECT_EQ(sem.available_permits(), 0u);
  EXPECT_EQ(small_w.wakes, 0);
  EXPECT_EQ(big_w.wakes, 0);
  EXPECT_FALSE(sem.try_acquire().has_value());

  sem.add_permits(2);  // One completes `big`, the other goes to `small`.
  EXPECT_EQ(big_w.wakes, 1);
  EXPECT_EQ(small_w.wakes, 1);
  auto pb = big.poll(cxb);
  auto ps = small.poll(cxs);
  ASSERT_TRUE(pb.is_ready());
  ASSERT_TRUE(ps.is_ready());
  EXPECT_EQ(pb.value().num_permits(), 3u);
  EXPECT_EQ(ps.value().num_permits(), 1u);
  EXPECT_EQ(sem.available_permits(), 0u);
}

TEST(Semaphore, DroppedWaiterHandsThePermitsAssignedToItToTheNextWaiter) {
  semaphore sem(2);
  auto held = sem.try_acquire(2);
  wake_counter big_w, small_w;
  waker wb = big_w.make(), ws = small_w.make();
  context cxb(wb), cxs(ws);
  auto small = sem.acquire(1);
  {
    auto big = sem.acquire(3);
    EXPECT_TRUE(big.poll(cxb).is_pending());
    EXPECT_TRUE(small.poll(cxs).is_pending());
    held.reset();  // Both permits are assigned to `big`, which still lacks one.
    EXPECT_EQ(big_w.wakes, 0);
    EXPECT_EQ(small_w.wakes, 0);
  }
  EXPECT_EQ(big_w.refs, 1);
  EXPECT_EQ(small_w.wakes, 1);
  EXPECT_EQ(sem.available_permits(), 1u);
  auto ps = small.poll(cxs);
  ASSERT_TRUE(ps.is_ready());
  EXPECT_EQ(ps.value().num_permits(), 1u);
}

TEST(Semaphore, AcquireOfZeroPermitsDoesNotQueue) {
  semaphore sem(0);
  wake_counter a;
  waker wa = a.make();
  context cx(wa);
  auto f = sem.acquire(0);
  EXPECT_TRUE(f.poll(cx).is_ready());
  EXPECT_EQ(a.refs, 1);
}

struct gauge {
  int now = 0;
  int max = 0;
  std::vector<int> order;
};

async<void> limited(semaphore& sem, gauge& g, int id) {
  auto permit = co_await sem.acquire();
  g.order.push_back(id);
  g.max = std::max(g.max, ++g.now);
  co_await sleep(milliseconds(1));
  --g.now;
}

async<std::uint64_t> limited_root(gauge& g) {
  semaphore sem(2);
  std::vector<join_handle<void>> handles;
  for (int i = 1; i <= 5; ++i) handles.push_back(spawn(limited(sem, g, i)));
  for (auto& h : handles) co_await h;
  co_return runtime::current().now_ns();
}

TEST(Semaphore, LimitsConcurrencyAndServesTasksInArrivalOrder) {
  runtime rt;
  gauge g;
  std::uint64_t elapsed = rt.block_on(limited_root(g));
  EXPECT_EQ(g.max, 2);
  EXPECT_EQ(g.order, (std::vector<int>{1, 2, 3, 4, 5}));
  EXPECT_EQ(elapsed, 3'000'000u);  // Three rounds of 1 ms: {1,2}, {3,4}, {5}.
}

}  // namespace
