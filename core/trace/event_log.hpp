// The recorded events of one run, packed to 40 bytes each, in chunks that never move.
//
// A traced run writes several events per poll, so the trace's size is its speed: a trace_event
// is 64 bytes, a stored one 40. What is dropped on the way in comes back on the way out:
//
//   seq    = index + 1: the recorder numbers events in order, so it is not stored
//   cause  = seq - cause, in 32 bits; a cause further back (or none) is kept in a side table
//   file, line = an index into the log's table of distinct sites (one per await point)
//
// A std::vector would copy every event each time it grows and fault in a fresh buffer; here
// appending never copies an earlier event. The first chunks double in size from 256 events, so a
// short run holds little; from the ninth on, each chunk is one 2 MiB block that Linux can back
// with a single huge page.
#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iterator>
#include <new>
#include <stdexcept>
#include <utility>
#include <vector>

#include "../detail/memory_account.hpp"
#include "../source_location.hpp"
#include "event.hpp"

#if defined(__linux__) && !defined(__EMSCRIPTEN__)
#include <sys/mman.h>
#endif

namespace wakeline {

/// An append-only sequence of trace events with random access. Events are numbered from 1 in
/// the order they are appended; reading one gives back the trace_event that was appended.
class event_log {
 public:
  /// One full chunk: 2 MiB, a huge page.
  static constexpr std::size_t chunk_bytes = std::size_t{2} << 20;

  class const_iterator;

  event_log() {
    sites_.emplace_back();  // Site 0: none.
    rehash_sites();
  }
  event_log(const event_log&) = delete;
  event_log& operator=(const event_log&) = delete;
  // Not noexcept: the emptied log gets a fresh site table.
  event_log(event_log&& other) : event_log() { swap(other); }
  event_log& operator=(event_log&& other) {
    event_log(std::move(other)).swap(*this);
    return *this;
  }
  ~event_log() {
    for (stored* chunk : chunks_) std::free(chunk);
  }

  /// Appends `e` as event number size() + 1, which is its seq; `e.seq` is not read. Inlined
  /// into every recording site, so that the event is packed straight from its fields.
  [[gnu::always_inline]] void push_back(const trace_event& e) {
    if (next_ == end_) grow();
    const std::uint64_t seq = ++size_;
    stored& s = *next_++;
    s.t = e.t;
    s.arg = e.arg;
    // No cause (0) is `seq` back and reads as 0 again; a later cause wraps, and goes far.
    const std::uint64_t back = seq - e.cause;
    if (back - 1 < far_cause) [[likely]] {
      s.cause_back = static_cast<std::uint32_t>(back);
    } else {
      s.cause_back = far_cause;
      far_causes_.push_back({seq, e.cause});
    }
    s.site = e.file != nullptr ? site_index(e.file, e.line) : 0;
    s.task = e.task;
    s.ref = e.ref;
    s.text = e.text;
    s.worker = e.worker;
    s.kind = e.kind;
    s.detail = e.detail;
  }

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

  /// The event at `i` (seq i + 1), rebuilt.
  trace_event operator[](std::size_t i) const {
    const auto [chunk, offset] = locate(i);
    const stored& s = chunks_[chunk][offset];
    const std::uint64_t seq = i + 1;
    const source_location& site = sites_[s.site];
    return {.seq = seq,
            .t = s.t,
            .cause = s.cause_back == far_cause ? far_cause_of(seq) : seq - s.cause_back,
            .arg = s.arg,
            .file = site.file,
            .line = site.line,
            .task = s.task,
            .ref = s.ref,
            .text = s.text,
            .worker = s.worker,
            .kind = s.kind,
            .detail = s.detail};
  }
  trace_event at(std::size_t i) const {
    if (i >= size_) throw std::out_of_range("event_log::at");
    return (*this)[i];
  }
  trace_event front() const { return (*this)[0]; }
  trace_event back() const { return (*this)[size_ - 1]; }

  const_iterator begin() const;
  const_iterator end() const;

