// Ticks at a fixed period (tokio's `time::interval`): the first tick completes at once, then one
// every `period`. Ticks are scheduled from the previous tick's deadline, not from when it was
// observed; a task that falls more than 5 ms behind gets its missed ticks as its
// `missed_tick_behavior` says: `burst` (the default) back to back until it has caught up,
// `delay` one period after now, `skip` at the next tick of the original schedule.
//
// Tokio 1.24.2's rules (`time/interval.rs`, under tokio-1.24.2/src/), and what Wakeline does:
// - One `Sleep` for the interval's life (`delay`, 115-146, `sleep_until(start)`), filed in the
//   wheel at the first tick's poll (sleep.hpp).
// - `poll_tick` (462-489): poll the sleep; ready, read its deadline (the tick's time) and now;
//   the next deadline is `deadline + period`, unless now is more than 5 ms past the deadline
//   (478): then `MissedTickBehavior::next_timeout` (341-361). Then `reset` the sleep to it,
//   inside this same poll (485).
// - That reset happens after the sleep's ready poll, which left the task's waker in the timer
//   (sleep.hpp). So (a) a next deadline already due (a burst of missed ticks) fires in the
//   reset and wakes the task at once: the task, woken during its own poll, is polled again at
//   the same instant before its next tick is ready; and (b) a next deadline in the future
//   wakes the task when it comes, even if the task is then waiting for something else. The
//   tokio flavour (core/strategy.hpp) keeps one sleep and resets it as Tokio does; the
//   textbook one arms a fresh timer at each `tick()`'s first poll, so neither wake happens.
// - `tick()` is `poll_fn(|cx| self.poll_tick(cx))` (interval.rs:433-449): dropping it changes
//   nothing, the same tick is waited for again. Same here.
// - `reset()` (517-519): the next tick one period from now, by a reset of the one sleep, which
//   files its timer in the reset's call even before the first tick (sleep.hpp). The tokio
//   flavour makes its sleep then if the first tick has not yet; the textbook one only moves
//   the schedule.
//
// Proved by the fidelity scenarios `interval_burst`, `interval_delay`, `interval_skip`,
// `interval_wakes_sleeping_task`, `interval_reset`, `interval_reset_before_tick`
// (docs/tokio-fidelity.md), and by the programs tests/lang/programs/interval*.rs.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <stdexcept>

#include "../detail/flavour.hpp"
#include "../future.hpp"
#include "../runtime.hpp"
#include "sleep.hpp"

namespace wakeline {

class interval;

/// What an interval does when a tick is late by more than 5 ms (tokio's `MissedTickBehavior`).
enum class missed_tick_behavior : std::uint8_t {
  /// The missed ticks come back to back, then the original schedule resumes.
  burst,
  /// The next tick is one period after the late one was observed: the schedule shifts.
  delay,
  /// The missed ticks are dropped: the next tick is the next one of the original schedule.
  skip,
};

/// The future returned by `interval::tick()`: completes with the tick's scheduled time (ns since
/// the runtime started). Dropping it before it completes leaves the interval where it was, so
/// the same tick is waited for again (tokio's `tick` is cancel safe in the same way).
class interval_tick {
 public:
  interval_tick(interval& owner, source_location where) : owner_(&owner), where_(where) {}

  inline wakeline::poll<std::uint64_t> poll(context& cx);

 private:
  interval* owner_;
  source_location where_;
  std::optional<sleep_future> sleep_;  ///< The textbook flavour's timer for this tick.
};

/// A stream of ticks every `period`; the first one at creation (or at `start_ns` for
/// `interval_at`). Must outlive the tick futures it hands out.
class interval {
 public:
  /// Ticks now, then every `period`; throws std::invalid_argument for a period that is not
  /// positive, as tokio panics on a zero period.
  explicit interval(std::chrono::nanoseconds period)
      : interval(runtime::current().code_now_ns(), period) {}

