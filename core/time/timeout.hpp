// Bounds the time a future may take (tokio's `time::timeout` / `timeout_at`): a race between
// the future and a sleep, where the sleep's win drops the future.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <utility>

#include "../future.hpp"
#include "../runtime.hpp"
#include "sleep.hpp"

namespace wakeline {

/// The future returned by `timeout`: the inner future's output, or nullopt once the deadline
/// has passed. Whichever side loses is dropped inside the poll that decided, so a late inner
/// future is cancelled and an early one cancels the timer.
template <future F>
class timeout_future {
 public:
  using output_type = std::optional<value_t<F>>;

  timeout_future(F inner, sleep_future deadline)
      : inner_(std::move(inner)),
        deadline_(std::move(deadline)),
        deadline_ns_(deadline_->deadline()) {}

  wakeline::poll<output_type> poll(context& cx) {
    if (!inner_) throw std::logic_error("wakeline: timeout polled after it completed");
    // The inner future first, as tokio does: a future that is ready at the deadline still wins.
    if (auto value = poll_value(*inner_, cx)) {
      finish();
      return output_type(std::move(*value));
    }
    if (deadline_->poll(cx).is_ready()) {
      finish();
      return output_type();
    }
    return poll_pending;
  }

  /// The deadline in ns since the runtime started.
  std::uint64_t deadline() const { return deadline_ns_; }

 private:
  void finish() {
    inner_.reset();
    deadline_.reset();
  }

  std::optional<F> inner_;
  std::optional<sleep_future> deadline_;
  std::uint64_t deadline_ns_;  ///< Kept after the sleep is dropped.
};

/// Runs `f` for at most `duration`, counted from now; nullopt if it did not complete in time.
template <future F>
timeout_future<F> timeout(std::chrono::nanoseconds duration, F f,
                          source_location where = source_location::current()) {
  return timeout_future<F>(std::move(f), sleep(duration, where));
}

/// Runs `f` until `deadline_ns` (ns since the runtime started); nullopt if it did not complete.
template <future F>
timeout_future<F> timeout_at(std::uint64_t deadline_ns, F f,
                             source_location where = source_location::current()) {
  return timeout_future<F>(std::move(f), sleep_until(deadline_ns, where));
}

}  // namespace wakeline
