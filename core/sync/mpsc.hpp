// Multi-producer, single-consumer channels (tokio's `sync::mpsc`).
//
// Bounded, `channel<T>(capacity)`: the buffer holds at most `capacity` values, and a sender
// that finds it full waits: backpressure. As in tokio, free slots are permits of a FIFO
// semaphore: a `recv` that frees a slot hands it straight to the sender waiting longest and
// wakes it; that sender then pushes its value and wakes the receiver:
//
//   producer: co_await tx.send(v)  -> pending (buffer full, queued, waker cloned)
//   consumer: co_await rx.recv()   -> value; the freed slot goes to the producer ── waker_wake ──>
//   producer: polled, pushes v     ── waker_wake ──> consumer (if it waits for a value)
//
// Unbounded, `unbounded_channel<T>()`: `send` never waits.
//
// Closing: `recv` gives nullopt once every sender (and every pending send future) is gone and
// the buffer is empty. When the receiver is dropped or closed, sends fail and hand the value
// back in a `send_result` (tokio's `Err(SendError(value))`); values still buffered when the
// receiver is dropped are destroyed with it.
//
// Cancellation: dropping a waiting send future leaves the queue; dropping one that was handed a
// slot but not polled again passes the slot to the next waiting sender, so no wakeup is lost.
//
// Tokio 1.24.2's rules (paths under tokio-1.24.2/src/sync/mpsc/, `batch_semaphore.rs` and
// `util/` under src/), and what Wakeline does:
// - recv registers. `chan.rs:242-291` (`Rx::recv`): coop first (246), take a value if there is
//   one, else register the waker in `rx_waker` (277, an `AtomicWaker`: a waker that
//   `will_wake` the same task is not cloned again), look again (282), pending. Each send
//   (`Chan::send`, chan.rs:358-364) and the last sender's drop (205-216) wake `rx_waker`,
//   which takes the waker out (`util/atomic_waker.rs`, `wake` -> `take_waker`). Same here.
// - recv dropped. `Receiver::recv` is `poll_fn(|cx| self.chan.recv(cx)).await`
//   (`bounded.rs:228-231`, `unbounded.rs:169-173`): the future owns nothing, so dropping it
//   (the losing branch of a `select!`) leaves the waker in `rx_waker`, and the next send wakes the
//   task for a poll that may find nothing to do. Under the tokio flavour (core/strategy.hpp)
//   `recv_future` leaves it there too; the textbook one forgets it when dropped.
// - Bounded send. `bounded.rs` `Sender::send` = `reserve` (an `Acquire` of one permit of the
//   channel's `batch_semaphore`, FIFO, coop-budgeted: batch_semaphore.rs:526-567) then
//   `Chan::send`. A receive gives its slot back with `add_permit` -> `release(1)`
//   (chan.rs:255, 384-387), which hands it to the oldest waiting sender and wakes it
//   (batch_semaphore.rs:284-345). Same here: one waiter per release, so no batch order.
// - Closing. The receiver's drop or `close` closes the semaphore (chan.rs:226-239, 339-352),
//   which wakes every waiting sender oldest first, one by one (batch_semaphore.rs:225-236);
//   recv then gives `None` once the buffer is empty and no send holds a permit
//   (chan.rs:284-286). Same here.
// - Dropping a waiting send: `Acquire::drop` (batch_semaphore.rs:635-657) unlinks it and gives
//   the permits it was assigned to the next waiter. Same here.
//
// Proved by the fidelity scenarios `select_recv_loser_waker`, `recv_dropped_then_send`,
// `recv_loser_unbounded`, `channel_backpressure`, `channel_close_wakes_senders`,
// `coop_budget` (docs/tokio-fidelity.md).
#pragma once

#include <cassert>
#include <cstddef>
#include <deque>
#include <optional>
#include <stdexcept>
#include <utility>

#include "../coop.hpp"
#include "../detail/flavour.hpp"
#include "../future.hpp"
#include "detail/waiter_list.hpp"

namespace wakeline::mpsc {

/// The outcome of a send: success, or the value back when the receiver is gone
/// (tokio's `Result<(), SendError<T>>`). Converts to true on success: `if (!co_await tx.send(v))`.
template <class T>
class [[nodiscard]] send_result {
 public:
  /// A delivered send.
  static send_result ok() { return send_result(); }
  /// A send that failed because the receiver is gone; keeps `value` for the caller.
  static send_result closed(T value) {
    send_result r;
    r.unsent_.emplace(std::move(value));
    return r;
  }

