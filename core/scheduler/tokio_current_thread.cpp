#include "tokio_current_thread.hpp"

namespace wakeline::detail {

void tokio_current_thread_scheduler::schedule(task_header* task, enqueue_reason reason,
                                              std::uint64_t cause, bool /*after_own_poll*/) {
  if (task == rt_.root_task()) {
    // Tokio's block_on future is not a task: a wake sets a flag, looked at each pass.
    root_woken_ = true;
    rt_.record_enqueue(task, reason, cause, queue_kind::block_on, 0);
    return;
  }
  rt_.retain_task(task);  // The queue's reference.
  queue_.push_back(task);
  rt_.record_enqueue(task, reason, cause, queue_kind::run, queue_.size());
}

// One step of the `CoreGuard::block_on` loop: the root at the start of a pass if woken; then
// up to 61 tasks; then a driver poll that does not wait; an empty queue parks on the driver and
// starts a new pass.
std::optional<run_outcome> tokio_current_thread_scheduler::step() {
  if (!pass_begun_) {
    pass_begun_ = true;
    if (root_woken_) {
      root_woken_ = false;
      rt_.poll_now(rt_.root_task(), queue_.size(), false);
      return std::nullopt;
    }
  }
  if (pass_polls_ == rt_.strategy().event_interval) {
    // park_yield: the driver without waiting, then the deferred yields.
    rt_.drive(false);
    end_pass();
    return std::nullopt;
  }
  ++pass_polls_;
  if (task_header* task = queue_.pop_front()) {
    rt_.poll_now(task, queue_.size(), true);
    return std::nullopt;
  }
  // park, or park_yield when yields are deferred: a woken root also keeps time from moving,
  // since its wake unparks the driver at once.
  if (!deferred_.empty() || root_woken_) {
    rt_.drive(false);
  } else if (std::optional<run_outcome> deadlock = rt_.park_or_deadlock()) {
    return deadlock;
  }
  end_pass();
  return std::nullopt;
}

void tokio_current_thread_scheduler::end_pass() {
  deferred_.wake(rt_);
  pass_polls_ = 0;
  pass_begun_ = false;
}

void tokio_current_thread_scheduler::yield(context& cx) {
  // tokio's `context::defer`: a clone of the waker, woken after the next driver poll.
  deferred_.defer(rt_, cx);
}

void tokio_current_thread_scheduler::drain() {
  deferred_.clear();
  while (task_header* task = queue_.pop_front()) rt_.release_queued(task);
}

}  // namespace wakeline::detail
