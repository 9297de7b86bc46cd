// A future from a function: each poll calls `fn(cx)` (Rust's `std::future::poll_fn`).
#pragma once

#include <utility>

#include "future.hpp"

namespace wakeline {

/// The future returned by `poll_fn`.
template <class Fn>
class poll_fn_future {
 public:
  explicit poll_fn_future(Fn fn) : fn_(std::move(fn)) {}
  auto poll(context& cx) { return fn_(cx); }

 private:
  Fn fn_;
};

/// Turns a callable `poll<T>(context&)` into a future: the smallest hand-written future.
template <class Fn>
poll_fn_future<std::decay_t<Fn>> poll_fn(Fn&& fn) {
  return poll_fn_future<std::decay_t<Fn>>(std::forward<Fn>(fn));
}

}  // namespace wakeline