  /// True when the value was put in the channel.
  bool is_ok() const { return !unsent_.has_value(); }
  explicit operator bool() const { return is_ok(); }

  /// The value that could not be sent. Only when `!is_ok()`.
  T& unsent() { return *unsent_; }

 private:
  send_result() = default;
  std::optional<T> unsent_;
};

namespace detail {

/// A send future queued for a free slot. `granted` once a slot was handed to it.
struct send_waiter : wakeline::detail::waiter_node {
  bool granted = false;
};

/// The state that senders, pending sends and the receiver share; freed by whichever goes last.
template <class T>
struct chan {
  chan(bool is_bounded, std::size_t max_values)
      : bounded(is_bounded), capacity(max_values), permits(max_values) {}

  /// Wakes the receiver if it waits for a value or for the end.
  void wake_receiver() {
    if (!rx_waker) return;
    waker w = std::move(*rx_waker);
    rx_waker.reset();
    std::move(w).wake();
  }

  /// A slot became free: it goes to the sender waiting longest, or back to the pool.
  void release_slot() {
    if (!bounded) return;
    if (send_waiter* w = send_waiters.pop_front()) {
      w->granted = true;
      w->wake();
    } else {
      ++permits;
    }
  }

  /// Sends fail from now on; waiting senders are woken to collect their values.
  void close() {
    closed = true;
    while (send_waiter* w = send_waiters.pop_front()) w->wake();
  }

  void add_sender() { ++senders; }

  /// Returns true when the caller held the last reference and must delete the channel.
  bool drop_sender() {
    assert(senders > 0);
    if (--senders == 0) wake_receiver();
    return senders == 0 && !rx_alive;
  }

  /// Returns true when the caller held the last reference and must delete the channel.
  bool drop_receiver() {
    close();
    rx_waker.reset();
    // A buffered value may own the last sender of this very channel: destroy the values while
    // the receiver still counts as alive, so that such a sender does not free the channel.
    std::deque<T> doomed = std::move(buffer);
    doomed.clear();
    rx_alive = false;
    return senders == 0;
  }

  const bool bounded;
  const std::size_t capacity;
  std::size_t permits;      ///< Free slots not handed to anyone (bounded channels).
  std::size_t senders = 0;  ///< Sender handles plus send futures not yet completed.
  bool rx_alive = true;
  bool closed = false;  ///< Receiver dropped or closed.
  std::deque<T> buffer;
  std::optional<waker> rx_waker;
  wakeline::detail::waiter_list<send_waiter> send_waiters;
};

/// Drops one sender reference, deleting the channel if it was the last reference.
template <class T>
void release_sender(chan<T>*& c) {
  chan<T>* last = std::exchange(c, nullptr);
  if (last != nullptr && last->drop_sender()) delete last;
}

}  // namespace detail

template <class T>
class sender;
template <class T>
class unbounded_sender;
template <class T>
class receiver;

/// The receiver of an unbounded channel: the same type as the bounded one.
template <class T>
using unbounded_receiver = receiver<T>;

/// Makes a bounded channel holding at most `capacity` (at least 1) values.
template <class T>
std::pair<sender<T>, receiver<T>> channel(std::size_t capacity);

/// Makes a channel whose sends never wait.
template <class T>
std::pair<unbounded_sender<T>, receiver<T>> unbounded_channel();

/// The future returned by `sender::send`: ready with the send's outcome once the value is in
/// the buffer or the receiver is gone. Keeps the channel open while it exists, like a sender.
/// Must not be moved after its first poll.
template <class T>
class [[nodiscard]] send_future {
 public:
  send_future(detail::chan<T>* c, T value) : chan_(c), value_(std::move(value)) {
    chan_->add_sender();
  }
  send_future(send_future&& other) noexcept
      : chan_(std::exchange(other.chan_, nullptr)),
        value_(std::move(other.value_)),
        node_(std::move(other.node_)),
        state_(other.state_) {}
  send_future& operator=(send_future&&) = delete;
  ~send_future() {
    if (chan_ == nullptr) return;
    if (state_ == state::waiting) {
      chan_->send_waiters.remove(&node_);
      node_.waiter.reset();
      // A slot handed to us that we will never use goes to the next sender.
      if (node_.granted) chan_->release_slot();
    }
    detail::release_sender(chan_);
  }

