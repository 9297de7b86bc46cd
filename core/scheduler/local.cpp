#include "local.hpp"

namespace wakeline::detail {

void local_scheduler::drain() {
  while (task_header* task = queue_.pop_front()) rt_.release_queued(task);
}

}  // namespace wakeline::detail
