// What the harness (core/task/harness.cpp, Tokio's task/harness.rs) hands a scheduler between
// the two halves of a poll.
//
// A poll has two halves (begin and end). Its code runs at once, at the virtual time it begins,
// and its effects (wakes, spawns, messages) are recorded there, though its code reads a clock its
// own `busy` work moves on (runtime::code_now_ns); the poll ends `cost` later (the
// strategy's `poll_cost_ns` plus what the task declared with `wakeline::busy`). A single-worker
// strategy lets the clock run on to the end; a multi-worker one keeps the poll in flight while
// its other workers go on, so their work overlaps in time.
#pragma once

#include <cstdint>

#include "../detail/task.hpp"

namespace wakeline::detail {

/// A poll whose code has run and whose end is not recorded yet.
struct poll_in_flight {
  task_header* task = nullptr;
  std::uint64_t begin_seq = 0;
  std::uint64_t cost_ns = 0;  ///< Virtual time from its beginning to its end.
  bool done = false;          ///< The future completed.
  bool queued = false;        ///< The task came from a queue, whose reference end_poll releases.
  std::uint16_t worker = 0;
  std::uint64_t coop_left = 0;  ///< Coop budget the poll left unspent.
};

}  // namespace wakeline::detail
