// The handle of a spawned task (tokio's `JoinHandle`). Awaiting it gives the task's output;
// `abort()` cancels the task; dropping the handle detaches the task, which keeps running.
//
// Tokio 1.24.2's rules (`runtime/task/`, under tokio-1.24.2/src/), and what Wakeline does:
// - Polling the handle (`JoinHandle::poll`, join.rs:279-310): coop first (286), then
//   `try_read_output` (harness.rs:273-290, `can_read_output` 364-410): the task's output if it
//   ended, else the waker is stored in the task (`JOIN_WAKER`), replaced only when it does not
//   `will_wake` the same task. The task's end wakes it once. Same here.
// - `abort` (join.rs:209-211 -> `remote_abort`, harness.rs:115-125): an idle task is marked
//   cancelled and scheduled (`transition_to_notified_and_cancel`, state.rs:277-310), a queued
//   or running one only marked; when the scheduler reaches it, its future is dropped unpolled
//   (`cancel_task`, harness.rs:444-456) and the handle's waker woken with `JoinError::Cancelled`.
//   Same here: no poll_end for an aborted task, the drop's wakes (a guard, a permit, a
//   `Notified`) come from the task's end.
// - Dropping the handle (join.rs:312-320) detaches the task and drops the stored waker.
//
// Proved by the fidelity scenarios `join_children`, `nested_spawn`, `many_ready_tasks`,
// `abort_sleeping_task`, `abort_before_first_poll`, `mutex_abort_holder`,
// `notify_dropped_passes_on` (docs/tokio-fidelity.md).
#pragma once

#include <stdexcept>
#include <string>
#include <utility>

#include "coop.hpp"
#include "runtime.hpp"

namespace wakeline {

/// Thrown when awaiting the handle of a task that was aborted or cancelled.
class join_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

template <class T>
class [[nodiscard]] join_handle {
 public:
  using value_type = std::conditional_t<std::is_void_v<T>, unit, T>;

  explicit join_handle(detail::task_header* task) : task_(task) {
    task_->owner->retain_task(task_);
  }
  join_handle(join_handle&& other) noexcept : task_(std::exchange(other.task_, nullptr)) {}
  join_handle& operator=(join_handle&& other) noexcept {
    if (this != &other) {
      detach();
      task_ = std::exchange(other.task_, nullptr);
    }
    return *this;
  }
  ~join_handle() { detach(); }

  /// Ready with the task's output once it ends. Rethrows the task's exception if it failed;
  /// throws `join_error` if it was aborted or cancelled.
  wakeline::poll<T> poll(context& cx) {
    return coop_poll(cx, [this, &cx] { return poll_resource(cx); });
  }

  /// Cancels the task: the next time the executor reaches it, its future is dropped.
  void abort() {
    if (task_ != nullptr) task_->owner->abort_task(task_);
  }

  /// True once the task has ended, in any way.
  bool is_finished() const { return task_ != nullptr && (task_->state & detail::task_ended); }

  /// The id of the task, as in the trace.
  std::uint32_t id() const { return task_->id; }

 private:
  // The resource itself; `poll` adds the coop budget (coop.hpp).
  wakeline::poll<T> poll_resource(context& cx) {
    if (!(task_->state & detail::task_ended)) {
      if (!task_->join_waiter || !task_->join_waiter->will_wake(cx.waker())) {
        task_->join_waiter = cx.waker();
      }
      return poll_pending;
    }
    switch (task_->outcome) {
      case task_outcome::completed:
        break;
      case task_outcome::failed:
        std::rethrow_exception(task_->error);
      case task_outcome::aborted:
        throw join_error("task " + std::to_string(task_->id) + " was aborted");
      case task_outcome::cancelled:
        throw join_error("task " + std::to_string(task_->id) + " was cancelled");
    }
    if constexpr (std::is_void_v<T>) {
      return poll_ready();
    } else {
      return std::move(*output());
    }
  }

  std::optional<value_type>& output() {
    return static_cast<detail::task_cell_output<value_type>*>(task_)->output;
  }
  void detach() {
    if (task_ == nullptr) return;
    task_->join_waiter.reset();
    task_->owner->release_task(std::exchange(task_, nullptr));
  }

  detail::task_header* task_;
};

}  // namespace wakeline
