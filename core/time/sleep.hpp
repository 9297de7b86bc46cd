// Waits until a deadline (tokio's `time::sleep` / `sleep_until`). Deadlines are rounded up to the
// timer wheel's 1 ms resolution, so a sleep never ends early.
#pragma once

#include <chrono>
#include <cstdint>

#include "../coop.hpp"
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
    if (done_) return poll_ready();
    return coop_poll(cx, [this, &cx] { return poll_timer(cx); });
  }

  /// The deadline in ns since the runtime started.
  std::uint64_t deadline() const { return deadline_ns_; }

 private:
  wakeline::poll<void> poll_timer(context& cx) {
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
    return done_ ? poll_ready() : wakeline::poll<void>(poll_pending);
  }

  runtime* rt_;
  std::uint64_t deadline_ns_;
  source_location where_;
  timer_handle handle_;
  bool armed_ = false;
  bool done_ = false;
};

/// Completes once `duration` has passed, counted from now.
inline sleep_future sleep(std::chrono::nanoseconds duration,
                          source_location where = source_location::current()) {
  runtime& rt = runtime::current();
  auto d = duration.count() < 0 ? 0 : static_cast<std::uint64_t>(duration.count());
  return sleep_future(rt, rt.now_ns() + d, where);
}

/// Completes at `deadline_ns` (ns since the runtime started).
inline sleep_future sleep_until(std::uint64_t deadline_ns,
                                source_location where = source_location::current()) {
  return sleep_future(runtime::current(), deadline_ns, where);
}

}  // namespace wakeline
