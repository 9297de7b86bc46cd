// The timer driver, as Tokio's `time/driver` and Asio's timer service are: the runtime's timers
// on a hierarchical wheel (detail/timer_wheel.hpp) of 1 ms ticks, each with the waker it wakes
// and the ids and events the trace shows.
//
// Life of one timer, and the events it records:
//
//   arm      deadline rounded up to the next tick     (timer_arm; timer_fire at once if due)
//   update   a later poll with another task's waker    (nothing recorded)
//   fire     the driver reaches its tick               (timer_fire, then the wake it makes,
//                                                      attributed to the timer)
//   release  its future is dropped                     (timer_cancel, if it had not fired)
//   reset    a new deadline for the same future         (timer_cancel if pending, then
//                                                      timer_arm of a new id, timer_fire and
//                                                      the wake of its waker if already due)
//
// A reset follows Tokio 1.24.2's `TimerEntry::reset` (runtime/time/entry.rs:547-559) and
// `Handle::reregister` (runtime/time/mod.rs:339-392): the entry leaves the wheel and goes back
// in at its new tick; when that tick has been reached already (`Wheel::insert` ->
// `InsertError::Elapsed`, runtime/time/wheel/mod.rs) it fires at once, in the reset's call,
// and wakes the waker the entry holds. A reset to a later deadline of an entry still pending
// only moves its expiry (`extend_expiration`, entry.rs:252-272): the entry stays filed at its
// old tick, and when that tick is processed it goes back in at the new one (`mark_pending`,
// entry.rs:167-190, wheel/mod.rs `process_expiration`), behind the timers filed for that tick
// meanwhile. The tokio flavour (core/strategy.hpp) does the same; the textbook one re-files the
// entry at once. The trace shows either reset as timer_cancel of the old id and timer_arm of a
// new one, when the reset is made.
#pragma once

#include <cstdint>
#include <optional>
#include <utility>

#include "../detail/timer_wheel.hpp"
#include "../source_location.hpp"
#include "../waker.hpp"

namespace wakeline {

class runtime;

/// Handle of an armed timer, owned by the future that armed it.
struct timer_handle {
  detail::timer_node_id node = detail::no_timer_node;
  std::uint32_t id = 0;  ///< Trace id, from 1.
};

class timer_driver {
 public:
  /// The wheel's resolution: deadlines are rounded up to a whole tick.
  static constexpr std::uint64_t ns_per_tick = 1'000'000;

  explicit timer_driver(runtime& rt) : rt_(rt) {}
  timer_driver(const timer_driver&) = delete;
  timer_driver& operator=(const timer_driver&) = delete;

  /// Arms a timer for `deadline_ns` that wakes `w`. Returns the handle, and whether the
  /// deadline has already passed (the timer fired at once).
  std::pair<timer_handle, bool> arm(std::uint64_t deadline_ns, const waker& w,
                                    source_location where);
  /// Arms a timer that wakes nobody until a poll gives it a waker (`update_waker`): a sleep
  /// reset before its first poll, which Tokio files in the reset's call.
  std::pair<timer_handle, bool> arm_unwoken(std::uint64_t deadline_ns, source_location where);
  /// True once the timer has fired.
  bool fired(const timer_handle& h) const { return wheel_.payload(h.node).fired; }
  /// Replaces the waker of a pending timer unless it would wake the same task.
  void update_waker(const timer_handle& h, const waker& w);
  /// Stores `w` even in a timer that has fired, unless it already wakes the same task (Tokio's
  /// `StateCell::poll` registers the waker at every poll, ready or not: entry.rs:138-145).
  void keep_waker(const timer_handle& h, const waker& w);
  /// Moves the timer to `deadline_ns`, under a new trace id written into `h`. Returns true when
  /// the deadline has passed: the timer has fired, waking the waker it held.
  bool reset(timer_handle& h, std::uint64_t deadline_ns, source_location where);
  /// Cancels the timer if still pending and frees its handle.
  void release(const timer_handle& h);
  /// Fires every timer due at `now_ns`, earliest first, waking their tasks.
  void fire_due(std::uint64_t now_ns);
  /// The deadline of the earliest pending timer, if any.
  std::optional<std::uint64_t> next_deadline() const;

 private:
  /// What the driver keeps with each timer, in the wheel's node.
  struct timer_slot {
    std::optional<waker> waiter;
    std::uint32_t id = 0;
    bool fired = false;
    /// A later tick this pending timer was reset to while it stays filed at its old one
    /// (Tokio's `extend_expiration`); 0 when it was not.
    std::uint64_t extended_tick = 0;
  };

  std::pair<timer_handle, bool> arm_for(std::uint64_t deadline_ns, const waker* w,
                                        source_location where);

  runtime& rt_;
  detail::timer_wheel<timer_slot> wheel_;
  std::uint32_t last_id_ = 0;
};

}  // namespace wakeline
