// Waits until a deadline (tokio's `time::sleep` / `sleep_until`). Deadlines are rounded up to the
// timer wheel's 1 ms resolution, so a sleep never ends early.
//
// Tokio 1.24.2's rules (paths under tokio-1.24.2/src/), and what Wakeline does:
// - Arming is lazy. `sleep` only records the deadline (`TimerEntry::new`, `initial_deadline`);
//   the first poll files it in the wheel (`poll_elapsed`, runtime/time/entry.rs:562-578 ->
//   `reset`, 547-559), its tick rounded up to the next ms (`deadline_to_tick`,
//   runtime/time/source.rs:20-22). A deadline already reached fires in that first poll, which is
//   ready without any wake (runtime/time/mod.rs:377-379). Same here.
// - Every poll spends coop budget, even a poll after the sleep completed (`Sleep::poll`,
//   time/sleep.rs:414-437 -> `poll_elapsed`, 388-412). Pending polls refresh the waker, kept
//   when it `will_wake` the same task (`AtomicWaker::register_by_ref`).
// - The waker stays after ready. `StateCell::poll` (entry.rs:138-145) registers the waker
//   before it reads the state, at every poll, so a completed `Sleep` still holds the task's
//   waker. It matters when the sleep is reset (below, and `interval`). The tokio flavour
//   (core/strategy.hpp) keeps it too; the textbook one lets the firing take it.
// - Reset (`Sleep::reset`, time/sleep.rs:353-370 -> entry.rs:547-559): the entry moves to the
//   new deadline; one already due fires at once and wakes the waker the entry holds
//   (runtime/time/mod.rs:339-392, timer_driver.hpp). So a completed sleep reset to a past or
//   present deadline wakes its task under the tokio flavour (its waker was kept), and is
//   simply ready at its next poll under the textbook one. A reset before the first poll files
//   the entry there and then (it clears `initial_deadline` and re-registers, entry.rs:548-558),
//   with no waker until the first poll: it is elapsed once its deadline passes, polled or not,
//   and among timers of one tick it takes its place from the reset. Same here.
// - Drop cancels the entry (`TimerEntry::drop` -> `cancel`, entry.rs:644-648). Same here.
// - Timers that share a tick fire in the order they were filed (wheel/level.rs: a slot is a
//   FIFO of entries). Same wheel here (detail/timer_wheel.hpp).
//
// Proved by the fidelity scenarios `timers_equal`, `timers_unequal`, `sleep_past_deadline`,
// `sleep_reset_past`, `sleep_reset_later` (docs/tokio-fidelity.md).
#pragma once

#include <chrono>
#include <cstdint>

#include "../coop.hpp"
#include "../detail/flavour.hpp"
#include "../future.hpp"
#include "../runtime.hpp"

namespace wakeline {

/// The future returned by `sleep` and `sleep_until`. Dropping it cancels the timer.
class sleep_future {
 public:
  sleep_future(runtime& rt, std::uint64_t deadline_ns, source_location where)
      : rt_(&rt), deadline_ns_(deadline_ns), where_(where) {}
  sleep_future(sleep_future&& other) noexcept
      : rt_(other.rt_),
        deadline_ns_(other.deadline_ns_),
        where_(other.where_),
        handle_(std::exchange(other.handle_, {})),
        armed_(std::exchange(other.armed_, false)),
        done_(other.done_) {}
  sleep_future& operator=(sleep_future&&) = delete;
  ~sleep_future() {
    if (armed_) rt_->timers().release(handle_);
  }

  /// Ready once the deadline has passed (within the task's coop budget, coop.hpp).
  wakeline::poll<void> poll(context& cx) {
    const bool tokio = detail::tokio_primitives();
    if (done_ && !tokio) return poll_ready();
    return coop_poll(cx, [this, &cx, tokio] { return poll_timer(cx, tokio); });
  }

  /// The deadline in ns since the runtime started.
  std::uint64_t deadline() const { return deadline_ns_; }

  /// True once the timer has fired and was not reset since (tokio's `Sleep::is_elapsed`): false
  /// before the first poll, and after a reset to a deadline still to come.
  bool is_elapsed() const { return armed_ && rt_->timers().fired(handle_); }

  /// Moves the deadline to `deadline_ns` (tokio's `Sleep::reset`), whether the sleep has
  /// completed or not. Due already, it fires at once, waking the task whose waker the timer
  /// still holds. Before the first poll it files the timer, with no waker yet, as Tokio does.
  void reset(std::uint64_t deadline_ns) {
    deadline_ns_ = deadline_ns;
    if (!armed_) {
      auto [handle, fired] = rt_->timers().arm_unwoken(deadline_ns, where_);
      handle_ = handle;
      armed_ = true;
      done_ = fired;
      return;
    }
    done_ = rt_->timers().reset(handle_, deadline_ns, where_);
  }

 private:
  wakeline::poll<void> poll_timer(context& cx, bool tokio) {
    if (!armed_) {
      auto [handle, fired] = rt_->timers().arm(deadline_ns_, cx.waker(), where_);
      handle_ = handle;
      armed_ = true;
      done_ = fired;
    } else if (rt_->timers().fired(handle_)) {
      done_ = true;
    } else {
      rt_->timers().update_waker(handle_, cx.waker());
    }
    // Tokio registers the waker at every poll, a ready one included (entry.rs:138-145).
    if (done_ && tokio) rt_->timers().keep_waker(handle_, cx.waker());
    return done_ ? poll_ready() : wakeline::poll<void>(poll_pending);
  }

  runtime* rt_;
  std::uint64_t deadline_ns_;
  source_location where_;
  timer_handle handle_;
  bool armed_ = false;
  bool done_ = false;
};

/// Completes once `duration` has passed, counted from now (after the poll's CPU work so far).
inline sleep_future sleep(std::chrono::nanoseconds duration,
                          source_location where = source_location::current()) {
  runtime& rt = runtime::current();
  auto d = duration.count() < 0 ? 0 : static_cast<std::uint64_t>(duration.count());
  return sleep_future(rt, rt.code_now_ns() + d, where);
}

/// Completes at `deadline_ns` (ns since the runtime started).
inline sleep_future sleep_until(std::uint64_t deadline_ns,
                                source_location where = source_location::current()) {
  return sleep_future(runtime::current(), deadline_ns, where);
}

}  // namespace wakeline
