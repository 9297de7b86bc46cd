// Trace events as one line each, so a golden sequence reads like a log and a change in
// scheduling order shows up as a one-line diff.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "wakeline.hpp"

namespace wakeline::support {

/// The result a poll_end event records in `detail`: "pending", "ready" or "failed".
inline const char* poll_result(const trace_event& e) {
  return to_string(static_cast<wakeline::poll_result>(e.detail));
}

/// One event as "10ms timer_fire task1 timer1": the time, the kind, the task, and what the kind
/// adds (timer id and duration, enqueue reason, poll result, task outcome, dropped branch).
inline std::string describe(const trace_event& e) {
  std::string s = std::to_string(e.t / 1'000'000) + "ms " + to_string(e.kind);
  if (e.task != 0) s += " task" + std::to_string(e.task);
  switch (e.kind) {
    case event_kind::timer_arm:
      s += " timer" + std::to_string(e.ref) + " for " + std::to_string(e.arg / 1'000'000) + "ms";
      break;
    case event_kind::timer_fire:
    case event_kind::timer_cancel:
      s += " timer" + std::to_string(e.ref);
      break;
    case event_kind::task_enqueue:
      s += std::string(" ") + to_string(static_cast<enqueue_reason>(e.detail));
      if (e.ref != 0) s += std::string(" to ") + to_string(static_cast<queue_kind>(e.ref));
      break;
    case event_kind::poll_end:
      s += std::string(" ") + poll_result(e);
      break;
    case event_kind::task_end:
      s += std::string(" ") + to_string(static_cast<task_outcome>(e.detail));
      break;
    case event_kind::select_drop:
      s += " branch" + std::to_string(e.arg);
      break;
    default:
      break;
  }
  return s;
}

/// Every event of a run through describe(), in order.
inline std::vector<std::string> trace_lines(const runtime& rt) {
  std::vector<std::string> lines;
  for (const trace_event& e : rt.trace().events()) lines.push_back(describe(e));
  return lines;
}

/// The lines that contain any of `words`: the part of a golden sequence a test is about.
inline std::vector<std::string> lines_with(const std::vector<std::string>& lines,
                                           std::initializer_list<std::string_view> words) {
  std::vector<std::string> out;
  for (const std::string& line : lines) {
    for (std::string_view word : words) {
      if (line.find(word) != std::string::npos) {
        out.push_back(line);
        break;
      }
    }
  }
  return out;
}

/// The scheduling story of a run, without times or queues: "poll 2", "clone 2", "pending 2",
/// "task 1 wakes 2" (a wake names its source and who caused it), "drop 2", "ready 2", "end 2".
inline std::vector<std::string> story(const runtime& rt) {
  std::vector<std::string> out;
  for (const trace_event& e : rt.trace().events()) {
    std::string task = std::to_string(e.task);
    switch (e.kind) {
      case event_kind::poll_begin:
        out.push_back("poll " + task);
        break;
      case event_kind::poll_end:
        out.push_back(std::string(poll_result(e)) + " " + task);
        break;
      case event_kind::waker_clone:
        out.push_back("clone " + task);
        break;
      case event_kind::waker_wake:
      case event_kind::waker_wake_by_ref:
        out.push_back(std::string(to_string(static_cast<wake_source>(e.detail))) + " " +
                      std::to_string(e.ref) + " wakes " + task);
        break;
      case event_kind::waker_drop:
        out.push_back("drop " + task);
        break;
      case event_kind::task_end:
        out.push_back("end " + task);
        break;
      default:
        break;
    }
  }
  return out;
}

}  // namespace wakeline::support
