// Ticks at a fixed period (tokio's `time::interval` with `MissedTickBehavior::Burst`): the first
// tick completes at once, then one every `period`. Ticks are scheduled from the previous tick's
// deadline, not from when it was observed, so a task that falls behind gets the missed ticks
// back to back until it has caught up.
#pragma once

#include <chrono>
#include <cstdint>
#include <stdexcept>

#include "../future.hpp"
#include "../runtime.hpp"
#include "sleep.hpp"

namespace wakeline {

class interval;

/// The future returned by `interval::tick()`: completes with the tick's scheduled time (ns since
/// the runtime started). Dropping it before it completes leaves the interval where it was, so
/// the same tick is waited for again (tokio's `tick` is cancel safe in the same way).
class interval_tick {
 public:
  interval_tick(interval& owner, sleep_future sleep) : owner_(&owner), sleep_(std::move(sleep)) {}

  inline wakeline::poll<std::uint64_t> poll(context& cx);

 private:
  interval* owner_;
  sleep_future sleep_;
};

/// A stream of ticks every `period`; the first one at creation (or at `start_ns` for
/// `interval_at`). Must outlive the tick futures it hands out.
class interval {
 public:
  /// Ticks now, then every `period`; throws std::invalid_argument for a period that is not
  /// positive, as tokio panics on a zero period.
  explicit interval(std::chrono::nanoseconds period)
      : interval(runtime::current().now_ns(), period) {}

  /// Ticks at `start_ns` (ns since the runtime started), then every `period`.
  interval(std::uint64_t start_ns, std::chrono::nanoseconds period)
      : rt_(&runtime::current()), next_ns_(start_ns), period_ns_(checked(period)) {}

  /// Waits for the next tick. `where` is the source line the timer is armed for.
  interval_tick tick(source_location where = source_location::current()) {
    return interval_tick(*this, sleep_future(*rt_, next_ns_, where));
  }

  /// The time between ticks, in ns.
  std::uint64_t period() const { return period_ns_; }
  /// When the next tick is scheduled, in ns since the runtime started.
  std::uint64_t next_tick() const { return next_ns_; }

 private:
  friend class interval_tick;

  static std::uint64_t checked(std::chrono::nanoseconds period) {
    if (period.count() <= 0) throw std::invalid_argument("wakeline: interval period must be > 0");
    return static_cast<std::uint64_t>(period.count());
  }

  runtime* rt_;
  std::uint64_t next_ns_;
  std::uint64_t period_ns_;
};

wakeline::poll<std::uint64_t> interval_tick::poll(context& cx) {
  if (sleep_.poll(cx).is_pending()) return poll_pending;
  std::uint64_t scheduled = sleep_.deadline();
  // Burst: the next tick is one period after this one was due, even if that is already past.
  owner_->next_ns_ = scheduled + owner_->period_ns_;
  return scheduled;
}

/// Ticks at `start_ns` (ns since the runtime started), then every `period` (tokio's `interval_at`).
inline interval interval_at(std::uint64_t start_ns, std::chrono::nanoseconds period) {
  return interval(start_ns, period);
}

}  // namespace wakeline
