// Where a task waits. A pending poll records the innermost await point it went through: the
// file and line its poll_end carries, that a deadlock report names and the page highlights.
// An `async` function records one at each `co_await` (async.hpp); a future written by hand
// says where it waits with `mark_await_point`, just before it returns pending. A future that
// numbers its states as rustc does (a program's `async fn`, lang/) also gives the number of
// the state it is suspended in, which the poll_end carries as `state`.
#pragma once

#include <cstdint>

#include "source_location.hpp"

namespace wakeline {

/// An await point: its file and line, and the suspend state's number, 0 when the future has
/// no numbered states (a C++ coroutine). Sixteen bytes, as a source_location is.
struct await_point {
  const char* file = nullptr;
  std::uint32_t line = 0;
  std::uint32_t state = 0;

  bool known() const { return file != nullptr; }
};

namespace detail {
/// The innermost await point of the poll in progress; reset by the harness before each poll.
extern constinit thread_local await_point suspend_point;
}  // namespace detail

/// Records `where` (by default, the caller's line) as the await point of the poll in progress,
/// with the suspend state's number if the future has one, unless a future it polled has
/// recorded one already: the innermost wins, as in an `async` function.
inline void mark_await_point(const source_location& where = source_location::current(),
                             std::uint32_t state = 0) {
  if (!detail::suspend_point.known()) detail::suspend_point = {where.file, where.line, state};
}

}  // namespace wakeline