 private:
  /// A trace_event as kept: see the top of the file.
  struct stored {
    std::uint64_t t;
    std::uint64_t arg;
    std::uint32_t cause_back;  ///< seq - cause, or far_cause.
    std::uint32_t site;        ///< Index into sites_; 0 for none.
    std::uint32_t task;
    std::uint32_t ref;
    std::uint32_t text;
    std::uint16_t worker;
    event_kind kind;
    std::uint8_t detail;
  };
  static_assert(sizeof(stored) == 40);

 public:
  /// The bytes an event takes in the log.
  static constexpr std::size_t event_bytes = sizeof(stored);
  /// Events per full chunk.
  static constexpr std::size_t chunk_events = chunk_bytes / event_bytes;

 private:
  /// The cause is not `cause_back` events back: look it up in far_causes_.
  static constexpr std::uint32_t far_cause = 0xFFFF'FFFF;
  /// The first chunks hold 256, 512, ... 32,768 events, so a short run does not hold 2 MiB.
  static constexpr std::size_t first_chunk_events = 256;
  static constexpr std::size_t growing_chunks = 8;
  /// The events in the growing chunks, before the first full one.
  static constexpr std::size_t growing_events = first_chunk_events * ((1u << growing_chunks) - 1);
  static_assert(first_chunk_events << (growing_chunks - 1) < chunk_events);

  static constexpr std::size_t chunk_capacity(std::size_t chunk) {
    return chunk < growing_chunks ? first_chunk_events << chunk : chunk_events;
  }
  /// The chunk that holds event `i`, and its place there.
  static std::pair<std::size_t, std::size_t> locate(std::size_t i) {
    if (i < growing_events) {
      const std::size_t chunk = std::bit_width(i / first_chunk_events + 1) - 1;
      return {chunk, i - first_chunk_events * ((std::size_t{1} << chunk) - 1)};
    }
    const std::size_t past = i - growing_events;
    return {growing_chunks + past / chunk_events, past % chunk_events};
  }

  void swap(event_log& other) noexcept {
    chunks_.swap(other.chunks_);
    std::swap(next_, other.next_);
    std::swap(end_, other.end_);
    std::swap(size_, other.size_);
    sites_.swap(other.sites_);
    site_slots_.swap(other.site_slots_);
    far_causes_.swap(other.far_causes_);
  }

