// Rust's `Poll::Pending` for the hand-written futures of the examples. `return pending();` is
// `return poll_pending;` that also notes the line of that `return` as where the task waits: the
// line the trace's poll_end carries and the page lights up. Kept out of the examples' own files,
// which the page shows: a reader sees the future's pending return, not the tracing of it.
#pragma once

#include "wakeline.hpp"

namespace wakeline::examples {

/// Poll::Pending from the caller's line: that line becomes the await point of the poll.
inline pending_tag pending(source_location where = source_location::current()) {
  mark_await_point(where);
  return poll_pending;
}

}  // namespace wakeline::examples
