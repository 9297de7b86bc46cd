// Polling futures by hand, without an executor, so a test can interleave polls, wakes and drops
// at exact points.
#pragma once

#include <stdexcept>
#include <utility>

#include "async.hpp"
#include "context.hpp"
#include "poll_fn.hpp"
#include "support/wake_counter.hpp"
#include "waker.hpp"

namespace wakeline::support {

/// A task driven by the test, like tokio-test's MockTask: the one waker the test holds over a
/// wake_counter, and a context to poll with (`f.poll(a.cx)`). Not movable: `cx` refers to `w`.
struct mock_task : wake_counter {
  waker w = make();
  context cx{w};
};

/// Polls `f` once and returns its value. A pending poll fails the test by throwing, since there
/// is no value to go on with.
template <class F>
auto expect_ready(F& f, context& cx) {
  auto p = f.poll(cx);
  if (p.is_pending()) throw std::logic_error("expected a ready poll, got pending");
  return std::move(p).value();
}

/// Polls `f` once, in place, with the waker of the task that awaits this, and tells whether it
/// was ready; the caller decides when to drop `f`.
template <class F>
async<bool> poll_in_task(F& f) {
  co_return co_await poll_fn([&](context& cx) { return poll_ready(f.poll(cx).is_ready()); });
}

}  // namespace wakeline::support
