// The scheduling strategies a runtime can follow: which task runs next, when timers are looked
// at, how a yield and a busy task are treated. Each emulates a real runtime's documented rules,
// deterministically, on one thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace wakeline {

enum class strategy_kind : std::uint8_t {
  /// One FIFO run queue; every wake, the root's included, queues the task at the back; timers
  /// are looked at when the queue is empty and every 61 polls.
  local,
  /// Tokio 1.24's current_thread scheduler (tokio/src/runtime/scheduler/current_thread.rs,
  /// `CoreGuard::block_on`): the root future is not queued but polled at the start of each pass
  /// when woken; a pass polls up to 61 tasks from the FIFO local queue, then polls the driver
  /// (timers) without waiting; an empty queue parks on the driver, which in paused time advances
  /// the clock to the next timer; `yield_now` defers its wake until after the next driver poll
  /// (task/yield_now.rs, runtime/defer.rs); each poll has a coop budget of 128 operations on
  /// resources (runtime/coop.rs), after which they return pending and wake the task at once.
  tokio_current_thread,
};

/// Tokio 1.24's current_thread parameters (runtime/builder.rs, `new_current_thread`).
namespace tokio_params {
constexpr std::uint32_t event_interval = 61;
constexpr std::uint32_t global_queue_interval = 31;
constexpr std::uint32_t coop_budget = 128;
}  // namespace tokio_params

/// The strategy's name as the CLI, the API and the trace header spell it.
constexpr std::string_view to_string(strategy_kind kind) {
  switch (kind) {
    case strategy_kind::local: return "local";
    case strategy_kind::tokio_current_thread: return "tokio-current-thread";
  }
  return "local";
}

/// The strategy of that name, if there is one.
constexpr std::optional<strategy_kind> parse_strategy(std::string_view name) {
  for (auto kind : {strategy_kind::local, strategy_kind::tokio_current_thread}) {
    if (to_string(kind) == name) return kind;
  }
  return std::nullopt;
}

}  // namespace wakeline
