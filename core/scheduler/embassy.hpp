// embassy-executor 0.5's executor (embassy-executor/src/raw/mod.rs, `SyncExecutor`;
// raw/run_queue_atomics.rs; arch/cortex_m.rs, the thread-mode `Executor::run`):
// - tasks live in static pools: `#[embassy_executor::task(pool_size = N)]` gives a task function
//   N slots, and a spawn finding them all taken fails with `SpawnError::Busy`. Here a spawn site
//   (the file and line of the `spawn` call) stands for a task function and has `pool_size`
//   slots; a slot is free again when its task ends. The root task ("main") is spawned by the
//   runtime, not from a pool, and takes no slot: embassy's `main` is itself a task of its own
//   one-slot pool, spawned once;
// - the run queue is a stack: `enqueue` pushes on its head, and `dequeue_all` takes the whole
//   stack at once and polls it from the head, so a batch runs in the reverse order of enqueue,
//   and a task woken during a batch (itself included) waits for the next batch;
// - `enqueue` calls the pender when it finds the run queue empty: a wake, from an interrupt or
//   from a task, tells the executor it has work (on Cortex-M the pender is SEV, so the next WFE
//   returns at once). Expired timers found by the executor itself at the start of `poll` are
//   enqueued without the pender (`wake_task_no_pend`); the alarm interrupt that ended the sleep
//   pended instead, so a timer wake after a sleep shows one pend;
// - `Executor::run` loops `poll(); wfe`: between batches the executor sleeps until an interrupt
//   (a timer's alarm, simulated I/O) pends; a run where nothing can ever interrupt is a deadlock.
// The whole batch is taken at once, but polled one task per step, so that the runtime's event
// budget and cancel are still checked between any two polls.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "scheduler.hpp"

namespace wakeline::detail {

/// A LIFO stack of tasks linked through their headers, taken whole (embassy's `RunQueue`).
class task_stack {
 public:
  /// Pushes `task` on the head; returns true if the stack was empty.
  bool push(task_header* task) {
    bool was_empty = head_ == nullptr;
    task->next_in_queue = head_;
    head_ = task;
    ++size_;
    return was_empty;
  }

  /// The head task, or nullptr when empty.
  task_header* pop() {
    task_header* task = head_;
    if (task == nullptr) return nullptr;
    head_ = task->next_in_queue;
    task->next_in_queue = nullptr;
    --size_;
    return task;
  }

  /// Empties this stack into a new one, order kept (`dequeue_all`'s swap of the head).
  task_stack take() { return std::exchange(*this, task_stack{}); }

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

 private:
  task_header* head_ = nullptr;
  std::size_t size_ = 0;
};

class embassy_scheduler final : public scheduler {
 public:
  using scheduler::scheduler;

  void schedule(task_header* task, enqueue_reason reason, std::uint64_t cause,
                bool after_own_poll) override;
  std::optional<run_outcome> step() override;
  bool may_spawn(const source_location& where) override;
  void task_ended(task_header* task) override;
  void drain() override;

 private:
  /// A spawn site, standing for the task function whose static pool it spawns into.
  using site = std::pair<std::string_view, std::uint32_t>;

  void poll_next_of_batch();

  task_stack queue_;                     ///< The run queue: tasks woken since the batch was taken.
  task_stack batch_;                     ///< What is left of the batch being polled.
  bool scanning_timers_ = false;         ///< The executor looks at expired timers itself: no pend.
  std::map<site, std::uint64_t> taken_;  ///< Slots taken per pool.
  std::optional<site> claimed_;          ///< Slot claimed by the spawn under way.
  std::unordered_map<task_header*, site> slot_of_;  ///< The pool each live task came from.
};

}  // namespace wakeline::detail
