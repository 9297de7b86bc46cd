// The invariants every recorded trace must hold, whatever the example.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>
#include <string>

#include "runner.hpp"
#include "wakeline.hpp"

namespace wakeline::trace_checks {

/// Checks that `trace` is well-formed: seq 1..N without gaps, time never going back, causes
/// pointing at earlier events, runtime_start first and runtime_end last (with `outcome`), each
/// poll_begin closed by its poll_end before the next poll on its worker (workers may poll at
/// the same time), and one task_end per spawned task.
inline ::testing::AssertionResult well_formed(const trace_recorder& trace, run_outcome outcome) {
  const auto& events = trace.events();
  auto fail = [](const trace_event& e, const std::string& what) {
    return ::testing::AssertionFailure()
           << "event " << e.seq << " (" << to_string(e.kind) << "): " << what;
  };
  if (events.size() < 2) return ::testing::AssertionFailure() << "fewer than two events";
  if (events.front().kind != event_kind::runtime_start)
    return fail(events.front(), "not runtime_start");
  const trace_event& last = events.back();
  if (last.kind != event_kind::runtime_end) return fail(last, "last event is not runtime_end");
  if (static_cast<run_outcome>(last.detail) != outcome) {
    return fail(last, std::string("outcome ") + to_string(static_cast<run_outcome>(last.detail)) +
                          ", expected " + to_string(outcome));
  }
  if (last.arg != events.size()) return fail(last, "events count does not match");

  std::uint64_t previous_t = 0;
  std::map<std::uint16_t, std::uint64_t>
      open_poll;  // Per worker: seq of the poll_begin in progress.
  std::map<std::uint32_t, int> spawned;
  std::map<std::uint32_t, int> ended;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const trace_event& e = events[i];
    if (e.seq != i + 1) return fail(e, "seq is not " + std::to_string(i + 1));
    if (e.t < previous_t) return fail(e, "time goes back");
    previous_t = e.t;
    if (e.cause >= e.seq) return fail(e, "cause does not point at an earlier event");
    if (i > 0 && e.kind == event_kind::runtime_start) return fail(e, "second runtime_start");
    if (i + 1 < events.size() && e.kind == event_kind::runtime_end)
      return fail(e, "runtime_end before the end");
    switch (e.kind) {
      case event_kind::poll_begin:
        if (open_poll[e.worker] != 0) {
          return fail(e, "poll begins inside poll " + std::to_string(open_poll[e.worker]));
        }
        open_poll[e.worker] = e.seq;
        break;
      case event_kind::poll_end: {
        std::uint64_t begin = open_poll[e.worker];
        if (begin == 0 || e.cause != begin) return fail(e, "poll_end without its poll_begin");
        if (events[begin - 1].task != e.task) return fail(e, "poll_end of another task");
        open_poll[e.worker] = 0;
        break;
      }
      case event_kind::task_spawn:
        ++spawned[e.task];
        break;
      case event_kind::task_end:
        ++ended[e.task];
        break;
      default:
        break;
    }
  }
  for (const auto& [worker, begin] : open_poll) {
    if (begin != 0) return ::testing::AssertionFailure() << "poll " << begin << " never ends";
  }
  for (const auto& [task, count] : spawned) {
    if (count != 1) return ::testing::AssertionFailure() << "task " << task << " spawned twice";
    if (ended[task] != 1) {
      return ::testing::AssertionFailure()
             << "task " << task << " has " << ended[task] << " task_end events, expected 1";
    }
  }
  if (ended.size() != spawned.size())
    return ::testing::AssertionFailure() << "task_end of an unknown task";
  return ::testing::AssertionSuccess();
}

/// The NDJSON text of a finished run.
inline std::string ndjson_of(const examples::run_result& result) {
  std::ostringstream out;
  write_ndjson(out, result.header, result.rt->trace());
  return out.str();
}

/// Runs `example` under `strategy` with name=value settings and a seed; a test failure unless
/// the run completes.
inline examples::run_result completed_run(
    const std::string& example, const std::string& strategy,
    std::vector<std::pair<std::string, std::string>> settings = {}, std::uint64_t seed = 0) {
  examples::run_request request;
  request.example = example;
  request.strategy = strategy;
  request.settings = std::move(settings);
  request.seed = seed;
  examples::run_result result = examples::run_example(request);
  EXPECT_EQ(result.outcome, run_outcome::completed) << example << ": " << result.message;
  return result;
}

}  // namespace wakeline::trace_checks
