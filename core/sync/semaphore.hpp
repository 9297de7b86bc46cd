// An async counting semaphore (tokio's `sync::Semaphore`, over its `batch_semaphore`).
//
// Fairness works as in tokio: waiters are served strictly first in, first out, and permits
// released while someone waits are *assigned* to the waiter at the head of the queue, even when
// they are not yet enough for it. So a large request at the head holds back every later small
// request, which cannot overtake it; the payoff is that nobody starves.
//
// Invariant: `available_permits() > 0` only while nobody waits. Hence `try_acquire` fails
// whenever someone is queued, and a new `acquire` joins the back of the queue.
//
// Cancellation: dropping a waiting `acquire` future unlinks it and gives back the permits
// already assigned to it, which go to the next waiter. Dropping a future that was granted its
// permits but not polled again does the same, so no wakeup is lost.
//
// Tokio 1.24.2's rules (`sync/batch_semaphore.rs`, under tokio-1.24.2/src/; `Semaphore` in
// `sync/semaphore.rs` and `Mutex` in `sync/mutex.rs` are thin layers over it), and what
// Wakeline does:
// - acquire. `Acquire::poll` (526-567): coop first (547), then `poll_acquire` (350-473): take
//   the permits if there are enough (permits are 0 whenever someone waits, so nobody
//   overtakes), else take what there is, register the waker (449-460, kept if it `will_wake`
//   the same task) and queue at the front of the list, which is served from the back: FIFO
//   (469). A re-poll while queued only refreshes the waker. Same here.
// - release. `add_permits_locked` (284-348) assigns the permits to the oldest waiters in turn;
//   each waiter given all it asked for is unlinked and its waker put in a `WakeList` of 32
//   (`util/wake_list.rs:5`); a waiter left short stops the loop, and what no waiter takes goes
//   back to the semaphore (313-340). Then `wake_all` wakes the list from its end
//   (`util/wake_list.rs:38-45`): the waiters completed by one release are woken newest first,
//   in batches of 32. The textbook flavour wakes each waiter as it is completed, oldest first;
//   the tokio flavour (core/strategy.hpp) collects and wakes them as Tokio does. A release that
//   completes one waiter (a mutex unlock, a channel slot) is the same under both.
// - Dropping a waiting acquire. `Acquire::drop` (635-657): unlinked, and the permits already
//   assigned to it released as above (to the next waiters). A future granted its permits but
//   not polled again is still `queued` (only a ready poll clears it, 557), so its permits go
//   back the same way. Same here.
// - close: wakes every waiter, oldest first, one by one (225-237): used by mpsc (mpsc.hpp).
//
// Proved by the fidelity scenarios `semaphore_release_many`, `semaphore_release_partial`,
// `semaphore_big_request_blocks`, `semaphore_acquire_dropped`, and for the mutex
// `mutex_contention`, `mutex_abort_holder`, `mutex_lock_dropped` (docs/tokio-fidelity.md).
#pragma once

#include <algorithm>
#include <array>
#include <cassert>
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <utility>

#include "../coop.hpp"
#include "../detail/flavour.hpp"
#include "../future.hpp"
#include "detail/waiter_list.hpp"

namespace wakeline {

class semaphore;

/// Permits held from a semaphore; gives them back when destroyed (tokio's `SemaphorePermit`).
class [[nodiscard]] semaphore_permit {
 public:
  semaphore_permit(semaphore_permit&& other) noexcept
      : sem_(std::exchange(other.sem_, nullptr)), permits_(std::exchange(other.permits_, 0)) {}
  semaphore_permit& operator=(semaphore_permit&& other) noexcept {
    if (this != &other) {
      release();
      sem_ = std::exchange(other.sem_, nullptr);
      permits_ = std::exchange(other.permits_, 0);
    }
    return *this;
  }
  ~semaphore_permit() { release(); }

  /// How many permits this guard holds.
  std::size_t num_permits() const { return permits_; }

  /// Keeps the permits out of the semaphore for good: they are not returned on destruction.
  void forget() {
    sem_ = nullptr;
    permits_ = 0;
  }

 private:
  friend class semaphore;
  friend class acquire_future;
  semaphore_permit(semaphore& sem, std::size_t permits) : sem_(&sem), permits_(permits) {}
  inline void release();

  semaphore* sem_;
  std::size_t permits_;
};

namespace detail {
/// A queued `acquire`: how many permits it still lacks. Zero once it has been granted them all.
struct acquire_waiter : waiter_node {
  std::size_t needed = 0;
};
}  // namespace detail

/// The future returned by `semaphore::acquire`: ready with a permit guard once granted.
/// Must not be moved after its first poll; dropping it leaves the queue.
class [[nodiscard]] acquire_future {
 public:
  acquire_future(semaphore& sem, std::size_t permits) : sem_(&sem), requested_(permits) {}
  acquire_future(acquire_future&& other) noexcept
      : sem_(other.sem_),
        requested_(other.requested_),
        node_(std::move(other.node_)),
        state_(std::exchange(other.state_, state::done)) {}
  acquire_future& operator=(acquire_future&&) = delete;
  inline ~acquire_future();

