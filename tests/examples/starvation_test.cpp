// The starvation example: a hog that never awaits makes the ticker late by its whole run;
// yield_now fixes it under both strategies, the coop budget only where there is one.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "runner.hpp"
#include "support/trace_queries.hpp"

namespace {

using namespace wakeline;
using namespace wakeline::examples;
using namespace wakeline::support;

constexpr std::uint32_t ticker_task = 2;  // main is 1, the hog 3, the report 4.
constexpr std::uint64_t ms = 1'000'000;

struct starvation_run {
  std::string report;          ///< The name of the task that reports the worst lateness.
  std::uint64_t worst_gap_ns;  ///< The longest time between two polls of the ticker.
  std::uint64_t end_ns;        ///< When the run ended.
  std::size_t coop_exhausted;
};

// Defaults: 1000 jobs of 100 µs (the hog computes for 100 ms), 100 ticks of 1 ms.
starvation_run run(const std::string& strategy, const std::string& fix,
                   std::vector<std::pair<std::string, std::string>> more = {}) {
  run_request request;
  request.example = "starvation";
  request.strategy = strategy;
  request.settings = {{"fix", fix}};
  request.settings.insert(request.settings.end(), more.begin(), more.end());
  run_result result = run_example(request);
  EXPECT_EQ(result.outcome, run_outcome::completed) << result.message;
  const runtime& rt = *result.rt;
  starvation_run out{};
  const trace_event last_spawn = events_of(rt, event_kind::task_spawn).back();
  out.report = rt.trace().text(last_spawn.text);
  std::uint64_t previous = 0;
  for (const trace_event& e : events_of(rt, event_kind::poll_begin)) {
    if (e.task != ticker_task) continue;
    out.worst_gap_ns = std::max(out.worst_gap_ns, e.t - previous);
    previous = e.t;
  }
  out.end_ns = rt.trace().events().back().t;
  out.coop_exhausted = count_kind(rt, event_kind::coop_exhausted);
  return out;
}

TEST(StarvationExample, WithoutAFixTheTickerWaitsForTheWholeHog) {
  for (const char* strategy : {"local", "tokio-current-thread"}) {
    SCOPED_TRACE(strategy);
    starvation_run r = run(strategy, "0");
    // The ticker ticks at 0, arms its 1 ms timer, and is next polled when the hog's one 100 ms
    // poll ends.
    EXPECT_EQ(r.report, "worst tick 99.000 ms late");
    EXPECT_EQ(r.worst_gap_ns, 100 * ms);
    EXPECT_EQ(r.end_ns, 100 * ms);  // The missed ticks come back to back: nothing is left.
  }
}

TEST(StarvationExample, YieldingAfterEveryJobLetsTokioRunTheTickerOnTime) {
  starvation_run r = run("tokio-current-thread", "1");
  // A yield waits for the driver, which fires the due timer first: a tick is late by at most
  // the job in progress.
  EXPECT_EQ(r.report, "worst tick 0.000 ms late");
  EXPECT_LE(r.worst_gap_ns, 1 * ms);
}

TEST(StarvationExample, UnderLocalAYieldHelpsOnlyOnceTheTimersAreLookedAtEvery61Polls) {
  starvation_run none = run("local", "0");
  starvation_run yielding = run("local", "1");
  EXPECT_LT(yielding.worst_gap_ns, 7 * ms);  // 61 polls of 0.1 ms.
  EXPECT_GT(yielding.worst_gap_ns, 5 * ms);  // Not at the next yield, as under tokio.
  EXPECT_LT(yielding.worst_gap_ns * 10, none.worst_gap_ns);
}

TEST(StarvationExample, TheCoopBudgetStopsTheHogEvery128JobsButTheTimerWaitsForTheDriver) {
  starvation_run r = run("tokio-current-thread", "2");
  EXPECT_EQ(r.coop_exhausted, 7u);  // 1000 jobs: 7 full budgets of 128, then 104.
  // The hog goes back to the run queue after each budget, but the ticker is not in it: its
  // timer fires when the driver is polled, every 61 polls or when the queue runs dry.
  EXPECT_EQ(r.report, "worst tick 99.000 ms late");
}

TEST(StarvationExample, WithTheDriverPolledAfterEveryPollTheBudgetLetsTheTickerIn) {
  starvation_run r = run("tokio-current-thread", "2", {{"event_interval", "1"}});
  EXPECT_EQ(r.coop_exhausted, 7u);
  // The timer fires after the first budget (12.8 ms), behind the hog already queued again:
  // the ticker runs after its second budget, 25.6 ms in, 24.6 ms late; then every 12.8 ms.
  EXPECT_LT(r.worst_gap_ns, 26 * ms);
  EXPECT_GT(r.worst_gap_ns, 25 * ms);
  EXPECT_NE(r.report, "worst tick 99.000 ms late");
}

TEST(StarvationExample, LocalHasNoCoopBudgetSoTheChannelDoesNotHelp) {
  starvation_run r = run("local", "2");
  EXPECT_EQ(r.coop_exhausted, 0u);
  EXPECT_EQ(r.report, "worst tick 99.000 ms late");
  EXPECT_EQ(r.worst_gap_ns, 100 * ms);
}

TEST(StarvationExample, YieldingLessOftenMakesTheTicksLater) {
  starvation_run often = run("tokio-current-thread", "1", {{"yield_every", "5"}});
  starvation_run rarely = run("tokio-current-thread", "1", {{"yield_every", "50"}});
  EXPECT_LE(often.worst_gap_ns, 1 * ms);
  EXPECT_GT(rarely.worst_gap_ns, 4 * ms);  // 50 jobs of 0.1 ms: 5 ms between yields.
  EXPECT_LE(rarely.worst_gap_ns, 6 * ms);
}

}  // namespace
