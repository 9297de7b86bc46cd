// Wakes one task or all waiting tasks, with no data attached (tokio's `sync::Notify`).
//
// - `notify_one()` wakes the longest-waiting `notified()` future. If nobody waits, it stores a
//   single permit instead, which the next `notified()` consumes at once (permits do not stack).
// - `notify_waiters()` wakes every future waiting right now and stores no permit. As in tokio,
//   a `notified()` future counts as waiting from the moment it is created, even before its
//   first poll, so `auto f = n.notified(); ...; n.notify_waiters(); co_await f;` never hangs.
// - Dropping a future that `notify_one` had chosen, before it saw the notification, passes the
//   notification on to the next waiter (or stores the permit): no wakeup is lost.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <utility>

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
    while (detail::notify_waiter* w = waiters_.pop_front()) {
      w->received = detail::notification::all;
      w->wake();
    }
  }

 private:
  friend class notified_future;

  bool permit_ = false;
  std::uint64_t generation_ = 0;
  detail::waiter_list<detail::notify_waiter> waiters_;
};

wakeline::poll<void> notified_future::poll(context& cx) {
  switch (state_) {
    case state::idle:
      if (generation_ != notify_->generation_ || std::exchange(notify_->permit_, false)) {
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
