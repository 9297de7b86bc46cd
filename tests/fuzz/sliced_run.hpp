// Runs a checked request the way the JavaScript API does (start, then resume in slices) with
// fuzzer-chosen slice sizes, and stops it part-way, so the cancellation paths get fuzzed too.
#pragma once

#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <utility>

#include "runner.hpp"

namespace wakeline::fuzz {

/// Events a fuzzed run may record: enough to reach the interesting parts of every example,
/// few enough that one input takes milliseconds.
inline constexpr std::uint64_t max_fuzz_events = 20'000;

/// Whether a run of the example can survive in a native process: `trap` ends its run with a trap
/// instruction or abort() on purpose, for the wasm API's recovery tests.
inline bool runs_natively(const examples::example& e) { return e.id != "trap"; }

/// How a sliced run stops.
enum class stop_kind {
  at_end,  ///< Runs to its end.
  cancel,  ///< `request_cancel` at the stop step, then resumed to its end (the API's cancel).
  drop,    ///< Dropped unfinished at the stop step (a host that stops resuming).
};

/// Reports a broken invariant as a crash, which libFuzzer saves with the input.
[[noreturn]] inline void fuzz_failure(const char* what) {
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
  std::abort();
}

/// Starts `run` with its budget capped at `max_fuzz_events`, resumes it in slices of 1 to
/// `max_slice` steps and stops it as `stop` says after at least `stop_step` steps. Returns the
/// result of a run that ended; nullopt for one that was dropped.
inline std::optional<examples::run_result> run_sliced(examples::checked_run run, stop_kind stop,
                                                      std::uint64_t stop_step,
                                                      FuzzedDataProvider& slices,
                                                      std::uint64_t max_slice = 4096) {
  run.request.budget = std::min(run.request.budget, max_fuzz_events);
  run.header.budget = run.request.budget;
  examples::run_result result = examples::start(run);
  std::uint64_t steps = 0;
  bool ended = false;
  while (!ended && (stop == stop_kind::at_end || steps < stop_step)) {
    // Once the fuzzer's bytes run out the slices are the largest: no input can loop for long.
    std::uint64_t slice = slices.remaining_bytes() > 0
                              ? slices.ConsumeIntegralInRange<std::uint64_t>(1, max_slice)
                              : max_slice;
    if (stop != stop_kind::at_end) slice = std::min(slice, stop_step - steps);
    ended = examples::resume(result, slice);
    steps += slice;
  }
  if (ended) return result;
  if (stop == stop_kind::drop) return std::nullopt;  // ~runtime cancels what is alive.
  result.rt->request_cancel();
  if (!examples::resume(result, max_fuzz_events * 4)) fuzz_failure("a cancelled run did not end");
  // The root may have ended in the last step of the slice, before the cancel was seen.
  if (result.outcome != run_outcome::cancelled && result.outcome != run_outcome::completed &&
      result.outcome != run_outcome::failed) {
    fuzz_failure("a cancelled run ended by deadlock or budget");
  }
  return result;
}

/// A run's events as NDJSON lines, for comparing two runs event for event.
inline std::string ndjson_events(const runtime& rt) {
  std::string text;
  const auto& events = rt.trace().events();
  for (std::size_t i = 0; i < events.size(); ++i) {
    append_ndjson_event(text, rt.trace(), events[i]);
    text += '\n';
  }
  return text;
}

/// The checks every ended run must pass: its trace begins with runtime_start and ends with a
/// runtime_end that carries its outcome, and, left to its end, it is the same run, event for
/// event, as `run` made in one go.
inline void check_ended_run(const examples::checked_run& run, stop_kind stop,
                            const examples::run_result& result) {
  const auto& events = result.rt->trace().events();
  if (events.empty()) fuzz_failure("an ended run has no trace");
  const trace_event& last = events[events.size() - 1];
  if (events[0].kind != event_kind::runtime_start) {
    fuzz_failure("a trace does not begin with runtime_start");
  }
  if (last.kind != event_kind::runtime_end) fuzz_failure("a trace does not end with runtime_end");
  if (last.detail != static_cast<std::uint8_t>(result.outcome)) {
    fuzz_failure("runtime_end does not carry the run's outcome");
  }
  if (stop != stop_kind::at_end) return;
  const examples::run_result whole = examples::execute(run);
  if (whole.outcome != result.outcome || whole.message != result.message ||
      ndjson_events(*whole.rt) != ndjson_events(*result.rt)) {
    fuzz_failure("a run in slices differs from the same run in one go");
  }
}

}  // namespace wakeline::fuzz
