// What a strategy decides: where a runnable task waits, which task runs next on which worker,
// and when the driver (timers, I/O) is looked at. The runtime keeps what every strategy shares:
// tasks, wakers, timers, the clock and the trace; a scheduler reaches it through its hooks
// (runtime_hooks.hpp), and polls in two halves (task/harness.hpp) when its workers overlap.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>

#include "../detail/task.hpp"
#include "../source_location.hpp"
#include "../strategy.hpp"
#include "../task/harness.hpp"
#include "../trace/event.hpp"
#include "runtime_hooks.hpp"

namespace wakeline {
class context;
}  // namespace wakeline

namespace wakeline::detail {

class scheduler {
 public:
  explicit scheduler(runtime_hooks rt) : rt_(rt) {}
  virtual ~scheduler() = default;
  scheduler(const scheduler&) = delete;
  scheduler& operator=(const scheduler&) = delete;

  /// Puts a runnable task where it waits for a worker: spawned, woken, yielded or aborted.
  /// `after_own_poll`: it was woken while being polled, and that poll has just ended.
  /// A queue that holds the task takes a reference (runtime_hooks::retain_task).
  virtual void schedule(task_header* task, enqueue_reason reason, std::uint64_t cause,
                        bool after_own_poll) = 0;

  /// One step of the run loop: begin or end a poll, look at the driver, or park. Returns an
  /// outcome when nothing can ever run again (after runtime_hooks::report_deadlock).
  virtual std::optional<run_outcome> step() = 0;

  /// `yield_now`: by default the task is woken at once, like any wake.
  virtual void yield(context& cx);

  /// Whether a spawn at `where` may create its task (embassy's pools can be full).
  virtual bool may_spawn(const source_location& where);

  /// A task has ended (its pool slot, if any, is free again).
  virtual void task_ended(task_header* task);

  /// Empties every queue at shutdown: each queued task goes to runtime_hooks::release_queued.
  virtual void drain() = 0;

 protected:
  runtime_hooks rt_;
};

/// The scheduler that follows `config`'s strategy.
std::unique_ptr<scheduler> make_scheduler(runtime_hooks rt, const strategy_config& config);

}  // namespace wakeline::detail
