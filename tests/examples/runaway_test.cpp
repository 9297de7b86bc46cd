// The runaway example: a server whose handlers never end holds more and more memory, until the
// memory limit ends the run; the next run on the same thread is not affected.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "runner.hpp"
#include "support/trace_queries.hpp"
#include "trace_checks.hpp"

namespace {

using namespace wakeline;
using namespace wakeline::examples;
using namespace wakeline::support;

run_result run_runaway(const std::string& strategy, std::uint64_t memory_limit) {
  run_request request;
  request.example = "runaway";
  request.strategy = strategy;
  request.memory_limit = memory_limit;
  return run_example(request);
}

/// How many handlers were spawned.
std::size_t handlers(const run_result& result) {
  std::size_t n = 0;
  for (const trace_event& e : events_of(*result.rt, event_kind::task_spawn)) {
    if (result.rt->trace().text(e.text) == "handler") ++n;
  }
  return n;
}

TEST(RunawayExample, EndsWithMemoryExhaustedLongBeforeTheEventBudget) {
  for (const char* strategy : {"local", "tokio-current-thread", "tokio-multi-thread", "smol"}) {
    SCOPED_TRACE(strategy);
    run_result result = run_runaway(strategy, runtime_options::default_memory_limit);
    EXPECT_EQ(result.outcome, run_outcome::memory_exhausted);
    EXPECT_TRUE(trace_checks::well_formed(result.rt->trace(), result.outcome));
    // Each handler holds 1 MiB: the 256th takes the program over 256 MiB, whatever the
    // compiler adds to a frame, and the trace is far below the 1,000,000 events of the budget.
    EXPECT_EQ(handlers(result), 256u);
    EXPECT_LT(result.rt->trace().event_count(), 20'000u);
  }
}

TEST(RunawayExample, NoHandlerEndsBeforeTheRuntimeCancelsThemAll) {
  run_result result = run_runaway("local", runtime_options::default_memory_limit);
  ASSERT_EQ(result.outcome, run_outcome::memory_exhausted);
  // The leak in the trace: every task_end comes after the last spawn, and says cancelled.
  std::uint64_t last_spawn = events_of(*result.rt, event_kind::task_spawn).back().seq;
  for (const trace_event& e : events_of(*result.rt, event_kind::task_end)) {
    EXPECT_GT(e.seq, last_spawn);
    EXPECT_EQ(static_cast<task_outcome>(e.detail), task_outcome::cancelled);
  }
}

TEST(RunawayExample, ASmallerLimitStopsItSooner) {
  run_result result = run_runaway("local", 16u << 20);
  EXPECT_EQ(result.outcome, run_outcome::memory_exhausted);
  EXPECT_EQ(handlers(result), 16u);
  EXPECT_EQ(result.header.memory_limit, 16u << 20);
  EXPECT_NE(trace_checks::ndjson_of(result).find(R"("memory_limit":16777216})"), std::string::npos);
}

TEST(RunawayExample, WithoutALimitTheEventBudgetStopsIt) {
  run_request request;
  request.example = "runaway";
  request.memory_limit = 0;
  request.budget = 2000;  // Far fewer handlers than 256: a run without a limit, kept short.
  run_result result = run_example(request);
  EXPECT_EQ(result.outcome, run_outcome::budget_exhausted);
  EXPECT_TRUE(trace_checks::well_formed(result.rt->trace(), result.outcome));
}

TEST(RunawayExample, TheNextRunOnTheSameThreadCompletesAndGivesItsMemoryBack) {
  run_result runaway = run_runaway("local", runtime_options::default_memory_limit);
  ASSERT_EQ(runaway.outcome, run_outcome::memory_exhausted);
  runaway = {};  // Frees the runaway's runtime and its trace.
  run_result next = trace_checks::completed_run("fan-out", "local");
  EXPECT_TRUE(trace_checks::well_formed(next.rt->trace(), next.outcome));
  // Nothing of the runaway's account leaked into this run's.
  EXPECT_LT(next.rt->memory_in_use(), std::uint64_t{8} << 20);
}

}  // namespace
