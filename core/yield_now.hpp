// Gives other tasks a turn: pending once, with the task re-queued at the back (tokio's
// `task::yield_now`), at once or after the next driver poll as the strategy says. The trace shows
// the re-queue with reason `yield`.
//
// Tokio 1.24.2 (`task/yield_now.rs:48-66`, under tokio-1.24.2/src/): the first poll is pending
// and, inside a runtime, pushes a clone of the waker on the thread's defer list
// (`runtime/defer.rs:14-27`), woken in order after the scheduler next polls its driver; outside
// a runtime it wakes the task at once. The tokio-current-thread strategy defers
// (scheduler/defer.hpp); `local` re-queues at once. No coop budget is spent.
//
// Proved by the fidelity scenarios `yields`, `woken_while_running`, `join_children`
// (tests/fidelity/README.md, rule 1).
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
