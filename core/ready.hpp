// A future that is ready on its first poll (Rust's `std::future::ready`).
#pragma once

#include <optional>
#include <utility>

#include "future.hpp"

namespace wakeline {

/// The future returned by `ready(value)`.
template <class T>
class ready_future {
 public:
  explicit ready_future(T value) : value_(std::move(value)) {}
  wakeline::poll<T> poll(context&) { return std::move(*value_); }

 private:
  std::optional<T> value_;
};

/// The future returned by `ready()`.
class ready_void_future {
 public:
  wakeline::poll<void> poll(context&) { return poll_ready(); }
};

/// A future that completes at once with `value`.
template <class T>
ready_future<std::decay_t<T>> ready(T&& value) {
  return ready_future<std::decay_t<T>>(std::forward<T>(value));
}

/// A future that completes at once with no value.
inline ready_void_future ready() { return {}; }

}  // namespace wakeline
