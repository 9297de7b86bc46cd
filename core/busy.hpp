// `busy(d)`: the poll in progress computes for `d` of virtual time, as a task doing CPU work
// without awaiting would. The poll's end is recorded that much later, and its worker runs
// nothing else meanwhile. With the real clock it does nothing: real polls take their own time.
#pragma once

#include <chrono>
#include <stdexcept>

#include "runtime.hpp"

namespace wakeline {

/// Spends `d` of the current worker's time in the poll in progress (virtual time only).
inline void busy(std::chrono::nanoseconds d) {
  if (d.count() < 0) throw std::invalid_argument("wakeline::busy: a negative duration");
  runtime::current().add_poll_cost(static_cast<std::uint64_t>(d.count()));
}

}  // namespace wakeline
