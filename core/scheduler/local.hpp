// The `local` strategy: one worker, one FIFO run queue. Every wake, the root's included, queues
// the task at the back; timers and I/O are looked at when the queue is empty (parking until the
// next deadline) and every `event_interval` (61) polls, so a busy queue cannot starve them.
//
// `local` is the default strategy and the one the benchmarks measure, so its hot steps are
// defined here, inline: the runtime calls them directly (scheduler/dispatch.hpp) rather than
// through the scheduler's virtual functions, and the compiler can fold them into the poll.
#pragma once

#include "scheduler.hpp"
#include "task_fifo.hpp"

namespace wakeline::detail {

class local_scheduler final : public scheduler {
 public:
  using scheduler::scheduler;

  void schedule(task_header* task, enqueue_reason reason, std::uint64_t cause,
                bool /*after_own_poll*/) override {
    rt_.retain_task(task);  // The queue's reference.
    queue_.push_back(task);
    rt_.record_enqueue(task, reason, cause, queue_kind::run, queue_.size());
  }

  std::optional<run_outcome> step() override {
    if (task_header* task = queue_.pop_front()) [[likely]] {
      rt_.poll_now(task, queue_.size(), true);
      if (++polls_since_drive_ == rt_.strategy().event_interval) {
        polls_since_drive_ = 0;
        rt_.drive(false);
      }
      return std::nullopt;
    }
    return rt_.park_or_deadlock();
  }

  void drain() override;

 private:
  task_fifo queue_;
  /// Polls since the driver was last looked at: compared with the interval rather than a tick
  /// count taken modulo it, since a division per poll costs more than the rest of the step.
  std::uint64_t polls_since_drive_ = 0;
};

}  // namespace wakeline::detail
