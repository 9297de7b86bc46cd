// The lifo-slot example: with the slot, the woken partner runs next on the same worker, three
// times in a row at most; without it, every message waits behind the background tasks.
#include <gtest/gtest.h>

#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "runner.hpp"
#include "support/trace_queries.hpp"
#include "trace_checks.hpp"

namespace {

using namespace wakeline;
using namespace wakeline::examples;
using namespace wakeline::support;

run_result run(std::vector<std::pair<std::string, std::string>> settings = {}) {
  return trace_checks::completed_run("lifo-slot", "tokio-multi-thread", std::move(settings));
}

/// The name of the last task spawned: the report.
std::string report(const runtime& rt) {
  return rt.trace().text(events_of(rt, event_kind::task_spawn).back().text);
}

std::uint32_t task_named(const runtime& rt, const std::string& name) {
  for (const trace_event& e : events_of(rt, event_kind::task_spawn)) {
    if (rt.trace().text(e.text) == name) return e.task;
  }
  ADD_FAILURE() << "no task named " << name;
  return 0;
}

/// The average round trip the report names, in ns ("round trip 33.500 µs on average, ...").
std::uint64_t round_trip_ns(const runtime& rt) {
  const std::string name = report(rt);
  const std::string prefix = "round trip ";
  EXPECT_EQ(name.rfind(prefix, 0), 0u) << name;
  std::size_t dot = name.find('.', prefix.size());
  std::uint64_t whole = std::stoull(name.substr(prefix.size(), dot - prefix.size()));
  std::uint64_t frac = std::stoull(name.substr(dot + 1, 3));
  const bool ms = name.find(" ms ") != std::string::npos;
  return (whole * 1'000 + frac) * (ms ? 1'000 : 1);
}

/// The queue of each wake of the pinger or the ponger, in order: "lifo" or "local".
struct pair_wakes {
  std::vector<std::string> queues;
  std::vector<std::uint8_t> reasons;
  std::set<std::uint16_t> workers;
};

pair_wakes wakes_of_pair(const runtime& rt) {
  const std::uint32_t pinger = task_named(rt, "pinger");
  const std::uint32_t ponger = task_named(rt, "ponger");
  pair_wakes out;
  for (const trace_event& e : events_of(rt, event_kind::task_enqueue)) {
    if (e.task != pinger && e.task != ponger) continue;
    if (e.detail != static_cast<std::uint8_t>(enqueue_reason::wake) &&
        e.detail != static_cast<std::uint8_t>(enqueue_reason::lifo_limit)) {
      continue;
    }
    out.queues.push_back(to_string(static_cast<queue_kind>(e.ref)));
    out.reasons.push_back(e.detail);
    out.workers.insert(e.worker);
  }
  return out;
}

TEST(LifoSlotExample, WithTheSlotTheWokenPartnerRunsNextOnTheSameWorker) {
  run_result result = run();  // 40 round trips, 16 background tasks of 20 µs, 4 workers.
  pair_wakes wakes = wakes_of_pair(*result.rt);
  ASSERT_EQ(wakes.queues.size(), 80u);  // Each round trip wakes the ponger, then the pinger.
  // The pair lives on one worker: every wake is made there, into its slot or its queue.
  EXPECT_EQ(wakes.workers.size(), 1u);
  // The pinger's first send wakes the ponger from the worker's queue; three LIFO polls follow,
  // the third one's wake goes to the queue; and again.
  for (std::size_t i = 0; i < wakes.queues.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(wakes.queues[i], i % 4 == 3 ? "local" : "lifo");
  }
}

TEST(LifoSlotExample, WithoutTheSlotEveryWakeGoesToTheBackOfTheQueue) {
  run_result result = run({{"lifo_slot", "false"}});
  pair_wakes wakes = wakes_of_pair(*result.rt);
  ASSERT_GE(wakes.queues.size(), 80u);  // And the ponger's wake when the channel closes.
  for (const std::string& queue : wakes.queues) EXPECT_EQ(queue, "local");
  // Nothing at all used the slot.
  for (const trace_event& e : events_of(*result.rt, event_kind::task_enqueue)) {
    EXPECT_NE(e.ref, static_cast<std::uint32_t>(queue_kind::lifo));
  }
}

TEST(LifoSlotExample, TheSlotMakesTheRoundTripShorterAndTheReportSaysWhich) {
  run_result with = run();
  run_result without = run({{"lifo_slot", "false"}});
  EXPECT_EQ(report(*with.rt), "round trip 33.500 µs on average, lifo_slot on");
  EXPECT_EQ(report(*without.rt), "round trip 86.000 µs on average, lifo_slot off");
  EXPECT_LT(round_trip_ns(*with.rt) * 2, round_trip_ns(*without.rt));
}

TEST(LifoSlotExample, TheRoundTripsThroughTheQueueAreTheSlowOnes) {
  // With the limit of 3 LIFO polls lifted, the pair stays in the slot: a round trip is two
  // polls of 1 µs, apart from the first ones, before the pair has met on one worker.
  run_result unlimited = run({{"max_lifo_polls", "1000"}});
  EXPECT_LT(round_trip_ns(*unlimited.rt), 4'000u);
  pair_wakes wakes = wakes_of_pair(*unlimited.rt);
  std::size_t local = 0;
  for (const std::string& queue : wakes.queues) local += queue == "local";
  EXPECT_EQ(local, 0u);
}

TEST(LifoSlotExample, ASpentCoopBudgetEndsTheLifoPollsWithReasonLifoLimit) {
  // The LIFO polls after one poll share its budget of 128; the channel operations spend it.
  run_result result = run({{"max_lifo_polls", "1000"}, {"round_trips", "200"}});
  std::size_t limited = 0;
  for (std::uint8_t reason : wakes_of_pair(*result.rt).reasons) {
    limited += reason == static_cast<std::uint8_t>(enqueue_reason::lifo_limit);
  }
  EXPECT_EQ(limited, 3u);
  EXPECT_EQ(count_kind(*result.rt, event_kind::coop_exhausted), 3u);
}

TEST(LifoSlotExample, MoreBackgroundTasksLengthenTheRoundTripWithoutTheSlot) {
  run_result few = run({{"lifo_slot", "false"}, {"background", "12"}});
  run_result many = run({{"lifo_slot", "false"}, {"background", "24"}});
  EXPECT_LT(round_trip_ns(*few.rt) * 3, round_trip_ns(*many.rt));
}

}  // namespace
