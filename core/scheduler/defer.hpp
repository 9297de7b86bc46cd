// Tokio's `Defer` (runtime/defer.rs, tokio 1.24): the wakes of `yield_now`, held back until
// the scheduler next looks at the driver, so a task that yields lets timers and I/O in first.
// Each deferred wake is recorded as a task_enqueue into the `deferred` queue when it is made,
// and the wake itself (from the driver) follows when the list is woken.
#pragma once

#include <cstdint>
#include <vector>

#include "../context.hpp"
#include "../waker.hpp"
#include "runtime_hooks.hpp"

namespace wakeline::detail {

class deferred_wakes {
 public:
  /// Defers the wake of the task being polled (`cx` is its context).
  void defer(runtime_hooks& rt, context& cx) {
    wakers_.push_back(cx.waker());
    rt.emit({.cause = rt.current_actor().cause,
             .arg = wakers_.size(),
             .task = rt.current_task()->id,
             .ref = static_cast<std::uint32_t>(queue_kind::deferred),
             .kind = event_kind::task_enqueue,
             .detail = static_cast<std::uint8_t>(enqueue_reason::yield)});
  }

  /// Wakes every deferred task, in the order they yielded. The wakes come from the driver, not
  /// from whoever ran last.
  void wake(runtime_hooks& rt) {
    actor_scope driver = rt.act_as({wake_source::outside, 0, rt.current_actor().cause});
    std::vector<waker> due = std::exchange(wakers_, {});
    for (waker& w : due) std::move(w).wake();
  }

  bool empty() const { return wakers_.empty(); }
  /// Drops them unwoken (shutdown).
  void clear() { wakers_.clear(); }

 private:
  std::vector<waker> wakers_;
};

}  // namespace wakeline::detail