  /// Ticks at `start_ns` (ns since the runtime started), then every `period`.
  interval(std::uint64_t start_ns, std::chrono::nanoseconds period)
      : rt_(&runtime::current()), next_ns_(start_ns), period_ns_(checked(period)) {}

  /// Waits for the next tick. `where` is the source line the timer is armed for.
  interval_tick tick(source_location where = source_location::current()) {
    return interval_tick(*this, where);
  }

  /// The time between ticks, in ns.
  std::uint64_t period() const { return period_ns_; }
  /// When the next tick is scheduled, in ns since the runtime started.
  std::uint64_t next_tick() const { return next_ns_; }

  /// What a tick late by more than 5 ms does to the schedule; `burst` unless set.
  missed_tick_behavior missed_ticks() const { return behavior_; }
  void set_missed_tick_behavior(missed_tick_behavior b) { behavior_ = b; }

  /// Schedules the next tick one period from now (tokio's `Interval::reset`). Under Tokio's
  /// rules the interval's one timer is filed there and then, before the first tick too.
  void reset(source_location where = source_location::current()) {
    next_ns_ = rt_->code_now_ns() + period_ns_;
    if (!delay_ && detail::tokio_primitives()) delay_.emplace(*rt_, next_ns_, where);
    if (delay_) delay_->reset(next_ns_);
  }

 private:
  friend class interval_tick;

  static std::uint64_t checked(std::chrono::nanoseconds period) {
    if (period.count() <= 0) throw std::invalid_argument("wakeline: interval period must be > 0");
    return static_cast<std::uint64_t>(period.count());
  }

  /// The deadline after a tick due at `scheduled`, observed at `now` (interval.rs:478-483,
  /// `MissedTickBehavior::next_timeout` 341-361).
  std::uint64_t next_after(std::uint64_t scheduled, std::uint64_t now) const {
    constexpr std::uint64_t late = 5'000'000;  // 5 ms
    if (now <= scheduled + late) return scheduled + period_ns_;
    switch (behavior_) {
      case missed_tick_behavior::burst:
        break;
      case missed_tick_behavior::delay:
        return now + period_ns_;
      case missed_tick_behavior::skip:
        return now + period_ns_ - (now - scheduled) % period_ns_;
    }
    return scheduled + period_ns_;
  }

  runtime* rt_;
  std::uint64_t next_ns_;
  std::uint64_t period_ns_;
  missed_tick_behavior behavior_ = missed_tick_behavior::burst;
  /// Tokio's one `Sleep`, reset after each tick (the tokio flavour only).
  std::optional<sleep_future> delay_;
};

wakeline::poll<std::uint64_t> interval_tick::poll(context& cx) {
  interval& owner = *owner_;
  if (detail::tokio_primitives()) {
    if (!owner.delay_) owner.delay_.emplace(*owner.rt_, owner.next_ns_, where_);
    if (owner.delay_->poll(cx).is_pending()) return poll_pending;
    std::uint64_t scheduled = owner.delay_->deadline();
    owner.next_ns_ = owner.next_after(scheduled, owner.rt_->code_now_ns());
    // In this poll, with this task's waker still in the timer: a deadline already due wakes it.
    owner.delay_->reset(owner.next_ns_);
    return scheduled;
  }
  if (!sleep_) sleep_.emplace(*owner.rt_, owner.next_ns_, where_);
  if (sleep_->poll(cx).is_pending()) return poll_pending;
  std::uint64_t scheduled = sleep_->deadline();
  owner.next_ns_ = owner.next_after(scheduled, owner.rt_->code_now_ns());
  return scheduled;
}

/// Ticks at `start_ns` (ns since the runtime started), then every `period` (tokio's `interval_at`).
inline interval interval_at(std::uint64_t start_ns, std::chrono::nanoseconds period) {
  return interval(start_ns, period);
}

}  // namespace wakeline
