// Tokio's multi_thread scheduler, its workers simulated on one thread in virtual time.
// It follows tokio 1.24.2 (runtime/scheduler/multi_thread/{worker,queue,idle}.rs), the version
// Debian packages and the fidelity tests build, except where a rule says otherwise:
//
// - Workers 0..N-1 each own a local queue (256 tasks) and a LIFO slot. The thread that called
//   block_on polls the root future; it is worker N in the trace and has no queue.
// - A task woken or spawned on a worker goes to that worker's LIFO slot; the task it displaces
//   goes to the back of the local queue. A yield, a task woken during its own poll, or any wake
//   while the slot is disabled goes to the back of the queue (`schedule_local`).
// - Wakes from outside a worker (the block_on thread) go to the shared inject queue, and wake
//   a parked worker if none is searching (`schedule_task`, `notify_parked`).
// - A full local queue moves half of itself plus the new task to the inject queue
//   (`push_overflow`).
// - Each turn of a worker's loop is a tick: every 61 ticks it polls the driver without waiting
//   (`maintenance`); every `global_queue_interval` ticks (61, fixed, as before tokio 1.29) it
//   looks at the inject queue before its own (`next_task`). With `self_tuning` the interval
//   follows the poll time instead, between 2 and 127, as tokio 1.29 and later do (simplified:
//   a moving average of every poll's cost, aiming at 200 µs between looks).
// - After a poll, the worker keeps running the task in its LIFO slot while the poll's coop
//   budget lasts (`run_task`); after 3 LIFO polls in a row the slot is disabled until it is
//   empty (MAX_LIFO_POLLS_PER_TICK, tokio 1.29 and later).
// - A worker with nothing to run starts searching, unless half the workers already are; it
//   steals half (rounded up) of a victim's local queue, starting from a random victim, and only
//   while its own queue is at most half full; then it tries the inject queue (`steal_work`).
//   Finding work ends the search; the last searcher to stop wakes another parked worker.
// - Otherwise it parks. The first worker to park while the driver is free sleeps on the driver
//   until the next timer; timer wakes go to its own LIFO slot and queue. The others sleep until
//   a notification (`park`, `park_timeout`, `transition_to_parked`, `transition_from_parked`).
// - `yield_now` defers its wake until the worker next looks at the driver (tokio 1.24's
//   `context::defer`); the deferred wake then goes to the LIFO slot. On the block_on thread a
//   yield wakes at once.
// - Coop budget 128 per poll, shared by the LIFO polls that follow it.
//
// A poll takes `poll_cost_ns` of virtual time (1 µs by default) plus its `wakeline::busy` time;
// meanwhile its worker runs nothing else, so busy workers fill their queues and idle ones steal.
// Runs are deterministic: the only randomness (the first victim of a steal) comes from a
// generator per worker with a fixed seed.
#pragma once

#include <deque>
#include <vector>

#include "defer.hpp"
#include "worker_pool.hpp"

namespace wakeline::detail {

class tokio_multi_thread_scheduler final : public worker_pool {
 public:
  explicit tokio_multi_thread_scheduler(runtime_hooks rt);

  void schedule(task_header* task, enqueue_reason reason, std::uint64_t cause,
                bool after_own_poll) override;
  void yield(context& cx) override;
  void drain() override;

 private:
  struct worker {
    std::deque<task_header*> queue;
    task_header* lifo = nullptr;
    bool searching = false;
    bool in_run_task = false;  ///< Between the polls of one `run_task` (the LIFO loop).
    bool lifo_enabled = true;
    std::uint64_t lifo_polls = 0;
    std::uint64_t coop_left = 0;
    std::uint64_t tick = 0;
    std::uint64_t rng = 0;
    std::uint64_t poll_time_avg = 0;  ///< For self-tuning, in ns.
    deferred_wakes deferred;          ///< Yields waiting for the next look at the driver.
  };

  // The loop of one worker (`Context::run`).
  void act(std::uint16_t w) override;
  void driver_deadline(std::uint16_t w) override;
  void poll_ended(std::uint16_t w, const poll_in_flight& poll) override;
  void continue_run_task(std::uint16_t w);
  void run_task(std::uint16_t w, task_header* task, std::uint64_t depth);
  task_header* next_task(std::uint16_t w, std::uint64_t& depth);
  task_header* steal_work(std::uint16_t w, std::uint64_t& depth);
  void park_worker(std::uint16_t w);
  void look_at_driver(std::uint16_t w, bool fire_timers);

  // Queues and notifications.
  void schedule_local(std::uint16_t w, task_header* task, enqueue_reason reason,
                      std::uint64_t cause, bool is_yield);
  void push_back(std::uint16_t w, task_header* task, enqueue_reason reason, std::uint64_t cause);
  void push_inject(task_header* task, enqueue_reason reason, std::uint64_t cause);
  void notify_parked();
  void notify_if_work_pending();
  void wake_searching(std::uint16_t w);
  void stop_searching(std::uint16_t w);
  std::uint64_t global_queue_interval(const worker& me) const;
  bool driver_free() const;

  std::vector<worker> workers_;
  std::deque<task_header*> inject_;
  std::vector<std::uint16_t> sleepers_;  ///< Parked workers, the last one notified first.
  std::uint64_t searching_ = 0;
  std::uint64_t unparked_ = 0;
};

}  // namespace wakeline::detail
