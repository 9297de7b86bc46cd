#include "embassy.hpp"

namespace wakeline::detail {

void embassy_scheduler::schedule(task_header* task, enqueue_reason reason, std::uint64_t cause,
                                 bool /*after_own_poll*/) {
  if (reason == enqueue_reason::spawn && claimed_) {
    slot_of_.emplace(task, *claimed_);
    claimed_.reset();
  }
  rt_.retain_task(task);  // The queue's reference.
  bool was_empty = queue_.push(task);
  rt_.record_enqueue(task, reason, cause, queue_kind::pool, queue_.size());
  bool no_pend = scanning_timers_ && rt_.current_actor().source == wake_source::timer;
  if (was_empty && !no_pend) {
    rt_.emit({.cause = task->enqueue_cause, .task = task->id, .kind = event_kind::pend});
  }
}

// One step of `Executor::run`'s `loop { poll(); wfe }`: a poll of the batch under way; or, between
// batches, the expired timers then the whole run queue as the next batch; or a sleep (WFE) until
// an interrupt pends.
std::optional<run_outcome> embassy_scheduler::step() {
  rt_.set_worker(0);
  if (!batch_.empty()) {
    poll_next_of_batch();
    return std::nullopt;
  }
  // `SyncExecutor::poll` begins with the timer queue's expired entries (`wake_task_no_pend`).
  scanning_timers_ = true;
  rt_.drive(false);
  scanning_timers_ = false;
  if (!queue_.empty()) {
    batch_ = queue_.take();
    rt_.emit({.arg = batch_.size(), .kind = event_kind::batch_begin});
    poll_next_of_batch();
    return std::nullopt;
  }
  return rt_.park_or_deadlock();
}

void embassy_scheduler::poll_next_of_batch() {
  task_header* task = batch_.pop();
  rt_.poll_now(task, batch_.size(), true);
  if (batch_.empty()) rt_.emit({.kind = event_kind::batch_end});
}

bool embassy_scheduler::may_spawn(const source_location& where) {
  site s{where.file != nullptr ? std::string_view(where.file) : std::string_view(), where.line};
  std::uint64_t& taken = taken_[s];
  if (taken >= rt_.strategy().pool_size) return false;  // SpawnError::Busy
  ++taken;
  claimed_ = s;
  return true;
}

void embassy_scheduler::task_ended(task_header* task) {
  auto it = slot_of_.find(task);
  if (it == slot_of_.end()) return;  // The root: not from a pool.
  --taken_[it->second];
  slot_of_.erase(it);
}

void embassy_scheduler::drain() {
  while (task_header* task = batch_.pop()) rt_.release_queued(task);
  while (task_header* task = queue_.pop()) rt_.release_queued(task);
}

}  // namespace wakeline::detail
