// Memory a program holds outside the runtime's own allocations, counted against the run's
// memory limit like task frames and the trace: an interpreter's values, for instance. What is
// allocated while a runtime runs one of its slices is that runtime's.
#pragma once

#include <cstddef>
#include <new>

#include "detail/memory_account.hpp"

namespace wakeline {

/// Counts `bytes` the program has just allocated.
inline void count_program_allocation(std::size_t bytes) { detail::count_allocation(bytes); }
/// Counts `bytes` the program has just freed.
inline void count_program_deallocation(std::size_t bytes) { detail::count_deallocation(bytes); }

/// A standard allocator whose blocks are counted, for the containers of a program.
template <class T>
struct counted_allocator {
  using value_type = T;
  counted_allocator() = default;
  template <class U>
  counted_allocator(const counted_allocator<U>&) noexcept {}
  T* allocate(std::size_t n) {
    count_program_allocation(n * sizeof(T));
    return static_cast<T*>(::operator new(n * sizeof(T)));
  }
  void deallocate(T* p, std::size_t n) noexcept {
    count_program_deallocation(n * sizeof(T));
    ::operator delete(p);
  }
  template <class U>
  bool operator==(const counted_allocator<U>&) const noexcept {
    return true;
  }
};

}  // namespace wakeline
