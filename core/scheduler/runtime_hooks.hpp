// The runtime as a scheduler sees it: the steps a strategy's loop is made of, and nothing else
// of the runtime. Each is a call into the runtime, inline, so a scheduler pays nothing for the
// narrower view.
//
//   queues    record_enqueue, retain_task, release_queued
//   polls     poll_now, or begin_poll ... end_poll for a poll kept in flight; set_worker
//   driver    drive (timers and I/O, parking), park_or_deadlock, next_deadline, advance_clock
//   trace     emit, emit_on, current_actor, current_task, act_as
#pragma once

#include <cstdint>
#include <optional>

#include "../runtime.hpp"

namespace wakeline::detail {

class runtime_hooks {
 public:
  explicit runtime_hooks(runtime& rt) : rt_(rt) {}

  /// The strategy's settings.
  const strategy_config& strategy() const { return rt_.options_.strategy; }
  /// The root task ("main"), which some strategies poll outside their queues.
  task_header* root_task() const { return rt_.root_; }

  // Queues.

  /// A queue that holds a task takes a reference.
  void retain_task(task_header* task) { rt_.retain_task(task); }
  /// Records that `task` entered `queue` (holding `depth` tasks now) on `worker`, and makes
  /// the event the cause of its next poll. Inline: with the trace off it is two stores, on
  /// every wake of every strategy.
  void record_enqueue(task_header* task, enqueue_reason reason, std::uint64_t cause,
                      queue_kind queue, std::uint64_t depth, std::uint16_t worker = 0) {
    task->next_reason = enqueue_reason::wake;
    task->enqueue_cause = emit_on(worker, {.cause = cause,
                                           .arg = depth,
                                           .task = task->id,
                                           .ref = static_cast<std::uint32_t>(queue),
                                           .kind = event_kind::task_enqueue,
                                           .detail = static_cast<std::uint8_t>(reason)});
  }
  /// Releases a task taken out of a queue without polling it (shutdown).
  void release_queued(task_header* task) {
    task->state &= ~task_scheduled;
    rt_.release_task(task);
  }

  // Polls.

  /// Begins a poll of `task` on the current worker, `depth` being the length of the queue it
  /// came from: records poll_begin, runs the future once and fills `poll`. Returns false when
  /// the task needs no poll (it ended, or was aborted and has now ended); then a queued task's
  /// reference has been released already. `coop_budget` continues a budget left by an
  /// earlier poll (tokio's LIFO polls share one); by default the poll gets a full one.
  bool begin_poll(poll_in_flight& poll, task_header* task, std::uint64_t depth, bool queued,
                  std::optional<std::uint64_t> coop_budget = std::nullopt) {
    return rt_.begin_poll(poll, task, depth, queued, coop_budget);
  }
  /// Ends a poll `cost_ns` after it began: records poll_end on its worker, then ends the task
  /// or, if it was woken meanwhile, schedules it again.
  void end_poll(const poll_in_flight& poll) { rt_.end_poll(poll); }
  /// Both halves, the clock running on in between: a poll on a single-worker executor.
  void poll_now(task_header* task, std::uint64_t depth, bool queued) {
    rt_.poll_now(task, depth, queued);
  }
  /// The worker events are recorded on; set before acting for a worker.
  void set_worker(std::uint16_t worker) { rt_.worker_ = worker; }

  // The driver.

  /// Looks at timers and I/O; with `may_park`, first sleeps until the next deadline (records
  /// park/unpark). Returns false when parking would wait forever: nothing can wake anyone.
  bool drive(bool may_park) { return rt_.drive(may_park); }
  /// Parks on the driver; when nothing could ever wake anyone, records the deadlock report and
  /// returns the outcome that ends the run.
  std::optional<run_outcome> park_or_deadlock() { return rt_.park_or_deadlock(); }
  /// Records the deadlock report: every live task, where it waits, its wakers.
  void report_deadlock() { rt_.report_deadlock(); }
  /// The next timer deadline or simulated I/O delivery, if any.
  std::optional<std::uint64_t> next_deadline() const { return rt_.next_deadline(); }
  /// Moves virtual time forward to `ns` (no-op with the real clock or for earlier times).
  void advance_clock(std::uint64_t ns) { rt_.advance_clock(ns); }
  std::uint64_t now_ns() const { return rt_.now_ns(); }

  // The trace.

  [[gnu::always_inline]] std::uint64_t emit(const trace_event& e) { return rt_.emit(e); }
  /// Records an event about another worker than the current one (its queue, its park).
  [[gnu::always_inline]] std::uint64_t emit_on(std::uint16_t worker, const trace_event& e) {
    if (!rt_.trace_.enabled()) return 0;
    return rt_.record_now(e, worker);
  }
  const actor& current_actor() const { return rt_.current_actor(); }
  task_header* current_task() const { return rt_.current_task(); }
  /// Attributes the wakes made until the scope ends to `who`.
  [[nodiscard]] actor_scope act_as(actor who) { return actor_scope(rt_, who); }

 private:
  runtime& rt_;
};

}  // namespace wakeline::detail
