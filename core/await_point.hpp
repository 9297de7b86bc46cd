// Where a task waits. A pending poll records the innermost await point it went through: the
// file and line its poll_end carries, that a deadlock report names and the page highlights.
// An `async` function records one at each `co_await` (async.hpp); a future written by hand
// says where it waits with `mark_await_point`, just before it returns pending.
#pragma once

#include "source_location.hpp"

namespace wakeline {

namespace detail {
/// The innermost await point of the poll in progress; reset by the harness before each poll.
extern constinit thread_local source_location suspend_point;
}  // namespace detail

/// Records `where` (by default, the caller's line) as the await point of the poll in progress,
/// unless a future it polled has recorded one already: the innermost wins, as in an `async`
/// function.
inline void mark_await_point(const source_location& where = source_location::current()) {
  if (!detail::suspend_point.known()) detail::suspend_point = where;
}

}  // namespace wakeline