  wakeline::poll<send_result<T>> poll(context& cx) {
    return coop_poll(cx, [this, &cx] { return poll_resource(cx); });
  }

 private:
  // The resource itself; `poll` adds the coop budget (coop.hpp).
  wakeline::poll<send_result<T>> poll_resource(context& cx) {
    if (chan_ == nullptr) {
      throw std::logic_error("wakeline: mpsc send future polled after completion");
    }
    if (chan_->closed) {
      chan_->send_waiters.remove(&node_);
      node_.waiter.reset();
      return finish(send_result<T>::closed(std::move(*value_)));
    }
    if (state_ == state::idle) {
      if (chan_->send_waiters.empty() && chan_->permits > 0) {
        --chan_->permits;
        return push();
      }
      node_.register_waker(cx.waker());
      chan_->send_waiters.push_back(&node_);
      state_ = state::waiting;
      return poll_pending;
    }
    if (node_.granted) return push();
    node_.register_waker(cx.waker());
    return poll_pending;
  }

  enum class state : unsigned char {
    idle,     ///< Not polled yet.
    waiting,  ///< Queued for a slot, or handed one and not yet polled again.
  };

  send_result<T> push() {
    chan_->buffer.push_back(std::move(*value_));
    chan_->wake_receiver();
    return finish(send_result<T>::ok());
  }
  send_result<T> finish(send_result<T> result) {
    state_ = state::idle;
    detail::release_sender(chan_);
    return result;
  }

  detail::chan<T>* chan_;
  std::optional<T> value_;
  detail::send_waiter node_;
  state state_ = state::idle;
};

/// A handle that sends into a bounded channel. Copying it clones the sender (tokio's
/// `Sender::clone`); the channel ends for the receiver when the last sender is gone.
template <class T>
class sender {
 public:
  sender(const sender& other) : chan_(other.chan_) {
    if (chan_ != nullptr) chan_->add_sender();
  }
  sender(sender&& other) noexcept : chan_(std::exchange(other.chan_, nullptr)) {}
  sender& operator=(sender other) noexcept {
    std::swap(chan_, other.chan_);
    return *this;
  }
  ~sender() { detail::release_sender(chan_); }

  /// Waits for a free slot (behind the senders already waiting) and puts `value` in it.
  send_future<T> send(T value) {
    if (chan_ == nullptr) throw std::logic_error("wakeline: send on a moved-from mpsc sender");
    return send_future<T>(chan_, std::move(value));
  }

  /// True once the receiver is dropped or closed.
  bool is_closed() const { return chan_ == nullptr || chan_->closed; }

  /// Free slots that a send could take right now without waiting.
  std::size_t capacity() const { return chan_ == nullptr ? 0 : chan_->permits; }

  /// The capacity the channel was made with.
  std::size_t max_capacity() const { return chan_ == nullptr ? 0 : chan_->capacity; }

 private:
  friend std::pair<sender<T>, receiver<T>> channel<T>(std::size_t);
  explicit sender(detail::chan<T>* c) : chan_(c) { chan_->add_sender(); }

  detail::chan<T>* chan_;
};

/// A handle that sends into an unbounded channel; copying it clones the sender.
template <class T>
class unbounded_sender {
 public:
  unbounded_sender(const unbounded_sender& other) : chan_(other.chan_) {
    if (chan_ != nullptr) chan_->add_sender();
  }
  unbounded_sender(unbounded_sender&& other) noexcept
      : chan_(std::exchange(other.chan_, nullptr)) {}
  unbounded_sender& operator=(unbounded_sender other) noexcept {
    std::swap(chan_, other.chan_);
    return *this;
  }
  ~unbounded_sender() { detail::release_sender(chan_); }

  /// Puts `value` in the channel at once and wakes the receiver; never waits. Fails, handing
  /// the value back, when the receiver is gone.
  send_result<T> send(T value) {
    if (chan_ == nullptr) throw std::logic_error("wakeline: send on a moved-from mpsc sender");
    if (chan_->closed) return send_result<T>::closed(std::move(value));
    chan_->buffer.push_back(std::move(value));
    chan_->wake_receiver();
    return send_result<T>::ok();
  }

