// A future that never completes (Rust's `std::future::pending`).
#pragma once

#include "future.hpp"

namespace wakeline {

/// Always pending, and never keeps the waker: awaited alone it deadlocks, which the
/// executor reports. Useful as the branch of a `select` that must never win.
template <class T = void>
class pending_future {
 public:
  wakeline::poll<T> poll(context&) { return poll_pending; }
};

/// A future that stays pending forever.
template <class T = void>
pending_future<T> pending() {
  return {};
}

}  // namespace wakeline
