// A waker whose vtable only counts, like async-task's tests/waker_pending.rs: the plainest
// example of a raw_waker_vtable, and what lets a test see who kept, woke or dropped a waker.
#pragma once

#include "waker.hpp"

namespace wakeline::support {

/// The target of counting wakers. Not copyable: every waker it makes points at it.
struct wake_counter {
  int clones = 0;        ///< Calls of `clone`.
  int wakes = 0;         ///< Calls of `wake` or `wake_by_ref`: how often the target was woken.
  int wakes_by_ref = 0;  ///< The calls of `wake_by_ref` among `wakes`.
  int drops = 0;         ///< Calls of `drop`.
  int refs = 0;          ///< Wakers alive: back to what the test holds once nobody keeps a clone.

  wake_counter() = default;
  wake_counter(const wake_counter&) = delete;
  wake_counter& operator=(const wake_counter&) = delete;

  /// A new waker over this counter (not a clone: `clones` is unchanged).
  waker make() {
    ++refs;
    return waker::from_raw({this, &vtable});
  }

  static wake_counter* self(const void* d) {
    return static_cast<wake_counter*>(const_cast<void*>(d));
  }
  static raw_waker clone(const void* d) {
    ++self(d)->clones;
    ++self(d)->refs;
    return {d, &vtable};
  }
  static void wake(const void* d) {
    ++self(d)->wakes;
    --self(d)->refs;  // Waking consumes the waker: no drop follows.
  }
  static void wake_by_ref(const void* d) {
    ++self(d)->wakes;
    ++self(d)->wakes_by_ref;
  }
  static void drop(const void* d) {
    ++self(d)->drops;
    --self(d)->refs;
  }
  /// The four slots above, in the order raw_waker_vtable declares them.
  static const raw_waker_vtable vtable;
};

inline const raw_waker_vtable wake_counter::vtable{&clone, &wake, &wake_by_ref, &drop};

}  // namespace wakeline::support
