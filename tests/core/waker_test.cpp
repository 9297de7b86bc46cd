#include "waker.hpp"

#include <gtest/gtest.h>

namespace {

using wakeline::raw_waker;
using wakeline::raw_waker_vtable;
using wakeline::waker;

// A waker target that counts every vtable call, like async-task's tests/waker_pending.rs.
struct counting_target {
  int clones = 0;
  int wakes = 0;
  int wakes_by_ref = 0;
  int drops = 0;
};

counting_target* target(const void* data) {
  return static_cast<counting_target*>(const_cast<void*>(data));
}

raw_waker counting_clone(const void* data);
void counting_wake(const void* data) { ++target(data)->wakes; }
void counting_wake_by_ref(const void* data) { ++target(data)->wakes_by_ref; }
void counting_drop(const void* data) { ++target(data)->drops; }
const raw_waker_vtable counting_vtable{&counting_clone, &counting_wake, &counting_wake_by_ref,
                                       &counting_drop};
raw_waker counting_clone(const void* data) {
  ++target(data)->clones;
  return raw_waker{data, &counting_vtable};
}

waker make_waker(counting_target& t) { return waker::from_raw(raw_waker{&t, &counting_vtable}); }

TEST(Waker, CopyClonesAndDestructionDrops) {
  counting_target t;
  {
    waker a = make_waker(t);
    waker b = a;
    EXPECT_EQ(t.clones, 1);
    EXPECT_TRUE(a.will_wake(b));
  }
  EXPECT_EQ(t.drops, 2);
}

TEST(Waker, MoveNeitherClonesNorDrops) {
  counting_target t;
  {
    waker a = make_waker(t);
    waker b = std::move(a);
    EXPECT_EQ(t.clones, 0);
    EXPECT_EQ(t.drops, 0);
  }
  EXPECT_EQ(t.drops, 1);
}

TEST(Waker, WakeConsumesTheWakerWithoutADrop) {
  counting_target t;
  waker a = make_waker(t);
  std::move(a).wake();
  EXPECT_EQ(t.wakes, 1);
  EXPECT_EQ(t.drops, 0);
}

TEST(Waker, WakeByRefKeepsTheWaker) {
  counting_target t;
  {
    waker a = make_waker(t);
    a.wake_by_ref();
    a.wake_by_ref();
    EXPECT_EQ(t.wakes_by_ref, 2);
  }
  EXPECT_EQ(t.drops, 1);
}

TEST(Waker, AssignmentDropsTheOldWaker) {
  counting_target first, second;
  waker a = make_waker(first);
  a = make_waker(second);
  EXPECT_EQ(first.drops, 1);
  EXPECT_FALSE(a.will_wake(make_waker(first)));
}

TEST(Waker, NoopWakerCanBeClonedAndWoken) {
  waker w = wakeline::noop_waker();
  waker copy = w;
  copy.wake_by_ref();
  std::move(copy).wake();
  EXPECT_TRUE(w.will_wake(wakeline::noop_waker()));
}

}  // namespace
