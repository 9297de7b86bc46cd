#include "local.hpp"

namespace wakeline::detail {

std::optional<run_outcome> local_scheduler::park() {
  if (!rt_.drive(true)) {
    rt_.report_deadlock();
    return run_outcome::deadlock;
  }
  return std::nullopt;
}

void local_scheduler::drain() {
  while (task_header* task = queue_.pop_front()) rt_.release_queued(task);
}

}  // namespace wakeline::detail
