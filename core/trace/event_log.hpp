// The recorded events of one run, in chunks that never move. A std::vector would copy every
// event each time it grows and fault in a fresh buffer; here appending never copies an earlier
// event, and each full chunk is one 2 MiB block that Linux can back with a single huge page,
// so a long run takes one page fault per 32,768 events instead of one per 64.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <iterator>
#include <memory>
#include <new>
#include <stdexcept>
#include <utility>
#include <vector>

#include "../detail/memory_account.hpp"
#include "event.hpp"

#if defined(__linux__) && !defined(__EMSCRIPTEN__)
#include <sys/mman.h>
#endif

namespace wakeline {

/// An append-only sequence of trace events with random access and stable addresses.
class event_log {
 public:
  /// Events per chunk: 2 MiB of 64-byte events.
  static constexpr std::size_t chunk_events = std::size_t{1} << 15;
  static constexpr std::size_t chunk_bytes = chunk_events * sizeof(trace_event);

  class const_iterator;

  event_log() = default;
  event_log(const event_log&) = delete;
  event_log& operator=(const event_log&) = delete;
  event_log(event_log&& other) noexcept { swap(other); }
  event_log& operator=(event_log&& other) noexcept {
    event_log(std::move(other)).swap(*this);
    return *this;
  }
  ~event_log() {
    for (trace_event* chunk : chunks_) std::free(chunk);
  }

  /// Appends `e` with its seq set to `seq`.
  void push_back(const trace_event& e, std::uint64_t seq) {
    if (next_ == end_) grow();
    *next_ = e;
    next_->seq = seq;
    ++next_;
    ++size_;
  }

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

  const trace_event& operator[](std::size_t i) const { return chunks_[i >> chunk_shift][i & chunk_mask]; }
  const trace_event& at(std::size_t i) const {
    if (i >= size_) throw std::out_of_range("event_log::at");
    return (*this)[i];
  }
  const trace_event& front() const { return (*this)[0]; }
  const trace_event& back() const { return (*this)[size_ - 1]; }

  const_iterator begin() const;
  const_iterator end() const;

 private:
  void swap(event_log& other) noexcept {
    chunks_.swap(other.chunks_);
    std::swap(next_, other.next_);
    std::swap(end_, other.end_);
    std::swap(size_, other.size_);
    std::swap(capacity_, other.capacity_);
  }

  static constexpr unsigned chunk_shift = 15;
  static constexpr std::size_t chunk_mask = chunk_events - 1;
  static_assert(chunk_events == std::size_t{1} << chunk_shift);
  /// The first chunk starts this small and doubles, so a short run does not hold 2 MiB.
  static constexpr std::size_t first_capacity = 256;

  void grow() {
    if (chunks_.empty()) {
      chunks_.push_back(allocate(first_capacity * sizeof(trace_event), false));
      capacity_ = first_capacity;
    } else if (capacity_ < chunk_events) {
      // Still in the first chunk: double it, copying the few events it holds.
      const std::size_t bigger = capacity_ * 2;
      trace_event* moved = allocate(bigger * sizeof(trace_event), bigger == chunk_events);
      std::uninitialized_copy_n(chunks_[0], size_, moved);
      std::free(chunks_[0]);
      detail::count_deallocation(capacity_ * sizeof(trace_event));  // The runtime's memory limit.
      chunks_[0] = moved;
      capacity_ = bigger;
    } else {
      chunks_.push_back(allocate(chunk_bytes, true));
      capacity_ += chunk_events;
    }
    next_ = &chunks_.back()[size_ & chunk_mask];
    end_ = chunks_.back() + (capacity_ < chunk_events ? capacity_ : chunk_events);
  }

  static trace_event* allocate(std::size_t bytes, bool full_chunk) {
    void* block = full_chunk ? std::aligned_alloc(chunk_bytes & -chunk_bytes, chunk_bytes) : std::malloc(bytes);
    if (block == nullptr) throw std::bad_alloc();
    detail::count_allocation(bytes);  // The runtime's memory limit counts the trace.
#if defined(__linux__) && !defined(__EMSCRIPTEN__) && defined(MADV_HUGEPAGE)
    // A hint: where transparent huge pages are off, the chunk simply uses small pages.
    if (full_chunk) (void)madvise(block, chunk_bytes, MADV_HUGEPAGE);
#endif
    return static_cast<trace_event*>(block);
  }

  std::vector<trace_event*> chunks_;
  trace_event* next_ = nullptr;  ///< Where the next event goes, in the last chunk ...
  trace_event* end_ = nullptr;   ///< ... which ends here.
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

/// A random-access iterator over an event_log, so the standard algorithms work on it.
class event_log::const_iterator {
 public:
  using iterator_category = std::random_access_iterator_tag;
  using value_type = trace_event;
  using difference_type = std::ptrdiff_t;
  using pointer = const trace_event*;
  using reference = const trace_event&;

  const_iterator() = default;
  const_iterator(const event_log* log, std::size_t index) : log_(log), index_(index) {}

  reference operator*() const { return (*log_)[index_]; }
  pointer operator->() const { return &(*log_)[index_]; }
  reference operator[](difference_type n) const { return (*log_)[index_ + static_cast<std::size_t>(n)]; }

  const_iterator& operator++() { ++index_; return *this; }
  const_iterator operator++(int) { auto old = *this; ++index_; return old; }
  const_iterator& operator--() { --index_; return *this; }
  const_iterator operator--(int) { auto old = *this; --index_; return old; }
  const_iterator& operator+=(difference_type n) { index_ += static_cast<std::size_t>(n); return *this; }
  const_iterator& operator-=(difference_type n) { index_ -= static_cast<std::size_t>(n); return *this; }
  friend const_iterator operator+(const_iterator it, difference_type n) { return it += n; }
  friend const_iterator operator+(difference_type n, const_iterator it) { return it += n; }
  friend const_iterator operator-(const_iterator it, difference_type n) { return it -= n; }
  friend difference_type operator-(const const_iterator& a, const const_iterator& b) {
    return static_cast<difference_type>(a.index_) - static_cast<difference_type>(b.index_);
  }
  friend bool operator==(const const_iterator& a, const const_iterator& b) { return a.index_ == b.index_; }
  friend auto operator<=>(const const_iterator& a, const const_iterator& b) { return a.index_ <=> b.index_; }

 private:
  const event_log* log_ = nullptr;
  std::size_t index_ = 0;
};

inline event_log::const_iterator event_log::begin() const { return {this, 0}; }
inline event_log::const_iterator event_log::end() const { return {this, size_}; }

}  // namespace wakeline
