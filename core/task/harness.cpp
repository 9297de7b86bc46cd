// The harness (Tokio's task/harness.rs): what happens around one poll of a task, and at its
// end. Both halves of a poll, the requeue of a task woken during its own poll, and the end
// (the future dropped, task_end recorded, the join handle's waiter woken) are in this one
// translation unit, so that `poll_now`, every single-worker poll, is flattened into one body.
#include <string>

#include "../await_point.hpp"
#include "../runtime.hpp"
#include "../scheduler/dispatch.hpp"
#include "waker.hpp"

namespace wakeline {

namespace detail {
constinit thread_local await_point suspend_point;
}  // namespace detail

namespace {

std::string describe(const std::exception_ptr& error) {
  try {
    std::rethrow_exception(error);
  } catch (const std::exception& e) {
    return e.what();
  } catch (...) {
    return "unknown exception";
  }
}

}  // namespace

bool runtime::begin_poll(detail::poll_in_flight& poll, detail::task_header* task,
                         std::uint64_t depth, bool queued,
                         std::optional<std::uint64_t> coop_budget) {
  task->state &= ~detail::task_scheduled;
  if (task->state & (detail::task_ended | detail::task_closed)) {
    if (!(task->state & detail::task_ended)) end_task(task, task_outcome::aborted, {});
    if (queued) release_task(task);
    return false;
  }
  task->state |= detail::task_running;
  current_task_ = task;
  coop_counted_ = options_.strategy.coop_budget != 0;
  coop_left_ = coop_budget.value_or(options_.strategy.coop_budget);
  poll_extra_cost_ns_ = 0;
  poll.task = task;
  poll.queued = queued;
  poll.worker = worker_;
  poll.begin_seq = emit({.cause = task->enqueue_cause,
                         .arg = depth,
                         .task = task->id,
                         .kind = event_kind::poll_begin});
  {
    actor_scope polled(*this, {wake_source::task, task->id, poll.begin_seq});
    detail::suspend_point = {};
    // The task's own waker, borrowed for the poll: no reference is taken, so none is dropped.
    waker borrowed = waker::from_raw(raw_waker{task, &detail::task_waker_vtable});
    poll.done = false;
    {
      context cx(borrowed);
      try {
        poll.done = task->vtable->poll(task, cx);
      } catch (...) {
        task->error = std::current_exception();
      }
    }
    (void)std::move(borrowed).into_raw();
    if (!poll.done && !task->error) task->suspended_at = detail::suspend_point;
  }
  current_task_ = nullptr;
  coop_counted_ = false;
  poll.coop_left = coop_left_;
  // Real polls take their own time: the cost model is for virtual time.
  poll.cost_ns =
      virtual_clock_ != nullptr ? options_.strategy.poll_cost_ns + poll_extra_cost_ns_ : 0;
  return true;
}

void runtime::end_poll(const detail::poll_in_flight& poll) {
  detail::task_header* task = poll.task;
  std::uint16_t saved_worker = std::exchange(worker_, poll.worker);
  task->state &= ~detail::task_running;
  const bool pending = !task->error && !poll.done;
  emit({.cause = poll.begin_seq,
        .file = pending ? task->suspended_at.file : nullptr,
        .line = pending ? task->suspended_at.line : 0,
        .task = task->id,
        .ref = pending ? task->suspended_at.state : 0,
        .kind = event_kind::poll_end,
        .detail = static_cast<std::uint8_t>(task->error ? poll_result::failed
                                            : poll.done ? poll_result::ready
                                                        : poll_result::pending)});
  if (!pending || (task->state & detail::task_closed)) {
    // The future goes: its destructors' wakes and drops are the task's, caused by its poll.
    actor_scope ending(*this, {wake_source::task, task->id, poll.begin_seq});
    current_task_ = task;
    if (task->error) {
      end_task(task, task_outcome::failed, describe(task->error));
    } else {
      end_task(task, poll.done ? task_outcome::completed : task_outcome::aborted, {});
    }
    current_task_ = nullptr;
  } else if (task->state & detail::task_scheduled) {
    // Woken during its own poll (a yield, or a wake from a future it polled).
    schedule(task, task->next_reason, task->enqueue_cause, true);
  }
  worker_ = saved_worker;
  if (poll.queued) release_task(task);  // The queue's reference.
}

// Flattened: the two halves and the requeue in one body, as this is every single-worker poll.
[[gnu::flatten]] void runtime::poll_now(detail::task_header* task, std::uint64_t depth,
                                        bool queued) {
  detail::poll_in_flight poll;
  if (!begin_poll(poll, task, depth, queued)) return;
  if (poll.cost_ns != 0) advance_clock(now_ns() + poll.cost_ns);
  end_poll(poll);
}

void runtime::end_task(detail::task_header* task, task_outcome outcome, std::string_view message) {
  if (task->state & detail::task_ended) return;
  task->state |= detail::task_ended;
  task->outcome = outcome;
  ++task->refs;  // Keep the task alive while its future's destructors run.
  // Destructors may wake others (a dropped mutex guard) or cancel timers: attribute to the task.
  detail::task_header* saved_task = std::exchange(current_task_, task);
  {
    actor_scope ending(*this, {wake_source::task, task->id, actor_.cause});
    task->vtable->drop_future(task);
    std::uint64_t seq = emit({.cause = actor_.cause,
                              .task = task->id,
                              .text = trace_.intern(message),
                              .kind = event_kind::task_end,
                              .detail = static_cast<std::uint8_t>(outcome)});
    scheduler_->task_ended(task);
    live_.remove(task);
    if (task->join_waiter) {
      actor_.cause = seq;  // The join handle's wake is caused by the end.
      waker w = std::move(*task->join_waiter);
      task->join_waiter.reset();
      std::move(w).wake();
    }
  }
  current_task_ = saved_task;
  release_task(task);  // The live list's reference.
  release_task(task);  // The one taken above.
}

void runtime::abort_task(detail::task_header* task) {
  if (task->state & (detail::task_ended | detail::task_closed)) return;
  task->state |= detail::task_closed;
  if (task->state & (detail::task_scheduled | detail::task_running)) return;
  if (shutting_down_) return;
  task->state |= detail::task_scheduled;
  schedule(task, enqueue_reason::abort, actor_.cause, false);
}

bool runtime::coop_exhausted(context& cx) {
  emit({.cause = actor_.cause,
        .arg = options_.strategy.coop_budget,
        .task = current_task_ != nullptr ? current_task_->id : 0,
        .kind = event_kind::coop_exhausted});
  cx.waker().wake_by_ref();
  return false;
}

}  // namespace wakeline
