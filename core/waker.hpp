// A waker: the handle a pending future keeps so that someone can tell the executor to poll it
// again. Same shape as Rust's `Waker` over a `RawWakerVTable`: a data pointer plus four functions.
#pragma once

#include <utility>

namespace wakeline {

struct raw_waker_vtable;

/// An untyped waker: what the vtable functions receive. Owns one reference to `data`.
struct raw_waker {
  const void* data = nullptr;
  const raw_waker_vtable* vtable = nullptr;
};

/// How a waker is cloned, woken and dropped. Tasks, tests and `noop_waker()` each supply one.
struct raw_waker_vtable {
  /// Makes a second waker for the same target (a task takes one more reference).
  raw_waker (*clone)(const void* data);
  /// Wakes the target and releases this waker's reference (consumes the waker).
  void (*wake)(const void* data);
  /// Wakes the target and keeps this waker's reference.
  void (*wake_by_ref)(const void* data);
  /// Releases this waker's reference without waking.
  void (*drop)(const void* data);
};

/// A refcounted value over a `raw_waker`. Copying clones, destruction drops, `wake()` consumes.
class waker {
 public:
  /// Takes ownership of one reference held by `raw`.
  static waker from_raw(raw_waker raw) { return waker(raw); }

  waker(const waker& other) : raw_(other.raw_.vtable->clone(other.raw_.data)) {}
  waker(waker&& other) noexcept : raw_(std::exchange(other.raw_, raw_waker{})) {}
  waker& operator=(waker other) noexcept {
    std::swap(raw_, other.raw_);
    return *this;
  }
  ~waker() {
    if (raw_.vtable != nullptr) raw_.vtable->drop(raw_.data);
  }

  /// Wakes the target and gives up this waker (Rust's `Waker::wake(self)`).
  void wake() && {
    raw_waker raw = std::exchange(raw_, raw_waker{});
    raw.vtable->wake(raw.data);
  }

  /// Wakes the target and keeps this waker usable.
  void wake_by_ref() const { raw_.vtable->wake_by_ref(raw_.data); }

  /// True when both wakers would wake the same target, so storing a clone can be skipped.
  bool will_wake(const waker& other) const {
    return raw_.data == other.raw_.data && raw_.vtable == other.raw_.vtable;
  }

  /// Gives up ownership without dropping: the caller becomes responsible for the reference.
  raw_waker into_raw() && { return std::exchange(raw_, raw_waker{}); }

  const raw_waker& as_raw() const { return raw_; }

 private:
  explicit waker(raw_waker raw) : raw_(raw) {}
  raw_waker raw_;
};

/// A waker that does nothing, for polling futures outside any executor (tests, `block_on` helpers).
waker noop_waker();

}  // namespace wakeline