  /// Ready with the permits (within the task's coop budget, coop.hpp).
  wakeline::poll<semaphore_permit> poll(context& cx) {
    return coop_poll(cx, [this, &cx] { return poll_resource(cx); });
  }

 private:
  inline wakeline::poll<semaphore_permit> poll_resource(context& cx);
  enum class state : unsigned char {
    idle,     ///< Not polled yet.
    waiting,  ///< Queued, or granted and not yet polled again (then the node is unlinked).
    done,     ///< The permit guard was handed out (or the future was moved from).
  };

  semaphore* sem_;
  std::size_t requested_;
  detail::acquire_waiter node_;
  state state_ = state::idle;
};

/// A set of permits that tasks wait for in FIFO order.
class semaphore {
 public:
  /// A semaphore holding `permits` permits.
  explicit semaphore(std::size_t permits) : permits_(permits) {}
  semaphore(const semaphore&) = delete;
  semaphore& operator=(const semaphore&) = delete;

  /// Waits for `n` permits, behind everyone already waiting. `n == 0` is ready at once.
  acquire_future acquire(std::size_t n = 1) { return acquire_future(*this, n); }

  /// Takes `n` permits now if nobody waits and enough are available.
  std::optional<semaphore_permit> try_acquire(std::size_t n = 1) {
    if (n == 0) return semaphore_permit(*this, 0);
    if (!waiters_.empty() || permits_ < n) return std::nullopt;
    permits_ -= n;
    return semaphore_permit(*this, n);
  }

  /// Adds `n` permits: they go to the waiters at the head of the queue first (waking each one
  /// that becomes complete), and what is left becomes available.
  void add_permits(std::size_t n) {
    if (detail::tokio_primitives()) {
      add_permits_batched(n);
      return;
    }
    while (n > 0 && !waiters_.empty()) {
      detail::acquire_waiter* head = waiters_.front();
      std::size_t given = std::min(n, head->needed);
      head->needed -= given;
      n -= given;
      if (head->needed == 0) {
        waiters_.pop_front();
        head->wake();
      }
    }
    permits_ += n;
  }

  /// Permits that can be taken right now without waiting.
  std::size_t available_permits() const { return permits_; }

 private:
  friend class acquire_future;

  /// Tokio's `add_permits_locked` (batch_semaphore.rs:284-348): the wakers of the waiters made
  /// complete are collected, up to 32, and woken from the last collected to the first.
  void add_permits_batched(std::size_t n) {
    while (n > 0) {
      std::array<std::optional<waker>, 32> batch;  // util/wake_list.rs: NUM_WAKERS
      std::size_t collected = 0;
      while (collected < batch.size() && !waiters_.empty()) {
        detail::acquire_waiter* head = waiters_.front();
        std::size_t given = std::min(n, head->needed);
        head->needed -= given;
        n -= given;
        if (head->needed != 0) break;
        waiters_.pop_front();
        batch[collected++] = std::exchange(head->waiter, std::nullopt);
      }
      if (waiters_.empty()) permits_ += std::exchange(n, 0);
      while (collected > 0) {
        std::optional<waker>& w = batch[--collected];
        if (w) std::move(*w).wake();
      }
    }
  }

  std::size_t permits_;
  detail::waiter_list<detail::acquire_waiter> waiters_;
};

void semaphore_permit::release() {
  if (sem_ != nullptr && permits_ > 0) sem_->add_permits(permits_);
  sem_ = nullptr;
  permits_ = 0;
}

wakeline::poll<semaphore_permit> acquire_future::poll_resource(context& cx) {
  switch (state_) {
    case state::idle:
      if (requested_ == 0 || (sem_->waiters_.empty() && sem_->permits_ >= requested_)) {
        sem_->permits_ -= requested_;
        state_ = state::done;
        return semaphore_permit(*sem_, requested_);
      }
      // Take what is there now (only possible when nobody waits) and queue for the rest.
      node_.needed = requested_ - sem_->permits_;
      sem_->permits_ = 0;
      node_.register_waker(cx.waker());
      sem_->waiters_.push_back(&node_);
      state_ = state::waiting;
      return poll_pending;
    case state::waiting:
      if (!node_.linked) {
        state_ = state::done;
        return semaphore_permit(*sem_, requested_);
      }
      node_.register_waker(cx.waker());
      return poll_pending;
    case state::done:
      break;
  }
  throw std::logic_error("wakeline: semaphore acquire future polled after completion");
}

acquire_future::~acquire_future() {
  if (state_ != state::waiting) return;
  sem_->waiters_.remove(&node_);
  node_.waiter.reset();
  // Permits already assigned to this waiter (all of them if it was granted) go to the next one.
  std::size_t assigned = requested_ - node_.needed;
  if (assigned > 0) sem_->add_permits(assigned);
}

}  // namespace wakeline
