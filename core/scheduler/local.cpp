#include "local.hpp"

#include "../runtime.hpp"

namespace wakeline::detail {

void local_scheduler::schedule(task_header* task, enqueue_reason reason, std::uint64_t cause,
                               bool /*after_own_poll*/) {
  rt_.retain_task(task);  // The queue's reference.
  queue_.push_back(task);
  rt_.record_enqueue(task, reason, cause, queue_kind::run, queue_.size());
}

std::optional<run_outcome> local_scheduler::step() {
  if (task_header* task = queue_.pop_front()) {
    rt_.poll_now(task, queue_.size(), true);
    if (++polls_since_drive_ == rt_.strategy().event_interval) {
      polls_since_drive_ = 0;
      rt_.drive(false);
    }
    return std::nullopt;
  }
  if (!rt_.drive(true)) {
    rt_.report_deadlock();
    return run_outcome::deadlock;
  }
  return std::nullopt;
}

void local_scheduler::drain() {
  while (task_header* task = queue_.pop_front()) rt_.release_queued(task);
}

}  // namespace wakeline::detail
