// Memory a program holds outside the runtime's own allocations, counted against the run's
// memory limit like task frames and the trace: an interpreter's values, for instance. What is
// allocated while a runtime runs one of its slices is that runtime's.
#pragma once

#include <cstddef>

#include "detail/memory_account.hpp"

namespace wakeline {

/// Counts `bytes` the program has just allocated.
inline void count_program_allocation(std::size_t bytes) { detail::count_allocation(bytes); }
/// Counts `bytes` the program has just freed.
inline void count_program_deallocation(std::size_t bytes) { detail::count_deallocation(bytes); }

}  // namespace wakeline
