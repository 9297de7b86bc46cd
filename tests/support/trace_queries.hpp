// Questions asked of a recorded trace: which events of a kind, how many, about which tasks.
#pragma once

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <vector>

#include "wakeline.hpp"

namespace wakeline::support {

/// The events of one kind, in order (copies: the log keeps events packed, event_log.hpp).
inline std::vector<trace_event> events_of(const runtime& rt, event_kind kind) {
  std::vector<trace_event> out;
  for (const trace_event& e : rt.trace().events()) {
    if (e.kind == kind) out.push_back(e);
  }
  return out;
}

/// The task of each event of one kind, in order: `tasks_of(rt, event_kind::poll_begin)` is
/// the order in which tasks were polled.
inline std::vector<std::uint32_t> tasks_of(const runtime& rt, event_kind kind) {
  std::vector<std::uint32_t> tasks;
  for (const trace_event& e : events_of(rt, kind)) tasks.push_back(e.task);
  return tasks;
}

/// How many events of one kind were recorded.
inline std::size_t count_kind(const runtime& rt, event_kind kind) {
  std::size_t n = 0;
  for (const trace_event& e : rt.trace().events()) n += e.kind == kind;
  return n;
}

/// The one event of a kind; a test failure (and an empty event) if there are none or several.
inline trace_event only(const runtime& rt, event_kind kind) {
  std::vector<trace_event> found = events_of(rt, kind);
  if (found.size() != 1) {
    ADD_FAILURE() << found.size() << " " << to_string(kind) << " events, expected one";
    return {};
  }
  return found.front();
}

}  // namespace wakeline::support
