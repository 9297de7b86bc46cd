#include "scheduler.hpp"

#include "../context.hpp"
#include "embassy.hpp"
#include "local.hpp"
#include "smol.hpp"
#include "tokio_current_thread.hpp"
#include "tokio_multi_thread.hpp"

namespace wakeline::detail {

void scheduler::yield(context& cx) { cx.waker().wake_by_ref(); }

bool scheduler::may_spawn(const source_location&) { return true; }

void scheduler::task_ended(task_header*) {}

std::unique_ptr<scheduler> make_scheduler(runtime_hooks rt, const strategy_config& config) {
  switch (config.kind) {
    case strategy_kind::local:
      return std::make_unique<local_scheduler>(rt);
    case strategy_kind::tokio_current_thread:
      return std::make_unique<tokio_current_thread_scheduler>(rt);
    case strategy_kind::embassy:
      return std::make_unique<embassy_scheduler>(rt);
    case strategy_kind::tokio_multi_thread:
      return std::make_unique<tokio_multi_thread_scheduler>(rt);
    case strategy_kind::smol:
      return std::make_unique<smol_scheduler>(rt);
  }
  throw std::invalid_argument("wakeline: no such strategy");
}

}  // namespace wakeline::detail
