// The result of polling a future once: ready with a value, or pending (Rust's `Poll<T>`).
#pragma once

#include <optional>
#include <utility>

namespace wakeline {

/// The empty value of futures that produce nothing, so combinators can hold any output uniformly.
struct unit {
  friend bool operator==(unit, unit) { return true; }
};

/// Tag for a pending poll: `return poll_pending;`.
struct pending_tag {};
inline constexpr pending_tag poll_pending{};

/// Either `ready(value)` or `pending`. Converts implicitly from a value and from `poll_pending`.
template <class T>
class poll {
 public:
  using value_type = T;

  poll(pending_tag) {}
  poll(T value) : value_(std::move(value)) {}

  bool is_ready() const { return value_.has_value(); }
  bool is_pending() const { return !value_.has_value(); }
  explicit operator bool() const { return is_ready(); }

  T& value() & { return *value_; }
  T&& value() && { return std::move(*value_); }

 private:
  std::optional<T> value_;
};

/// The poll of a future without a value: ready or pending, nothing else.
template <>
class poll<void> {
 public:
  using value_type = void;

  poll(pending_tag) {}
  poll(unit) : ready_(true) {}

  bool is_ready() const { return ready_; }
  bool is_pending() const { return !ready_; }
  explicit operator bool() const { return ready_; }
  void value() const {}

 private:
  bool ready_ = false;
};

/// `poll_ready(v)` reads like Rust's `Poll::Ready(v)`.
template <class T>
poll<std::decay_t<T>> poll_ready(T&& value) {
  return poll<std::decay_t<T>>(std::forward<T>(value));
}

/// The ready poll of a future without a value.
inline poll<void> poll_ready() { return poll<void>(unit{}); }

}  // namespace wakeline