  /// True once the receiver is dropped or closed.
  bool is_closed() const { return chan_ == nullptr || chan_->closed; }

 private:
  friend std::pair<unbounded_sender<T>, receiver<T>> unbounded_channel<T>();
  explicit unbounded_sender(detail::chan<T>* c) : chan_(c) { chan_->add_sender(); }

  detail::chan<T>* chan_;
};

/// The future returned by `receiver::recv`: the next value, or nullopt once the channel has
/// ended. Dropping it while pending forgets the receiver's waker, except under Tokio's rules,
/// where the waker stays until the next send wakes it.
template <class T>
class [[nodiscard]] recv_future {
 public:
  explicit recv_future(detail::chan<T>* c) : chan_(c) {}
  recv_future(recv_future&& other) noexcept
      : chan_(other.chan_), waiting_(std::exchange(other.waiting_, false)) {}
  recv_future& operator=(recv_future&&) = delete;
  ~recv_future() {
    if (waiting_ && !wakeline::detail::tokio_primitives()) chan_->rx_waker.reset();
  }

  wakeline::poll<std::optional<T>> poll(context& cx) {
    return coop_poll(cx, [this, &cx] { return poll_resource(cx); });
  }

 private:
  // The resource itself; `poll` adds the coop budget (coop.hpp).
  wakeline::poll<std::optional<T>> poll_resource(context& cx) {
    if (!chan_->buffer.empty()) {
      waiting_ = false;
      T value = std::move(chan_->buffer.front());
      chan_->buffer.pop_front();
      chan_->release_slot();
      return std::optional<T>(std::move(value));
    }
    if (chan_->senders == 0 || chan_->closed) {
      waiting_ = false;
      return std::optional<T>();
    }
    if (!chan_->rx_waker || !chan_->rx_waker->will_wake(cx.waker())) chan_->rx_waker = cx.waker();
    waiting_ = true;
    return poll_pending;
  }

  detail::chan<T>* chan_;
  bool waiting_ = false;
};

/// The single receiving handle of a channel. Dropping it closes the channel.
template <class T>
class receiver {
 public:
  receiver(receiver&& other) noexcept : chan_(std::exchange(other.chan_, nullptr)) {}
  receiver& operator=(receiver&& other) noexcept {
    if (this != &other) {
      release();
      chan_ = std::exchange(other.chan_, nullptr);
    }
    return *this;
  }
  ~receiver() { release(); }

  /// Waits for the next value; nullopt once every sender is gone and the buffer is empty.
  /// The receiver must outlive the returned future.
  recv_future<T> recv() {
    if (chan_ == nullptr) throw std::logic_error("wakeline: recv on a moved-from mpsc receiver");
    return recv_future<T>(chan_);
  }

  /// Makes every later send fail, without dropping what is buffered: `recv` still drains it.
  void close() {
    if (chan_ != nullptr) chan_->close();
  }

  /// Values in the buffer.
  std::size_t len() const { return chan_ == nullptr ? 0 : chan_->buffer.size(); }

  /// True once closed, or once every sender is gone.
  bool is_closed() const { return chan_ == nullptr || chan_->closed || chan_->senders == 0; }

 private:
  friend std::pair<sender<T>, receiver<T>> channel<T>(std::size_t);
  friend std::pair<unbounded_sender<T>, receiver<T>> unbounded_channel<T>();
  explicit receiver(detail::chan<T>* c) : chan_(c) {}

  void release() {
    detail::chan<T>* c = std::exchange(chan_, nullptr);
    if (c != nullptr && c->drop_receiver()) delete c;
  }

  detail::chan<T>* chan_;
};

template <class T>
std::pair<sender<T>, receiver<T>> channel(std::size_t capacity) {
  if (capacity == 0) throw std::invalid_argument("wakeline: mpsc channel capacity must be > 0");
  auto* c = new detail::chan<T>(true, capacity);
  return {sender<T>(c), receiver<T>(c)};
}

template <class T>
std::pair<unbounded_sender<T>, receiver<T>> unbounded_channel() {
  auto* c = new detail::chan<T>(false, 0);
  return {unbounded_sender<T>(c), receiver<T>(c)};
}

}  // namespace wakeline::mpsc
