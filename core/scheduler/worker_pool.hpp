// What the multi-worker strategies share: N workers and the thread that called block_on,
// simulated on one thread in virtual time.
//
// Each step does one thing, in this order of priority:
//   1. a poll whose virtual time is up ends (the earliest first, then the lowest worker);
//   2. the block_on thread polls the root future if it was woken and is not busy;
//   3. a worker that is ready takes one turn of its loop (`act`), workers taking turns;
//   4. nobody can act now: virtual time moves to the next poll's end, or to the next timer
//      deadline when a parked worker sleeps on the driver (`driver_deadline`).
// A poll's code runs when it begins (runtime::begin_poll); its worker then stays busy for its
// cost, so the polls of different workers overlap in time. The block_on thread is worker N in
// the trace: it polls only the root future, and has no queue.
#pragma once

#include <vector>

#include "scheduler.hpp"

namespace wakeline::detail {

class worker_pool : public scheduler {
 public:
  worker_pool(runtime_hooks rt, std::size_t workers);

  std::optional<run_outcome> step() final;

 protected:
  static constexpr int no_worker = -1;  ///< The block_on thread, or the driver with no owner.

  /// One turn of an active worker's loop: poll, look for work, or park.
  virtual void act(std::uint16_t w) = 0;
  /// Time has reached the next deadline and `w`, parked on the driver, wakes to fire timers.
  virtual void driver_deadline(std::uint16_t w) = 0;
  /// A worker's poll has just ended (runtime::end_poll has run).
  virtual void poll_ended(std::uint16_t w, const poll_in_flight& poll);

  /// Begins polling `task` on `w`; the poll ends when its cost has passed.
  void begin(std::uint16_t w, task_header* task, std::uint64_t depth,
             std::optional<std::uint64_t> coop_budget = std::nullopt);
  /// Records that `w` goes to sleep; the first to sleep while the driver is free sleeps on it,
  /// until the next deadline.
  void park(std::uint16_t w);
  /// Wakes a parked worker (records unpark); a worker already awake just stays so.
  void unpark(std::uint16_t w);
  /// Runs `f` as worker `w`'s park routine, where it looks at the driver without waiting: wakes
  /// made meanwhile (due timers) are scheduled as from `w`, with `acting_in_park()` true.
  template <class F>
  void in_park_routine(std::uint16_t w, F&& f) {
    acting_ = w;
    acting_in_park_ = true;
    set_worker(w);
    f();
    set_worker(0);
    acting_in_park_ = false;
    acting_ = no_worker;
  }
  /// Ends every poll still in flight, in time order (at shutdown).
  void finish_polls_in_flight();
  /// True when the root future was woken: handles the root's schedule() calls.
  bool schedule_root(task_header* task, enqueue_reason reason, std::uint64_t cause);

  std::size_t worker_count() const { return slots_.size(); }
  bool parked_on_driver(std::uint16_t w) const { return driver_owner_ == w; }
  /// The worker whose code runs now (its poll, its driver), or no_worker (the block_on thread).
  int acting() const { return acting_; }
  /// True while a parked worker's driver fires timers.
  bool acting_in_park() const { return acting_in_park_; }

 private:
  enum class phase : std::uint8_t { active, running, parked };

  struct slot {
    phase state = phase::active;
    poll_in_flight poll;           ///< While running.
    std::uint64_t busy_until = 0;  ///< While running: when the poll ends.
    std::uint64_t park_seq = 0;    ///< The park event, cause of the unpark.
  };

  void finish(std::uint16_t w);
  void set_worker(std::uint16_t w);
  void poll_root();
  void finish_root();

  std::vector<slot> slots_;
  int driver_owner_ = no_worker;
  std::uint16_t next_actor_ = 0;
  int acting_ = no_worker;
  bool acting_in_park_ = false;
  bool root_woken_ = false;
  bool root_running_ = false;
  poll_in_flight root_poll_;
  std::uint64_t root_busy_until_ = 0;
};

}  // namespace wakeline::detail
