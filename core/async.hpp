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

#include "detail/coroutine.hpp"
#include "detail/frame_pool.hpp"
#include "future.hpp"
#include "source_location.hpp"

namespace wakeline {

template <class T>
class async;

namespace detail {

extern thread_local source_location suspend_point;

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

  // Frames come and go with every spawned async function: recycle them.
  static void* operator new(std::size_t size) { return frame_pool::allocate(size); }
  static void operator delete(void* frame, std::size_t size) noexcept {
    frame_pool::deallocate(frame, size);
  }

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
    if (!suspend_point.known()) suspend_point = where_;
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

template <class T>
class async_promise : public async_promise_base {
 public:
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
async<T> async_promise<T>::get_return_object() {
  return async<T>(async<T>::handle_type::from_promise(*this));
}
inline async<void> async_promise<void>::get_return_object() {
  return async<void>(async<void>::handle_type::from_promise(*this));
}
}  // namespace detail

}  // namespace wakeline
