// The scheduling strategies a runtime can follow, and their settings. Each strategy emulates a
// real runtime's documented rules, deterministically, on one thread; core/scheduler/ has one
// file per strategy, with the runtime version it follows.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace wakeline {

enum class strategy_kind : std::uint8_t {
  /// One FIFO run queue; every wake, the root's included, queues the task at the back; timers
  /// are looked at when the queue is empty and every 61 polls.
  local,
  /// Tokio 1.24's current_thread scheduler (core/scheduler/tokio_current_thread.hpp).
  tokio_current_thread,
  /// Tokio's multi_thread scheduler: N workers with local queues, LIFO slot, inject queue,
  /// work stealing (core/scheduler/tokio_multi_thread.hpp).
  tokio_multi_thread,
  /// smol's async-executor: one global queue, workers that steal from it and from each other
  /// (core/scheduler/smol.hpp).
  smol,
  /// Embassy's executor: static task pools, batches, a pender, sleep between batches
  /// (core/scheduler/embassy.hpp).
  embassy,
};

inline constexpr strategy_kind last_strategy_kind = strategy_kind::embassy;

/// True for strategies whose several workers exist only in virtual time (one thread plays them).
constexpr bool simulates_workers(strategy_kind kind) {
  return kind == strategy_kind::tokio_multi_thread || kind == strategy_kind::smol;
}

/// Whose rules the synchronisation primitives, timers and macros follow where runtimes differ
/// (the order a batch of waiters is woken, a waker kept after its future is dropped, ...).
/// Each primitive's header comment lists its rules, with Tokio's source lines.
enum class primitive_flavour : std::uint8_t {
  /// The plain rules a reader would write: batches woken in queue order, every waker released
  /// by the future that registered it, `join` polling its branches in argument order.
  textbook,
  /// Tokio 1.24.2's rules, where they differ from the textbook's.
  tokio,
};

/// The flavour a strategy's primitives follow: Tokio's under the strategy that is compared poll
/// for poll with Tokio (tests/fidelity), the textbook's elsewhere.
constexpr primitive_flavour primitives_of(strategy_kind kind) {
  return kind == strategy_kind::tokio_current_thread ? primitive_flavour::tokio
                                                     : primitive_flavour::textbook;
}

/// The flavour's name as the trace header spells it: "textbook" or "tokio".
constexpr std::string_view to_string(primitive_flavour flavour) {
  return flavour == primitive_flavour::tokio ? "tokio" : "textbook";
}

/// Tokio 1.24's current_thread parameters (runtime/builder.rs, `new_current_thread`).
namespace tokio_params {
constexpr std::uint32_t event_interval = 61;
constexpr std::uint32_t global_queue_interval = 31;
constexpr std::uint32_t coop_budget = 128;
}  // namespace tokio_params

/// The numbers a strategy can be tuned with. Each strategy has its own subset, with its own
/// defaults (`settings_of`); the others keep the values below and are not read.
struct strategy_config {
  strategy_kind kind = strategy_kind::local;
  /// Virtual time every poll takes, in ns (`wakeline::busy` adds to it from inside a poll).
  std::uint64_t poll_cost_ns = 0;
  std::uint64_t workers = 1;
  /// Polls between two looks at the driver (timers, I/O).
  std::uint64_t event_interval = tokio_params::event_interval;
  /// Polls between two looks at the shared queue before the worker's own.
  std::uint64_t global_queue_interval = tokio_params::global_queue_interval;
  /// Tokio 1.29's self-tuning of `global_queue_interval` instead of a fixed value (0 or 1).
  std::uint64_t self_tuning = 0;
  /// Resource operations a poll may complete before they return pending; 0: no budget.
  std::uint64_t coop_budget = 0;
  std::uint64_t local_queue_capacity = 256;
  /// Whether a task woken by a worker goes to its LIFO slot (0 or 1).
  std::uint64_t lifo_slot = 1;
  std::uint64_t max_lifo_polls = 3;
  /// Polls a worker's run loop makes before it yields to the host (smol: 200).
  std::uint64_t polls_per_yield = 200;
  /// Tasks a spawn site's static pool holds (embassy's `pool_size`).
  std::uint64_t pool_size = 1;

  strategy_config() = default;
  /// The strategy with its default settings.
  strategy_config(strategy_kind k);  // NOLINT(google-explicit-constructor): a kind is a config.

  bool operator==(strategy_kind k) const { return kind == k; }
};

/// One tunable number of a strategy, as `--set name=value` and the trace header name it.
struct strategy_setting {
  std::string_view name;
  std::uint64_t strategy_config::*field;
  std::uint64_t default_value;
  std::uint64_t min;
  std::uint64_t max;
  bool boolean;
  std::string_view description;
};

/// The settings of a strategy, in the order the trace header lists them.
std::span<const strategy_setting> settings_of(strategy_kind kind);

/// The setting of that name of the strategy, or nullptr.
const strategy_setting* find_setting(strategy_kind kind, std::string_view name);

/// The strategy's name as the CLI, the API and the trace header spell it.
constexpr std::string_view to_string(strategy_kind kind) {
  switch (kind) {
    case strategy_kind::local:
      return "local";
    case strategy_kind::tokio_current_thread:
      return "tokio-current-thread";
    case strategy_kind::tokio_multi_thread:
      return "tokio-multi-thread";
    case strategy_kind::smol:
      return "smol";
    case strategy_kind::embassy:
      return "embassy";
  }
  return "local";
}

/// The strategy of that name, if there is one.
constexpr std::optional<strategy_kind> parse_strategy(std::string_view name) {
  for (int k = 0; k <= static_cast<int>(last_strategy_kind); ++k) {
    if (to_string(static_cast<strategy_kind>(k)) == name) return static_cast<strategy_kind>(k);
  }
  return std::nullopt;
}

}  // namespace wakeline
