// Collects events in memory. Recording is a branch and an append of a 40-byte record to chunked
// storage (event_log.hpp); strings (task names, error messages) go to a side table once, and
// events refer to them by index.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "event.hpp"
#include "event_log.hpp"

namespace wakeline {

/// The details of one task stuck in a deadlock.
struct stuck_task {
  std::uint32_t task = 0;
  const char* file = nullptr;  ///< The await point where it last suspended.
  std::uint32_t line = 0;
  std::uint32_t wakers = 0;  ///< Wakers still alive for it: 0 means nobody can ever wake it.
};

/// The in-memory trace of one run.
class trace_recorder {
 public:
  explicit trace_recorder(bool enabled = true) : enabled_(enabled) { strings_.emplace_back(); }

  bool enabled() const { return enabled_; }

  /// Appends `e`, assigns its seq and returns it; returns 0 without recording when disabled.
  /// Kept to a branch so that it inlines everywhere: the work is in `append`.
  std::uint64_t record(const trace_event& e) {
    if (!enabled_) return 0;
    return append(e);
  }

  /// Stores a string and returns its index for `trace_event::text`.
  std::uint32_t intern(std::string_view s) {
    if (!enabled_ || s.empty()) return 0;
    strings_.emplace_back(s);
    return static_cast<std::uint32_t>(strings_.size() - 1);
  }

  /// Stores the stuck tasks of a deadlock and returns their index for `trace_event::arg`.
  std::uint64_t add_deadlock(std::vector<stuck_task> stuck) {
    deadlocks_.push_back(std::move(stuck));
    return deadlocks_.size() - 1;
  }

  std::uint64_t event_count() const { return events_.size(); }
  const event_log& events() const { return events_; }
  const std::string& text(std::uint32_t index) const { return strings_.at(index); }
  const std::vector<stuck_task>& deadlock(std::uint64_t index) const {
    return deadlocks_.at(index);
  }

 private:
  [[gnu::always_inline]] std::uint64_t append(const trace_event& e) {
    events_.push_back(e);
    return events_.size();
  }

  bool enabled_;
  event_log events_;
  std::vector<std::string> strings_;
  std::vector<std::vector<stuck_task>> deadlocks_;
};

}  // namespace wakeline
