#include "sync/semaphore.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <vector>

#include "support/poll_by_hand.hpp"
#include "wakeline.hpp"

namespace {

using namespace wakeline;
using namespace wakeline::support;
using std::chrono::milliseconds;

TEST(Semaphore, AcquireTakesPermitsAndThePermitGivesThemBack) {
  semaphore sem(3);
  mock_task a;
  {
    auto f = sem.acquire(2);
    auto permit = expect_ready(f, a.cx);
    EXPECT_EQ(permit.num_permits(), 2u);
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
  mock_task big_w, small_w;
  auto big = sem.acquire(3);
  auto small = sem.acquire(1);
  // Takes the one permit there is, waits for two more.
  EXPECT_TRUE(big.poll(big_w.cx).is_pending());
  EXPECT_EQ(sem.available_permits(), 0u);
  EXPECT_TRUE(small.poll(small_w.cx).is_pending());

  sem.add_permits(1);  // Goes to the head of the queue, though `small` could use it.
  EXPECT_EQ(sem.available_permits(), 0u);
  EXPECT_EQ(small_w.wakes, 0);
  EXPECT_EQ(big_w.wakes, 0);
  EXPECT_FALSE(sem.try_acquire().has_value());

  sem.add_permits(2);  // One completes `big`, the other goes to `small`.
  EXPECT_EQ(big_w.wakes, 1);
  EXPECT_EQ(small_w.wakes, 1);
  auto pb = expect_ready(big, big_w.cx);
  auto ps = expect_ready(small, small_w.cx);
  EXPECT_EQ(pb.num_permits(), 3u);
  EXPECT_EQ(ps.num_permits(), 1u);
  EXPECT_EQ(sem.available_permits(), 0u);
}

TEST(Semaphore, DroppedWaiterHandsThePermitsAssignedToItToTheNextWaiter) {
  semaphore sem(2);
  auto held = sem.try_acquire(2);
  mock_task big_w, small_w;
  auto small = sem.acquire(1);
  {
    auto big = sem.acquire(3);
    EXPECT_TRUE(big.poll(big_w.cx).is_pending());
    EXPECT_TRUE(small.poll(small_w.cx).is_pending());
    held.reset();  // Both permits are assigned to `big`, which still lacks one.
    EXPECT_EQ(big_w.wakes, 0);
    EXPECT_EQ(small_w.wakes, 0);
  }
  EXPECT_EQ(big_w.refs, 1);
  EXPECT_EQ(small_w.wakes, 1);
  EXPECT_EQ(sem.available_permits(), 1u);
  auto ps = expect_ready(small, small_w.cx);
  EXPECT_EQ(ps.num_permits(), 1u);
}

TEST(Semaphore, AcquireOfZeroPermitsDoesNotQueue) {
  semaphore sem(0);
  mock_task a;
  auto f = sem.acquire(0);
  EXPECT_TRUE(f.poll(a.cx).is_ready());
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

// The order in which the tasks completed by one release of `n` permits are first polled again.
std::vector<std::uint32_t> woken_by_one_release(strategy_kind kind, int waiters) {
  runtime rt(runtime_options{.strategy = kind});
  rt.block_on([](int n) -> async<void> {
    semaphore sem(0);
    std::vector<join_handle<void>> tasks;
    for (int i = 0; i < n; ++i) {
      tasks.push_back(
          spawn([](semaphore& s) -> async<void> { auto p = co_await s.acquire(); }(sem)));
    }
    co_await sleep(std::chrono::milliseconds(1));
    sem.add_permits(static_cast<std::size_t>(n));
    for (auto& t : tasks) co_await t;
  }(waiters));
  std::vector<std::uint32_t> order;
  for (const trace_event& e : rt.trace().events()) {
    if (e.kind == event_kind::poll_end && e.t > 0 && e.task != 1) order.push_back(e.task);
  }
  return order;
}

TEST(Semaphore, OneReleaseWakesTheWaitersItCompletesOldestFirst) {
  EXPECT_EQ(woken_by_one_release(strategy_kind::local, 3), (std::vector<std::uint32_t>{2, 3, 4}));
}

TEST(Semaphore, UnderTokioOneReleaseWakesThemNewestFirstInBatchesOf32) {
  EXPECT_EQ(woken_by_one_release(strategy_kind::tokio_current_thread, 3),
            (std::vector<std::uint32_t>{4, 3, 2}));
  std::vector<std::uint32_t> expected;
  for (std::uint32_t t = 33; t >= 2; --t) expected.push_back(t);  // the first 32 waiters
  for (std::uint32_t t = 36; t >= 34; --t) expected.push_back(t);
  EXPECT_EQ(woken_by_one_release(strategy_kind::tokio_current_thread, 35), expected);
}

}  // namespace
