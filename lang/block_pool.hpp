// Where a running program's small blocks come from: objects, frames and the vectors of values
// they hold are made and dropped at every poll, so freed blocks of up to 256 bytes are kept in
// lists by size and handed out again, as the core keeps coroutine frames (frame_pool.hpp).
// Every block counts against the run's memory limit while the program holds it.
#pragma once

#include <cstddef>
#include <new>

#include "core/memory.hpp"

namespace wakeline::lang {

namespace detail {

inline constexpr std::size_t block_granule = 16;
inline constexpr std::size_t block_classes = 16;  ///< Blocks of 16, 32, ... 256 bytes

struct free_block {
  free_block* next;
};

/// The freed blocks of each size, for this thread (a runtime runs on one thread).
inline thread_local free_block* free_blocks[block_classes] = {};

inline std::size_t block_class(std::size_t bytes) {
  return (bytes + block_granule - 1) / block_granule - 1;
}

}  // namespace detail

/// A block of at least `bytes`, counted as the program's.
inline void* allocate_block(std::size_t bytes) {
  count_program_allocation(bytes);
  const std::size_t c = detail::block_class(bytes);
  if (bytes == 0 || c >= detail::block_classes) return ::operator new(bytes);
  if (detail::free_block* b = detail::free_blocks[c]) {
    detail::free_blocks[c] = b->next;
    return b;
  }
  return ::operator new((c + 1) * detail::block_granule);
}

/// Gives back a block that `allocate_block(bytes)` gave.
inline void free_block(void* p, std::size_t bytes) noexcept {
  count_program_deallocation(bytes);
  const std::size_t c = detail::block_class(bytes);
  if (bytes == 0 || c >= detail::block_classes) {
    ::operator delete(p);
    return;
  }
  auto* b = static_cast<detail::free_block*>(p);
  b->next = detail::free_blocks[c];
  detail::free_blocks[c] = b;
}

/// A standard allocator over the blocks: for the program's vectors of values.
template <class T>
struct block_allocator {
  using value_type = T;
  block_allocator() = default;
  template <class U>
  block_allocator(const block_allocator<U>&) noexcept {}
  T* allocate(std::size_t n) { return static_cast<T*>(allocate_block(n * sizeof(T))); }
  void deallocate(T* p, std::size_t n) noexcept { free_block(p, n * sizeof(T)); }
  template <class U>
  bool operator==(const block_allocator<U>&) const noexcept {
    return true;
  }
};

}  // namespace wakeline::lang
