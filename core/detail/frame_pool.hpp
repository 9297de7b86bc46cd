// A per-thread pool of blocks, by size class, for coroutine frames and task cells. A spawn+join
// allocates a small block (an async function's frame, with its task cell in front: task_room.hpp)
// and frees it soon after; glibc's malloc spent more instructions on that than the whole
// scheduler (bench/runtime_bench.cpp, docs/benchmarks.md).
//
//   size class  = ceil(size / 16), blocks of 16 .. 1024 bytes; larger ones go to operator new
//   free block  = a node of its class's singly linked free list (the block's first bytes)
//   new block   = carved from the thread's current slab (2 MiB, on Linux a huge page; 256 KiB in
//                 WebAssembly): a pointer bump instead of malloc, and one page fault per slab
//   giving back = when the thread's last block comes back and its slabs hold more than 32 MiB,
//                 every slab is freed; below that they stay for the next run
//
// A block is freed on the thread that allocated it, as a runtime and its tasks stay on one thread.
//
// Under AddressSanitizer blocks go straight to operator new/delete, so that a use after free of
// a frame is still reported.
//
// Every block, pooled or not, is counted against the running runtime's memory account
// (memory_account.hpp) by the size asked for, on both paths alike, so the account balances with
// and without the pool; blocks kept in the free lists belong to the pool, not to a program.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <utility>

#include "memory_account.hpp"

#if defined(__linux__) && !defined(__EMSCRIPTEN__)
#include <sys/mman.h>
#endif

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
  static constexpr std::size_t max_retained_bytes = std::size_t{32} << 20;
#if defined(__EMSCRIPTEN__)
  static constexpr std::size_t slab_bytes = std::size_t{256} << 10;
#else
  static constexpr std::size_t slab_bytes = std::size_t{2} << 20;
#endif

  struct free_block {
    free_block* next;
  };
  /// A slab's first bytes: the link to the slab allocated before it.
  struct slab {
    slab* previous;
  };
  /// The free lists and slabs of one thread. Trivially destructible, so that every allocation
  /// reaches it directly: a thread_local with a destructor is reached through a check that it
  /// was constructed. The slabs go back when the thread ends through `slab_keeper`.
  struct lists {
    free_block* heads[max_block / granule];
    char* bump;      ///< The current slab's unused part, from here ...
    char* bump_end;  ///< ... to here.
    slab* newest;
    std::size_t slab_count;
    std::size_t live;  ///< Blocks handed out and not given back.
    void release() noexcept;
  };
  /// Frees the thread's slabs when it ends. Touched when a slab is carved, which constructs it.
  struct slab_keeper {
    // A block still out when the thread ends (one held by a static object) keeps its slab:
    // freeing the slab would let that block's later deallocate write into freed memory.
    ~slab_keeper() {
      if (cache.live == 0) cache.release();
    }
  };
  static std::size_t class_of(std::size_t size) { return size == 0 ? 0 : (size - 1) / granule; }
  static std::size_t block_size(std::size_t size) { return (class_of(size) + 1) * granule; }
  static void* carve(lists& l, std::size_t bytes);

  static thread_local lists cache;
  static thread_local slab_keeper keeper;
};

// Zero-initialised at compile time (constinit): nothing runs on first use.
inline constinit thread_local frame_pool::lists frame_pool::cache{};
inline thread_local frame_pool::slab_keeper frame_pool::keeper;

inline void* frame_pool::allocate(std::size_t size) {
  count_allocation(size);
#if WAKELINE_FRAME_POOL
  if (size <= max_block) {
    lists& l = cache;
    ++l.live;
    free_block*& head = l.heads[class_of(size)];
    if (head != nullptr) {
      free_block* b = head;
      head = b->next;
      return b;
    }
    const std::size_t bytes = block_size(size);
    if (static_cast<std::size_t>(l.bump_end - l.bump) >= bytes) {
      void* b = l.bump;
      l.bump += bytes;
      return b;
    }
    return carve(l, bytes);
  }
#endif
  return ::operator new(size);
}

inline void frame_pool::deallocate(void* p, std::size_t size) noexcept {
  count_deallocation(size);
#if WAKELINE_FRAME_POOL
  if (size <= max_block) {
    lists& l = cache;
    free_block*& head = l.heads[class_of(size)];
    head = ::new (p) free_block{head};
    // Between runs every block is back: then a pool grown past its bound by a large run is
    // given back whole, since a slab cannot be freed while its blocks sit in the lists.
    if (--l.live == 0 && l.slab_count * slab_bytes > max_retained_bytes) l.release();
    return;
  }
#endif
  ::operator delete(p, size);
}

// A new slab: the rest of the current one is left unused (under 1 KiB of 2 MiB).
[[gnu::noinline]] inline void* frame_pool::carve(lists& l, std::size_t bytes) {
  (void)&keeper;  // Frees the slabs when the thread ends.
  void* memory = std::aligned_alloc(slab_bytes, slab_bytes);
  if (memory == nullptr) {
    --l.live;
    throw std::bad_alloc();
  }
#if defined(__linux__) && !defined(__EMSCRIPTEN__) && defined(MADV_HUGEPAGE)
  // A hint: where transparent huge pages are off, the slab uses small pages.
  (void)madvise(memory, slab_bytes, MADV_HUGEPAGE);
#endif
  l.newest = ::new (memory) slab{l.newest};
  ++l.slab_count;
  // The header takes one granule, so blocks stay 16-byte aligned.
  l.bump = static_cast<char*>(memory) + granule;
  l.bump_end = static_cast<char*>(memory) + slab_bytes;
  void* b = l.bump;
  l.bump += bytes;
  return b;
}

inline void frame_pool::lists::release() noexcept {
  while (newest != nullptr) std::free(std::exchange(newest, newest->previous));
  for (free_block*& head : heads) head = nullptr;
  bump = bump_end = nullptr;
  slab_count = 0;
}

}  // namespace wakeline::detail
