// The future concept: anything with `poll(context&)` returning `poll<T>`.
//
// Like Rust's futures, a future is inert until polled, and must not be moved after its first
// poll: it may have handed out pointers to itself (a timer entry, a waiter list node).
#pragma once

#include <type_traits>

#include "context.hpp"
#include "poll.hpp"

namespace wakeline {

namespace detail {
template <class T>
struct is_poll : std::false_type {};
template <class T>
struct is_poll<poll<T>> : std::true_type {};
}  // namespace detail

/// A type that can be polled to completion.
template <class F>
concept future = requires(F& f, context& cx) {
  {f.poll(cx)};
  requires detail::is_poll<decltype(f.poll(cx))>::value;
};

/// The value a future produces (`void` for futures without a value).
template <future F>
using output_t = typename decltype(std::declval<F&>().poll(std::declval<context&>()))::value_type;

/// The output with `void` replaced by `unit`, for combinators that store outputs.
template <future F>
using value_t = std::conditional_t<std::is_void_v<output_t<F>>, unit, output_t<F>>;

/// Polls `f` and returns its value as `std::optional<value_t<F>>` (empty while pending).
template <future F>
std::optional<value_t<F>> poll_value(F& f, context& cx) {
  if constexpr (std::is_void_v<output_t<F>>) {
    if (f.poll(cx).is_ready()) return unit{};
    return std::nullopt;
  } else {
    auto p = f.poll(cx);
    if (p.is_ready()) return std::move(p).value();
    return std::nullopt;
  }
}

}  // namespace wakeline
