// An async mutex guarding a value (tokio's `sync::Mutex<T>`).
//
// Like tokio's, it is a semaphore with one permit, and so it is fair: tasks get the lock in the
// order they asked for it. Unlocking does not make the lock free for whoever polls first; it
// hands the lock directly to the first waiter and wakes that task:
//
//   task a: lock() -> guard            task b: lock() -> pending (queued, waker cloned)
//   task a: guard dropped  ── waker_wake ──> task b: polled -> guard
//
// Dropping a waiting `lock()` future leaves the queue; dropping one that was handed the lock
// but not polled again passes the lock to the next waiter, so no wakeup is lost.
//
// Tokio 1.24.2's rules (`sync/mutex.rs`, under tokio-1.24.2/src/), and what Wakeline does:
// - `lock` (339-350) awaits `acquire` (541-550), an `Acquire` of one permit of its
//   `batch_semaphore` (semaphore.hpp: FIFO, coop-budgeted, the waker kept if it `will_wake`).
// - The guard's drop (835-846) is `release(1)` (844): the permit goes to the oldest waiter,
//   which is woken; a release of one permit completes at most one waiter, so the batch order of
//   semaphore.hpp never shows here. Same here, under both flavours.
// - A task aborted while it holds the guard drops it when the scheduler reaches the task
//   (`cancel_task`, runtime/task/harness.rs:444-456): the lock goes to the next waiter then.
//
// Proved by the fidelity scenarios `mutex_contention`, `mutex_abort_holder`,
// `mutex_lock_dropped` (docs/tokio-fidelity.md).
#pragma once

#include <optional>
#include <utility>

#include "../future.hpp"
#include "semaphore.hpp"

namespace wakeline {

template <class T>
class mutex;
template <class T>
class lock_future;

/// Access to the guarded value while the lock is held; unlocks when destroyed
/// (tokio's `MutexGuard`). Move-only.
template <class T>
class [[nodiscard]] mutex_guard {
 public:
  mutex_guard(mutex_guard&& other) noexcept : mutex_(std::exchange(other.mutex_, nullptr)) {}
  mutex_guard& operator=(mutex_guard&& other) noexcept {
    if (this != &other) {
      unlock();
      mutex_ = std::exchange(other.mutex_, nullptr);
    }
    return *this;
  }
  ~mutex_guard() { unlock(); }

  T& operator*() const { return mutex_->value_; }
  T* operator->() const { return &mutex_->value_; }

 private:
  friend class mutex<T>;
  friend class lock_future<T>;
  explicit mutex_guard(mutex<T>& m) : mutex_(&m) {}
  void unlock() {
    if (mutex_ != nullptr) std::exchange(mutex_, nullptr)->lock_.add_permits(1);
  }

  mutex<T>* mutex_;
};

/// The future returned by `mutex::lock`. Must not be moved after its first poll.
template <class T>
class [[nodiscard]] lock_future {
 public:
  explicit lock_future(mutex<T>& m) : mutex_(&m), acquire_(m.lock_.acquire(1)) {}

  wakeline::poll<mutex_guard<T>> poll(context& cx) {
    auto permit = acquire_.poll(cx);
    if (permit.is_pending()) return poll_pending;
    // The guard owns the permit from now on and returns it to the semaphore itself.
    std::move(permit).value().forget();
    return mutex_guard<T>(*mutex_);
  }

 private:
  mutex<T>* mutex_;
  acquire_future acquire_;
};

/// A value that one task at a time may access, across awaits.
template <class T>
class mutex {
 public:
  /// A mutex guarding `value`, unlocked.
  explicit mutex(T value = T()) : value_(std::move(value)) {}
  mutex(const mutex&) = delete;
  mutex& operator=(const mutex&) = delete;

  /// Waits for the lock, behind every task already waiting for it.
  lock_future<T> lock() { return lock_future<T>(*this); }

  /// Takes the lock now if it is free and nobody waits for it.
  std::optional<mutex_guard<T>> try_lock() {
    auto permit = lock_.try_acquire(1);
    if (!permit) return std::nullopt;
    permit->forget();
    return mutex_guard<T>(*this);
  }

  /// True while some guard holds the lock (or it has been handed to a waiter).
  bool is_locked() const { return lock_.available_permits() == 0; }

 private:
  friend class mutex_guard<T>;
  friend class lock_future<T>;

  semaphore lock_{1};
  T value_;
};

}  // namespace wakeline
