// A channel for exactly one value (tokio's `sync::oneshot`).
//
//   auto [tx, rx] = oneshot::channel<int>();
//   tx.send(42);                        // false if the receiver is already gone
//   std::optional<int> v = co_await rx; // nullopt if the sender was dropped without sending
//
// The two halves share a small state, counted by the halves themselves (everything runs on one
// thread). The receiver keeps its waker in that state; `send` and dropping the sender wake it.
// The receiver is itself the future, as in tokio.
//
// Tokio 1.24.2's rules (`sync/oneshot.rs`, under tokio-1.24.2/src/), and what Wakeline does:
// - The receiver's poll (`Receiver::poll` 1083-1106 -> `Inner::poll_recv` 1127-1190): coop
//   first (1129); a value, or a sender gone, is ready at once (1134-1142), so a value sent
//   before the first poll needs no wake; else the waker is stored (`rx_task`, replaced only when
//   it does not `will_wake` the same task, 1144-1170). Same here.
// - `send` and the sender's drop both call `complete` (590-620, 837-850), which wakes the
//   stored waker by reference (1110-1125): one wake. Same here (the waker is taken instead of
//   kept; the receiver completes at its next poll, so nothing can use it again).
// - Dropping the receiver closes the channel (1064-1078): a later `send` fails and wakes
//   nobody. Same here.
//
// Proved by the fidelity scenarios `wake_chain`, `oneshot_sender_dropped`,
// `oneshot_sent_before_poll`, `recv_loser_unbounded` (docs/tokio-fidelity.md).
#pragma once

#include <optional>
#include <stdexcept>
#include <utility>

#include "../coop.hpp"
#include "../future.hpp"
#include "../waker.hpp"

namespace wakeline::oneshot {

namespace detail {
/// What the sender and the receiver share. Freed by whichever half goes last.
template <class T>
struct shared_state {
  std::optional<T> value;
  std::optional<waker> rx_waker;  ///< The task awaiting the receiver, if it is pending.
  bool tx_alive = true;
  bool rx_alive = true;
};
}  // namespace detail

template <class T>
class sender;
template <class T>
class receiver;

/// Makes a connected sender and receiver.
template <class T>
std::pair<sender<T>, receiver<T>> channel();

/// The sending half: sends one value, or is dropped, which the receiver sees as nullopt.
template <class T>
class sender {
 public:
  sender(sender&& other) noexcept : state_(std::exchange(other.state_, nullptr)) {}
  sender& operator=(sender&& other) noexcept {
    if (this != &other) {
      release();
      state_ = std::exchange(other.state_, nullptr);
    }
    return *this;
  }
  ~sender() { release(); }

  /// Sends `value` and wakes the receiver. Returns false, dropping the value, when the receiver
  /// is gone. The sender is spent afterwards: a second send returns false.
  bool send(T value) {
    if (state_ == nullptr || !state_->rx_alive) {
      release();
      return false;
    }
    state_->value.emplace(std::move(value));
    release();
    return true;
  }

  /// True when the receiver has been dropped (or this sender is spent): a send would fail.
  bool is_closed() const { return state_ == nullptr || !state_->rx_alive; }

 private:
  friend std::pair<sender<T>, receiver<T>> channel<T>();
  explicit sender(detail::shared_state<T>* state) : state_(state) {}

  /// Leaves the channel; the receiver is woken either to take the value or to see it will
  /// never come.
  void release() {
    detail::shared_state<T>* s = std::exchange(state_, nullptr);
    if (s == nullptr) return;
    s->tx_alive = false;
    if (!s->rx_alive) {
      delete s;
      return;
    }
    if (s->rx_waker) {
      waker w = std::move(*s->rx_waker);
      s->rx_waker.reset();
      std::move(w).wake();
    }
  }

  detail::shared_state<T>* state_;
};

/// The receiving half, and the future of the value: ready with the value, or with nullopt once
/// the sender is gone without sending.
template <class T>
class [[nodiscard]] receiver {
 public:
  receiver(receiver&& other) noexcept : state_(std::exchange(other.state_, nullptr)) {}
  receiver& operator=(receiver&& other) noexcept {
    if (this != &other) {
      release();
      state_ = std::exchange(other.state_, nullptr);
    }
    return *this;
  }
  ~receiver() { release(); }

  wakeline::poll<std::optional<T>> poll(context& cx) {
    return coop_poll(cx, [this, &cx] { return poll_resource(cx); });
  }

  /// True once the sender has sent or gone, so awaiting would not wait.
  bool is_terminated() const {
    return state_ == nullptr || state_->value.has_value() || !state_->tx_alive;
  }

 private:
  // The resource itself; `poll` adds the coop budget (coop.hpp).
  wakeline::poll<std::optional<T>> poll_resource(context& cx) {
    if (state_ == nullptr) {
      throw std::logic_error("wakeline: oneshot receiver polled after completion");
    }
    if (state_->value || !state_->tx_alive) {
      std::optional<T> value = std::move(state_->value);
      release();
      return value;
    }
    if (!state_->rx_waker || !state_->rx_waker->will_wake(cx.waker())) {
      state_->rx_waker = cx.waker();
    }
    return poll_pending;
  }

  friend std::pair<sender<T>, receiver<T>> channel<T>();
  explicit receiver(detail::shared_state<T>* state) : state_(state) {}

  void release() {
    detail::shared_state<T>* s = std::exchange(state_, nullptr);
    if (s == nullptr) return;
    s->rx_alive = false;
    s->rx_waker.reset();
    if (!s->tx_alive) delete s;
  }

  detail::shared_state<T>* state_;
};

template <class T>
std::pair<sender<T>, receiver<T>> channel() {
  auto* state = new detail::shared_state<T>();
  return {sender<T>(state), receiver<T>(state)};
}

}  // namespace wakeline::oneshot
