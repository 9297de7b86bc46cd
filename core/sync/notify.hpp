// Wakes one task or all waiting tasks, with no data attached (tokio's `sync::Notify`).
//
// - `notify_one()` wakes the longest-waiting `notified()` future. If nobody waits, it stores a
//   single permit instead, which the next `notified()` consumes at once (permits do not stack).
// - `notify_waiters()` wakes every future waiting right now and stores no permit. As in tokio,
//   a `notified()` future counts as waiting from the moment it is created, even before its
//   first poll, so `auto f = n.notified(); ...; n.notify_waiters(); co_await f;` never hangs.
// - Dropping a future that `notify_one` had chosen, before it saw the notification, passes the
//   notification on to the next waiter (or stores the permit): no wakeup is lost.
//
// Tokio 1.24.2's rules (`sync/notify.rs`, under tokio-1.24.2/src/), and what Wakeline does:
// - notify_one (436-468): with no waiter, stores the permit (EMPTY -> NOTIFIED, 441-455);
//   else unlinks the oldest waiter (`notify_locked`, 573-618: `pop_back`, the list is pushed
//   at the front) and wakes it at once. Same here.
// - notify_waiters (502-561): adds one to the count of its calls (which `notified()` read when
//   it was made, 384-398) and unlinks every waiter, oldest first, into a `WakeList` of 32
//   (522-541), then `wake_all` wakes the list from its end (`util/wake_list.rs:38-45`): the
//   waiters are woken newest first, in batches of 32. The textbook flavour wakes them oldest
//   first; the tokio flavour (core/strategy.hpp) as Tokio does. No permit is stored.
// - notified's first poll (`poll_notified`, 745-847): first takes a stored permit if there is
//   one (756-767), only then looks whether `notify_waiters` was called since the future was
//   made (782-785); else registers the waker and queues (832-846). The tokio flavour takes
//   the permit first too; the textbook one checks the calls first and leaves the permit for
//   the next `notified()`.
// - Later polls (848-887): ready once notified, else refresh the waker (kept if it
//   `will_wake` the same task). Same here.
// - Drop (904-946): unlinked; a future chosen by `notify_one` that had not seen it passes it
//   on (`notify_locked`: the next oldest waiter, or the permit). Same here.
//
// Proved by the fidelity scenarios `notify_waiters_order`, `notify_one_fifo`,
// `notify_permit_stored`, `notify_dropped_passes_on` (docs/tokio-fidelity.md).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <utility>

#include "../detail/flavour.hpp"
#include "../future.hpp"
#include "detail/waiter_list.hpp"

namespace wakeline {

class notify;

namespace detail {
/// How a queued `notified()` future was released.
enum class notification : unsigned char { none, one, all };

/// A queued `notified()` future.
struct notify_waiter : waiter_node {
  notification received = notification::none;
};
}  // namespace detail

/// The future returned by `notify::notified`. Must not be moved after its first poll.
class [[nodiscard]] notified_future {
 public:
  notified_future(notify& n, std::uint64_t generation) : notify_(&n), generation_(generation) {}
  notified_future(notified_future&& other) noexcept
      : notify_(other.notify_),
        generation_(other.generation_),
        node_(std::move(other.node_)),
        state_(std::exchange(other.state_, state::done)) {}
  notified_future& operator=(notified_future&&) = delete;
  inline ~notified_future();

  inline wakeline::poll<void> poll(context& cx);

 private:
  enum class state : unsigned char {
    idle,     ///< Not polled yet.
    waiting,  ///< Queued, or released by a notification it has not seen yet.
    done,     ///< Completed (or moved from).
  };

  notify* notify_;
  std::uint64_t generation_;  ///< `notify_waiters` calls seen when the future was created.
  detail::notify_waiter node_;
  state state_ = state::idle;
};

/// A notification point that tasks wait on.
class notify {
 public:
  notify() = default;
  notify(const notify&) = delete;
  notify& operator=(const notify&) = delete;

  /// A future that completes at the next notification meant for it.
  notified_future notified() { return notified_future(*this, generation_); }

  /// Wakes the longest waiter, or stores one permit when nobody waits.
  void notify_one() {
    if (detail::notify_waiter* w = waiters_.pop_front()) {
      w->received = detail::notification::one;
      w->wake();
    } else {
      permit_ = true;
    }
  }

  /// Wakes every current waiter, including futures created but not yet polled; stores no permit.
  void notify_waiters() {
    ++generation_;
    if (detail::tokio_primitives()) {
      notify_waiters_batched();
      return;
    }
    while (detail::notify_waiter* w = waiters_.pop_front()) {
      w->received = detail::notification::all;
      w->wake();
    }
  }

 private:
  friend class notified_future;

  /// Tokio's `notify_waiters` (notify.rs:522-560): up to 32 waiters unlinked oldest first, then
  /// woken from the last unlinked to the first; again until none is left.
  void notify_waiters_batched() {
    while (!waiters_.empty()) {
      std::array<std::optional<waker>, 32> batch;  // util/wake_list.rs: NUM_WAKERS
      std::size_t collected = 0;
      while (collected < batch.size()) {
        detail::notify_waiter* w = waiters_.pop_front();
        if (w == nullptr) break;
        w->received = detail::notification::all;
        batch[collected++] = std::exchange(w->waiter, std::nullopt);
      }
      while (collected > 0) {
        std::optional<waker>& w = batch[--collected];
        if (w) std::move(*w).wake();
      }
    }
  }

  bool permit_ = false;
  std::uint64_t generation_ = 0;
  detail::waiter_list<detail::notify_waiter> waiters_;
};

wakeline::poll<void> notified_future::poll(context& cx) {
  switch (state_) {
    case state::idle:
      // Tokio takes a stored permit before it looks at notify_waiters' calls (notify.rs:756).
      if ((detail::tokio_primitives() && std::exchange(notify_->permit_, false)) ||
          generation_ != notify_->generation_ || std::exchange(notify_->permit_, false)) {
        state_ = state::done;
        return poll_ready();
      }
      node_.register_waker(cx.waker());
      notify_->waiters_.push_back(&node_);
      state_ = state::waiting;
      return poll_pending;
    case state::waiting:
      if (node_.received != detail::notification::none) {
        state_ = state::done;
        return poll_ready();
      }
      node_.register_waker(cx.waker());
      return poll_pending;
    case state::done:
      break;
  }
  throw std::logic_error("wakeline: notified future polled after completion");
}

notified_future::~notified_future() {
  if (state_ != state::waiting) return;
  notify_->waiters_.remove(&node_);
  node_.waiter.reset();
  if (node_.received == detail::notification::one) notify_->notify_one();
}

}  // namespace wakeline
