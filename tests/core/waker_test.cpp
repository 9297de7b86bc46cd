#include "waker.hpp"

#include <gtest/gtest.h>

#include "support/wake_counter.hpp"

namespace {

using wakeline::waker;
using wakeline::support::wake_counter;

TEST(Waker, CopyClonesAndDestructionDrops) {
  wake_counter t;
  {
    waker a = t.make();
    waker b = a;
    EXPECT_EQ(t.clones, 1);
    EXPECT_TRUE(a.will_wake(b));
  }
  EXPECT_EQ(t.drops, 2);
}

TEST(Waker, MoveNeitherClonesNorDrops) {
  wake_counter t;
  {
    waker a = t.make();
    waker b = std::move(a);
    EXPECT_EQ(t.clones, 0);
    EXPECT_EQ(t.drops, 0);
  }
  EXPECT_EQ(t.drops, 1);
}

TEST(Waker, WakeConsumesTheWakerWithoutADrop) {
  wake_counter t;
  waker a = t.make();
  std::move(a).wake();
  EXPECT_EQ(t.wakes, 1);
  EXPECT_EQ(t.wakes_by_ref, 0);
  EXPECT_EQ(t.drops, 0);
  EXPECT_EQ(t.refs, 0);
}

TEST(Waker, WakeByRefKeepsTheWaker) {
  wake_counter t;
  {
    waker a = t.make();
    a.wake_by_ref();
    a.wake_by_ref();
    EXPECT_EQ(t.wakes_by_ref, 2);
    EXPECT_EQ(t.refs, 1);
  }
  EXPECT_EQ(t.drops, 1);
}

TEST(Waker, AssignmentDropsTheOldWaker) {
  wake_counter first, second;
  waker a = first.make();
  a = second.make();
  EXPECT_EQ(first.drops, 1);
  EXPECT_FALSE(a.will_wake(first.make()));
}

TEST(Waker, NoopWakerCanBeClonedAndWoken) {
  waker w = wakeline::noop_waker();
  waker copy = w;
  copy.wake_by_ref();
  std::move(copy).wake();
  EXPECT_TRUE(w.will_wake(wakeline::noop_waker()));
}

}  // namespace
