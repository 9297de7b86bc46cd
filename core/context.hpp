// What a future receives when it is polled: for now only the waker of the task polling it,
// as in Rust's `Context`.
#pragma once

#include "waker.hpp"

namespace wakeline {

/// The context of one poll. Lives only for the duration of that poll.
class context {
 public:
  explicit context(const wakeline::waker& w) : waker_(w) {}
  context(const context&) = delete;
  context& operator=(const context&) = delete;

  /// The waker to clone and keep when returning pending.
  const wakeline::waker& waker() const { return waker_; }

 private:
  const wakeline::waker& waker_;
};

}  // namespace wakeline