  /// The index of the site (file, line), added on first sight. Sites are few (await points
  /// and spawn sites in the program's source), so an open-addressed table of twice as many
  /// slots finds one in about one probe.
  std::uint32_t site_index(const char* file, std::uint32_t line) {
    const std::size_t mask = site_slots_.size() - 1;
    for (std::size_t slot = site_hash(file, line) & mask;; slot = (slot + 1) & mask) {
      const std::uint32_t index = site_slots_[slot];
      if (index == 0) return add_site(slot, file, line);
      if (sites_[index].file == file && sites_[index].line == line) [[likely]]
        return index;
    }
  }
  /// A site seen for the first time, whose lookup ended at the empty `slot`.
  [[gnu::noinline]] std::uint32_t add_site(std::size_t slot, const char* file, std::uint32_t line) {
    const auto index = static_cast<std::uint32_t>(sites_.size());
    sites_.push_back({file, line});
    site_slots_[slot] = index;
    if (site_slots_.size() < 2 * sites_.size()) rehash_sites();
    return index;
  }
  static std::size_t site_hash(const char* file, std::uint32_t line) {
    const auto bits = reinterpret_cast<std::uintptr_t>(file) ^ (std::uint64_t{line} << 32 | line);
    return static_cast<std::size_t>((bits * 0x9E37'79B9'7F4A'7C15ull) >> 32);
  }
  void rehash_sites() {
    site_slots_.assign(std::bit_ceil(std::max<std::size_t>(64, 4 * sites_.size())), 0);
    const std::size_t mask = site_slots_.size() - 1;
    for (std::uint32_t index = 1; index < sites_.size(); ++index) {
      std::size_t slot = site_hash(sites_[index].file, sites_[index].line) & mask;
      while (site_slots_[slot] != 0) slot = (slot + 1) & mask;
      site_slots_[slot] = index;
    }
  }

  std::uint64_t far_cause_of(std::uint64_t seq) const {
    auto it = std::lower_bound(far_causes_.begin(), far_causes_.end(), seq,
                               [](const far_cause_entry& f, std::uint64_t s) { return f.seq < s; });
    return it->cause;
  }

  [[gnu::noinline]] void grow() {
    const std::size_t events = chunk_capacity(chunks_.size());
    chunks_.reserve(chunks_.size() + 1);  // So that a failed push_back cannot leak the chunk.
    chunks_.push_back(allocate(events * sizeof(stored), events == chunk_events));
    next_ = chunks_.back();
    end_ = next_ + events;
  }
  static stored* allocate(std::size_t bytes, [[maybe_unused]] bool full_chunk) {
#if defined(__linux__) && !defined(__EMSCRIPTEN__)
    void* block = full_chunk ? std::aligned_alloc(chunk_bytes, chunk_bytes) : std::malloc(bytes);
#else
    void* block = std::malloc(bytes);
#endif
    if (block == nullptr) throw std::bad_alloc();
    detail::count_allocation(bytes);  // The runtime's memory limit counts the trace.
#if defined(__linux__) && !defined(__EMSCRIPTEN__) && defined(MADV_HUGEPAGE)
    // A hint: where transparent huge pages are off, the chunk simply uses small pages.
    if (full_chunk) (void)madvise(block, chunk_bytes, MADV_HUGEPAGE);
#endif
    return static_cast<stored*>(block);
  }

  struct far_cause_entry {
    std::uint64_t seq;
    std::uint64_t cause;
  };

  std::vector<stored*> chunks_;
  stored* next_ = nullptr;  ///< Where the next event goes, in the last chunk ...
  stored* end_ = nullptr;   ///< ... which ends here.
  std::size_t size_ = 0;
  std::vector<source_location> sites_;       ///< By index; 0 is "none".
  std::vector<std::uint32_t> site_slots_;    ///< Hash table of indexes into sites_; 0 is empty.
  std::vector<far_cause_entry> far_causes_;  ///< By seq, ascending.
};

/// A random-access iterator over an event_log, so the standard algorithms work on it. It
/// yields events by value, rebuilt from their stored form.
class event_log::const_iterator {
 public:
  using iterator_category = std::random_access_iterator_tag;
  using value_type = trace_event;
  using difference_type = std::ptrdiff_t;
  using reference = trace_event;
  /// What `it->field` goes through: the rebuilt event, held for the expression.
  struct pointer {
    trace_event event;
    const trace_event* operator->() const { return &event; }
  };

  const_iterator() = default;
  const_iterator(const event_log* log, std::size_t index) : log_(log), index_(index) {}

  reference operator*() const { return (*log_)[index_]; }
  pointer operator->() const { return {(*log_)[index_]}; }
  reference operator[](difference_type n) const {
    return (*log_)[index_ + static_cast<std::size_t>(n)];
  }

  const_iterator& operator++() {
    ++index_;
    return *this;
  }
  const_iterator operator++(int) {
    auto old = *this;
    ++index_;
    return old;
  }
  const_iterator& operator--() {
    --index_;
    return *this;
  }
  const_iterator operator--(int) {
    auto old = *this;
    --index_;
    return old;
  }
  const_iterator& operator+=(difference_type n) {
    index_ += static_cast<std::size_t>(n);
    return *this;
  }
  const_iterator& operator-=(difference_type n) {
    index_ -= static_cast<std::size_t>(n);
    return *this;
  }
  friend const_iterator operator+(const_iterator it, difference_type n) { return it += n; }
  friend const_iterator operator+(difference_type n, const_iterator it) { return it += n; }
  friend const_iterator operator-(const_iterator it, difference_type n) { return it -= n; }
  friend difference_type operator-(const const_iterator& a, const const_iterator& b) {
    return static_cast<difference_type>(a.index_) - static_cast<difference_type>(b.index_);
  }
  friend bool operator==(const const_iterator& a, const const_iterator& b) {
    return a.index_ == b.index_;
  }
  friend auto operator<=>(const const_iterator& a, const const_iterator& b) {
    return a.index_ <=> b.index_;
  }

 private:
  const event_log* log_ = nullptr;
  std::size_t index_ = 0;
};

inline event_log::const_iterator event_log::begin() const { return {this, 0}; }
inline event_log::const_iterator event_log::end() const { return {this, size_}; }

}  // namespace wakeline
