// The `local` strategy: one worker, one FIFO run queue. Every wake, the root's included, queues
// the task at the back; timers and I/O are looked at when the queue is empty (parking until the
// next deadline) and every `event_interval` (61) polls, so a busy queue cannot starve them.
#pragma once

#include "scheduler.hpp"
#include "task_fifo.hpp"

namespace wakeline::detail {

class local_scheduler final : public scheduler {
 public:
  using scheduler::scheduler;

  void schedule(task_header* task, enqueue_reason reason, std::uint64_t cause,
                bool after_own_poll) override;
  std::optional<run_outcome> step() override;
  void drain() override;

 private:
  task_fifo queue_;
  /// Polls since the driver was last looked at: compared with the interval rather than a tick
  /// count taken modulo it, since a division per poll costs more than the rest of the step.
  std::uint64_t polls_since_drive_ = 0;
};

}  // namespace wakeline::detail
