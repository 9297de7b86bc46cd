// Cooperative scheduling, as tokio's resources do it (tokio/src/runtime/coop.rs, 1.24): before a
// resource (a timer, a channel, a semaphore, a join handle) hands out a result it checks the
// polling task's budget; when the budget is spent it wakes the task and says pending, so a task
// that always finds its resources ready still gives the others a turn. Only strategies with a
// budget count (runtime::coop_poll_proceed); under the others this is a pass-through.
#pragma once

#include "context.hpp"
#include "runtime.hpp"

namespace wakeline {

/// Polls a resource through `poll_once` within the task's coop budget: pending without calling
/// it when the budget is spent, and one unit spent when it returns ready.
template <class PollOnce>
auto coop_poll(context& cx, PollOnce&& poll_once) -> decltype(poll_once()) {
  runtime* rt = runtime::try_current();
  if (rt != nullptr && !rt->coop_poll_proceed(cx)) return poll_pending;
  auto result = poll_once();
  if (rt != nullptr && result.is_ready()) rt->coop_made_progress();
  return result;
}

}  // namespace wakeline
