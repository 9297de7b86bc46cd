// Tokio 1.24's current_thread scheduler (tokio/src/runtime/scheduler/current_thread.rs,
// `CoreGuard::block_on`):
// - the root future is not a task in the queue: a wake sets a flag, and the root is polled at
//   the start of the next pass;
// - a pass polls up to `event_interval` (61) tasks from the FIFO local queue, then polls the
//   driver (timers) without waiting;
// - an empty queue parks on the driver, which in paused time advances the clock to the next
//   timer;
// - `yield_now` defers its wake until after the next driver poll (task/yield_now.rs,
//   runtime/defer.rs);
// - each poll has a coop budget of 128 operations on resources (runtime/coop.rs), after which
//   they return pending and wake the task at once (runtime.cpp, `coop_poll_proceed`).
// Wakes from outside the runtime thread would use an inject queue checked every 31 ticks; a
// simulated run has no other thread, so there is none here.
// Under this strategy the primitives follow Tokio's own rules too (`primitive_flavour::tokio`,
// core/strategy.hpp; docs/tokio-fidelity.md), and the trace header says `"primitives":"tokio"`.
#pragma once

#include "defer.hpp"
#include "scheduler.hpp"
#include "task_fifo.hpp"

namespace wakeline::detail {

class tokio_current_thread_scheduler final : public scheduler {
 public:
  using scheduler::scheduler;

  void schedule(task_header* task, enqueue_reason reason, std::uint64_t cause,
                bool after_own_poll) override;
  std::optional<run_outcome> step() override;
  void yield(context& cx) override;
  void drain() override;

 private:
  void end_pass();

  task_fifo queue_;
  bool root_woken_ = false;       ///< The root future waits to be polled at the next pass.
  bool pass_begun_ = false;       ///< This pass has looked at the root already.
  std::uint64_t pass_polls_ = 0;  ///< Tasks polled in this pass, up to the event interval.
  deferred_wakes deferred_;       ///< Yields waiting for the next driver poll, in order.
};

}  // namespace wakeline::detail
