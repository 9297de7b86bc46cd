// A per-thread cache of freed blocks, by size class, for coroutine frames and task cells. A
// spawn+join allocates two small blocks and frees them soon after; glibc's malloc spent more
// instructions on that than the whole scheduler (bench/runtime_bench.cpp, docs/benchmarks.md).
//
//   size class  = ceil(size / 16), blocks of 16 .. 1024 bytes; larger ones go to operator new
//   free block  = a node of its class's singly linked free list (the block's first bytes)
//   cached      = at most 32 MiB per thread; beyond that, freed blocks go back to operator delete
//
// Under AddressSanitizer blocks go straight to operator new/delete, so that a use after free of
// a frame is still reported.
//
// Every block, pooled or not, is counted against the running runtime's memory account
// (memory_account.hpp) by the size asked for, on both paths alike, so the account balances with
// and without the pool; blocks kept in the free lists belong to the pool, not to a program.
#pragma once

#include <cstddef>
#include <new>
#include <utility>

#include "memory_account.hpp"

#if defined(__SANITIZE_ADDRESS__)
#define WAKELINE_FRAME_POOL 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define WAKELINE_FRAME_POOL 0
#endif
#endif
#ifndef WAKELINE_FRAME_POOL
#define WAKELINE_FRAME_POOL 1
#endif

namespace wakeline::detail {

/// Allocates and frees the runtime's small, short-lived blocks through per-thread free lists.
class frame_pool {
 public:
  /// A block of at least `size` bytes, aligned like operator new.
  static void* allocate(std::size_t size);
  /// Frees a block from `allocate(size)`, with the same `size`.
  static void deallocate(void* p, std::size_t size) noexcept;

 private:
  static constexpr std::size_t granule = 16;
  static constexpr std::size_t max_block = 1024;
  static constexpr std::size_t max_cached_bytes = std::size_t{32} << 20;

  struct free_block {
    free_block* next;
  };
  /// The free lists of one thread; they give every block back when the thread ends.
  struct lists {
    free_block* heads[max_block / granule];
    std::size_t cached_bytes;
    ~lists() {
      for (free_block*& head : heads) {
        while (head != nullptr) ::operator delete(std::exchange(head, head->next));
      }
    }
  };

  static std::size_t class_of(std::size_t size) { return size == 0 ? 0 : (size - 1) / granule; }
  static std::size_t block_size(std::size_t size) { return (class_of(size) + 1) * granule; }

  static thread_local lists cache;
};

// Zero-initialised: no constructor runs, only the destructor at thread exit.
inline thread_local frame_pool::lists frame_pool::cache{};

inline void* frame_pool::allocate(std::size_t size) {
  count_allocation(size);
#if WAKELINE_FRAME_POOL
  if (size <= max_block) {
    lists& l = cache;
    free_block*& head = l.heads[class_of(size)];
    if (head != nullptr) {
      free_block* b = head;
      head = b->next;
      l.cached_bytes -= block_size(size);
      return b;
    }
    return ::operator new(block_size(size));
  }
#endif
  return ::operator new(size);
}

inline void frame_pool::deallocate(void* p, std::size_t size) noexcept {
  count_deallocation(size);
#if WAKELINE_FRAME_POOL
  if (size <= max_block) {
    lists& l = cache;
    if (l.cached_bytes + block_size(size) <= max_cached_bytes) {
      free_block*& head = l.heads[class_of(size)];
      head = ::new (p) free_block{head};
      l.cached_bytes += block_size(size);
      return;
    }
    ::operator delete(p);
    return;
  }
#endif
  ::operator delete(p, size);
}

}  // namespace wakeline::detail
