// `async<T>`: the return type of an async function, written as a C++20 coroutine. It is a
// future like any other: polling it resumes the coroutine until its next `co_await` of a
// future that is pending. `co_await` works on any future and records the source line of the
// suspension point, which the trace shows in `poll_end`.
//
// How a poll flows (Rust's `async fn` state machine, built by the compiler here too):
//
//   executor -> async::poll(cx)
//                 if suspended on a future: poll that future again; pending -> return pending
//                 resume the coroutine; it runs to the next co_await of a pending future,
//                 or to co_return -> ready
#pragma once

#include <exception>
#include <optional>
#include <type_traits>
#include <utility>

#include "await_point.hpp"
#include "detail/coroutine.hpp"
#include "detail/task_room.hpp"
#include "future.hpp"
#include "source_location.hpp"

namespace wakeline {

template <class T>
class async;

namespace detail {

/// The future a coroutine is suspended on, type-erased.
struct suspended_on {
  void* awaiter = nullptr;
  bool (*poll)(void* awaiter, context& cx) = nullptr;
};

class async_promise_base {
 public:
  coro::suspend_always initial_suspend() noexcept { return {}; }
  coro::suspend_always final_suspend() noexcept { return {}; }
  void unhandled_exception() { error_ = std::current_exception(); }

  /// Awaits any future: polls it in place, and suspends the coroutine while it is pending.
  template <class F>
  requires future<std::remove_cvref_t<F>>
  auto await_transform(F&& f, const char* file = __builtin_FILE(),
                       std::uint32_t line = __builtin_LINE());

  context* cx = nullptr;  ///< The context of the poll in progress.
  suspended_on waiting;   ///< Set while suspended on a pending future.
  std::exception_ptr error_;
};

/// Holds the awaited future (by value for temporaries, by reference for lvalues) and its output.
template <class F>
class future_awaiter {
 public:
  using future_type = std::remove_cvref_t<F>;

  future_awaiter(F&& f, async_promise_base& promise, source_location where)
      : future_(std::forward<F>(f)), promise_(promise), where_(where) {}

  bool await_ready() { return poll_once(*promise_.cx); }
  void await_suspend(coro::coroutine_handle<>) {
    promise_.waiting = suspended_on{this, &future_awaiter::poll_erased};
  }
  output_t<future_type> await_resume() {
    if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
    if constexpr (!std::is_void_v<output_t<future_type>>) return std::move(*result_);
  }

 private:
  bool poll_once(context& cx) {
    if (auto value = poll_value(future_, cx)) {
      if constexpr (!std::is_void_v<output_t<future_type>>) result_.emplace(std::move(*value));
      return true;
    }
    // The innermost await point wins: outer coroutines see it already set.
    mark_await_point(where_);
    return false;
  }
  // A re-poll happens outside the coroutine body: an exception is kept and rethrown by
  // await_resume, so that it surfaces at the co_await, inside the coroutine's try blocks.
  static bool poll_erased(void* self, context& cx) {
    auto* awaiter = static_cast<future_awaiter*>(self);
    try {
      return awaiter->poll_once(cx);
    } catch (...) {
      awaiter->error_ = std::current_exception();
      return true;
    }
  }

  F future_;
  async_promise_base& promise_;
  source_location where_;
  std::optional<value_t<future_type>> result_;
  std::exception_ptr error_;
};

template <class F>
requires future<std::remove_cvref_t<F>>
auto async_promise_base::await_transform(F&& f, const char* file, std::uint32_t line) {
  return future_awaiter<F>(std::forward<F>(f), *this, source_location{file, line});
}

/// Where the frames of `async<T>` go: pooled blocks with room for the task cell in front.
template <class T>
using async_room = task_room<task_cell<async<T>, value_t<async<T>>>>;

// Frames come and go with every spawned async function: they are recycled (frame_pool.hpp), and
// a spawn builds its task cell in the frame's block (task_room.hpp).
template <class T>
class async_promise : public async_promise_base {
 public:
  static void* operator new(std::size_t size) { return async_room<T>::allocate_frame(size); }
  static void operator delete(void* frame) noexcept { async_room<T>::free_frame(frame); }

  async<T> get_return_object();
  template <class U>
  void return_value(U&& value) {
    value_.emplace(std::forward<U>(value));
  }
  std::optional<T> value_;
};

template <>
class async_promise<void> : public async_promise_base {
 public:
  // Defined below async<void>, whose size the task cell needs.
  static void* operator new(std::size_t size);
  static void operator delete(void* frame) noexcept;

  async<void> get_return_object();
  void return_void() {}
};

}  // namespace detail

/// An async function's future. Move-only; destroying it destroys the coroutine frame, which
/// runs the destructors of everything alive in it: dropping a future cancels it.
template <class T = void>
class [[nodiscard]] async {
 public:
  using promise_type = detail::async_promise<T>;
  using handle_type = detail::coro::coroutine_handle<promise_type>;

  explicit async(handle_type h) : handle_(h) {}
  async(async&& other) noexcept : handle_(std::exchange(other.handle_, {})) {}
  async& operator=(async&& other) noexcept {
    if (this != &other) {
      reset();
      handle_ = std::exchange(other.handle_, {});
    }
    return *this;
  }
  ~async() { reset(); }

  /// The coroutine frame (null once moved from): a spawn builds the task cell in front of it.
  void* frame() const noexcept { return handle_.address(); }

  wakeline::poll<T> poll(context& cx) {
    promise_type& p = handle_.promise();
    if (p.waiting.poll != nullptr) {
      if (!p.waiting.poll(p.waiting.awaiter, cx)) return poll_pending;
      p.waiting = {};
    }
    p.cx = &cx;
    handle_.resume();
    p.cx = nullptr;
    if (!handle_.done()) return poll_pending;
    if (p.error_) std::rethrow_exception(std::exchange(p.error_, nullptr));
    if constexpr (std::is_void_v<T>) {
      return poll_ready();
    } else {
      return std::move(*p.value_);
    }
  }

 private:
  void reset() {
    if (handle_) handle_.destroy();
    handle_ = {};
  }
  handle_type handle_;
};

namespace detail {
template <class T>
inline constexpr bool has_task_room<async<T>> = true;

template <class T>
async<T> async_promise<T>::get_return_object() {
  return async<T>(async<T>::handle_type::from_promise(*this));
}
inline void* async_promise<void>::operator new(std::size_t size) {
  return async_room<void>::allocate_frame(size);
}
inline void async_promise<void>::operator delete(void* frame) noexcept {
  async_room<void>::free_frame(frame);
}
inline async<void> async_promise<void>::get_return_object() {
  return async<void>(async<void>::handle_type::from_promise(*this));
}
}  // namespace detail

}  // namespace wakeline
