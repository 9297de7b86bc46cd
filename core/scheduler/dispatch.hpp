// How the runtime hands a runnable task to its scheduler. Inline, for the two bodies that are
// every poll and every wake (task/harness.cpp's poll_now, task/waker.cpp's wake): under the
// `local` strategy the scheduler's own inline step is folded into them, without a virtual call.
#pragma once

#include "../runtime.hpp"
#include "local.hpp"

namespace wakeline {

inline void runtime::schedule(detail::task_header* task, enqueue_reason reason, std::uint64_t cause,
                              bool after_own_poll) {
  if (local_ != nullptr) {
    local_->schedule(task, reason, cause, after_own_poll);
  } else {
    scheduler_->schedule(task, reason, cause, after_own_poll);
  }
}

}  // namespace wakeline
