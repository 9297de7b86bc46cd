// smol's executor (async-executor 1.5, src/lib.rs: `State::schedule`, `Runner::runnable`,
// `steal`, `Executor::run`; the `Sleepers` of its tickers), its worker threads simulated on one
// thread in virtual time (worker_pool.hpp):
// - Every wake and every spawn goes to the one global queue, and notifies a sleeping worker
//   unless one is already notified (`State::notify`: the last to fall asleep wakes first).
// - A worker looks for a task in its local queue (512 tasks); else it pops one from the global
//   queue and moves half of the rest (rounded up, as much as fits) into its local queue; else it
//   steals half of another worker's local queue, starting from a random one. Finding a task it
//   notifies another sleeping worker, in case this task takes long.
// - Every 64 tasks a worker also moves half of the global queue into its local one, so the
//   global queue is never starved.
// - After 200 tasks (`polls_per_yield`) a worker's `run` loop yields to its thread's block_on,
//   which looks at timers and I/O before polling it again.
// - With nothing found the worker sleeps; the first to sleep while the driver is free sleeps on
//   it (async-io's reactor) until the next timer.
// - `yield_now` wakes the task at once: it goes to the back of the global queue.
// The thread that called block_on polls the root future (worker N in the trace); it runs no
// other task, where smol's own block_on thread would also run tasks if it ran the executor.
#pragma once

#include <deque>
#include <vector>

#include "worker_pool.hpp"

namespace wakeline::detail {

class smol_scheduler final : public worker_pool {
 public:
  explicit smol_scheduler(runtime_hooks rt);

  void schedule(task_header* task, enqueue_reason reason, std::uint64_t cause,
                bool after_own_poll) override;
  void drain() override;

 private:
  struct worker {
    std::deque<task_header*> local;
    std::uint64_t ticks = 0;      ///< Tasks found, for the every-64 look at the global queue.
    std::uint64_t run_polls = 0;  ///< Tasks run since the `run` loop last yielded.
    std::uint64_t rng = 0;
  };

  void act(std::uint16_t w) override;
  void driver_deadline(std::uint16_t w) override;
  task_header* find_task(std::uint16_t w, std::uint64_t& depth);
  void steal(std::uint16_t w, std::deque<task_header*>& from, queue_kind kind, int victim);
  void notify();

  std::vector<worker> workers_;
  std::deque<task_header*> global_;
  std::vector<std::uint16_t> sleepers_;  ///< Asleep and not notified, in the order they slept.
  int notified_ = no_worker;             ///< Woken by a notification, not yet searching.
};

}  // namespace wakeline::detail
