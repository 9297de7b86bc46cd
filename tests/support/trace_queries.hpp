// Helpers for asserting on recorded traces: golden sequences read as "kind task" strings.
#pragma once

#include <string>
#include <vector>

#include "wakeline.hpp"

namespace wakeline::testing {

/// "kind task" for each event of the listed kinds (all kinds when `kinds` is empty).
inline std::vector<std::string> kinds_and_tasks(const trace_recorder& trace,
                                                std::vector<event_kind> kinds = {}) {
  std::vector<std::string> out;
  for (const trace_event& e : trace.events()) {
    bool wanted = kinds.empty();
    for (event_kind k : kinds) wanted = wanted || k == e.kind;
    if (!wanted) continue;
    std::string line = to_string(e.kind);
    if (e.task != 0) line += " " + std::to_string(e.task);
    out.push_back(line);
  }
  return out;
}

/// The ids of the tasks polled, in order.
inline std::vector<std::uint32_t> poll_order(const trace_recorder& trace) {
  std::vector<std::uint32_t> out;
  for (const trace_event& e : trace.events()) {
    if (e.kind == event_kind::poll_begin) out.push_back(e.task);
  }
  return out;
}

/// Counts the events of one kind.
inline std::size_t count_kind(const trace_recorder& trace, event_kind kind) {
  std::size_t n = 0;
  for (const trace_event& e : trace.events()) n += e.kind == kind;
  return n;
}

}  // namespace wakeline::testing
