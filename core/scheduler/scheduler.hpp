// What a strategy decides: where a runnable task waits, which task runs next on which worker,
// and when the driver (timers, I/O) is looked at. The runtime keeps what every strategy shares:
// tasks, wakers, timers, the clock and the trace; it asks its scheduler for the rest.
//
// A poll has two halves (runtime::begin_poll, runtime::end_poll). Its code runs at once, at
// the virtual time it begins, and its effects (wakes, spawns, messages) are recorded there; the
// poll ends `cost` later (the strategy's `poll_cost_ns` plus what the task declared with
// `wakeline::busy`). A single-worker strategy lets the clock run on to the end; a multi-worker
// one keeps the poll in flight while its other workers go on, so their work overlaps in time.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>

#include "../detail/task.hpp"
#include "../source_location.hpp"
#include "../strategy.hpp"
#include "../trace/event.hpp"

namespace wakeline {
class context;
class runtime;
}  // namespace wakeline

namespace wakeline::detail {

/// A poll whose code has run and whose end is not recorded yet.
struct poll_in_flight {
  task_header* task = nullptr;
  std::uint64_t begin_seq = 0;
  std::uint64_t cost_ns = 0;  ///< Virtual time from its beginning to its end.
  bool done = false;          ///< The future completed.
  bool queued = false;        ///< The task came from a queue, whose reference end_poll releases.
  std::uint16_t worker = 0;
  std::uint64_t coop_left = 0;  ///< Coop budget the poll left unspent.
};

class scheduler {
 public:
  explicit scheduler(runtime& rt) : rt_(rt) {}
  virtual ~scheduler() = default;
  scheduler(const scheduler&) = delete;
  scheduler& operator=(const scheduler&) = delete;

  /// Puts a runnable task where it waits for a worker: spawned, woken, yielded or aborted.
  /// `after_own_poll`: it was woken while being polled, and that poll has just ended.
  /// A queue that holds the task takes a reference (runtime::retain_task).
  virtual void schedule(task_header* task, enqueue_reason reason, std::uint64_t cause,
                        bool after_own_poll) = 0;

  /// One step of the run loop: begin or end a poll, look at the driver, or park. Returns an
  /// outcome when nothing can ever run again (after runtime::report_deadlock).
  virtual std::optional<run_outcome> step() = 0;

  /// `yield_now`: by default the task is woken at once, like any wake.
  virtual void yield(context& cx);

  /// Whether a spawn at `where` may create its task (embassy's pools can be full).
  virtual bool may_spawn(const source_location& where);

  /// A task has ended (its pool slot, if any, is free again).
  virtual void task_ended(task_header* task);

  /// Empties every queue at shutdown: each queued task goes to runtime::release_queued.
  virtual void drain() = 0;

 protected:
  runtime& rt_;
};

/// The scheduler that follows `config`'s strategy.
std::unique_ptr<scheduler> make_scheduler(runtime& rt, const strategy_config& config);

}  // namespace wakeline::detail
