// Gives other tasks a turn: pending once, with the task re-queued at the back (tokio's
// `task::yield_now`), at once or after the next driver poll as the strategy says. The trace shows
// the re-queue with reason `yield`.
#pragma once

#include "future.hpp"
#include "runtime.hpp"

namespace wakeline {

/// The future returned by `yield_now()`.
class yield_now_future {
 public:
  wakeline::poll<void> poll(context& cx) {
    if (yielded_) return poll_ready();
    yielded_ = true;
    if (runtime* rt = runtime::try_current()) {
      rt->yield_task(cx);
    } else {
      cx.waker().wake_by_ref();
    }
    return poll_pending;
  }

 private:
  bool yielded_ = false;
};

/// Yields once to the executor.
inline yield_now_future yield_now() { return {}; }

}  // namespace wakeline
