// Bounds the time a future may take (tokio's `time::timeout` / `timeout_at`): a race between
// the future and a sleep, where the sleep's win drops the future.
//
// Tokio 1.24.2's rules (`time/timeout.rs`, under tokio-1.24.2/src/), and what Wakeline does:
// - `Timeout::poll` (186-217) polls the inner future first (191-194), so an inner future ready
//   at the deadline wins; then the deadline's `Sleep` (sleep.hpp: filed at its first poll, a
//   zero or past deadline fires there). Same here.
// - Coop: when the inner future spent the task's last unit of budget in this poll (it had
//   budget before, none after: 189, 196), the sleep is polled with an unconstrained budget
//   (`coop::with_unconstrained`, 206-213), so a future that always exhausts the budget still
//   times out. Same here, under every strategy that counts a budget.
// - The timeout registers no waker of its own: the inner future's and the sleep's wake the
//   task. Nothing is dropped until the `Timeout` is: in Tokio the loser stays inside it until
//   the caller drops it, at the end of the `.await`; here it is dropped in the deciding poll,
//   which is the same moment for `co_await timeout(...)`.
//
// Proved by the fidelity scenarios `timeout_race`, `timeout_zero`, `timeout_budget_spent`,
// and, for what dropping the inner future does, `recv_dropped_then_send`,
// `semaphore_acquire_dropped`, `mutex_lock_dropped` (docs/tokio-fidelity.md).
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
    runtime* rt = runtime::try_current();
    const bool had_budget = rt == nullptr || rt->coop_has_budget();
    // The inner future first, as tokio does: a future that is ready at the deadline still wins.
    if (auto value = poll_value(*inner_, cx)) {
      finish();
      return output_type(std::move(*value));
    }
    // An inner future that spent the last of the budget does not keep the deadline from being
    // seen (timeout.rs:206-213).
    auto poll_deadline = [this, &cx] { return deadline_->poll(cx); };
    const bool spent_by_inner = had_budget && rt != nullptr && !rt->coop_has_budget();
    if ((spent_by_inner ? rt->coop_unconstrained(poll_deadline) : poll_deadline()).is_ready()) {
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
