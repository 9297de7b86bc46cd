// The work-stealing example: jobs spawned on one worker are stolen by the idle ones, and the
// burst ends in about a quarter of its computing time on 4 workers, in all of it on one.
#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
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

constexpr std::uint32_t dispatcher_task = 2;  // main is 1; the jobs follow the dispatcher.
constexpr std::uint64_t us = 1'000;

run_result run(const std::string& strategy,
               std::vector<std::pair<std::string, std::string>> settings = {},
               std::uint64_t seed = 0) {
  return trace_checks::completed_run("work-stealing", strategy, std::move(settings), seed);
}

/// The name of the last task spawned: the report.
std::string report(const runtime& rt) {
  return rt.trace().text(events_of(rt, event_kind::task_spawn).back().text);
}

bool is_job(std::uint32_t task, std::uint32_t jobs) {
  return task > dispatcher_task && task <= dispatcher_task + jobs;
}

/// What the trace says about the jobs of a one-burst run.
struct job_stats {
  std::uint64_t first_spawn_ns = 0;
  std::uint64_t last_end_ns = 0;
  std::uint64_t polled_ns = 0;  ///< The sum of the jobs' poll spans.
  std::set<std::uint16_t> workers;
};

job_stats jobs_of(const runtime& rt, std::uint32_t jobs) {
  job_stats out;
  std::vector<std::uint64_t> began(dispatcher_task + jobs + 1, 0);
  bool spawned = false;
  for (const trace_event& e : rt.trace().events()) {
    if (!is_job(e.task, jobs)) continue;
    if (e.kind == event_kind::task_spawn && !spawned) {
      out.first_spawn_ns = e.t;
      spawned = true;
    }
    if (e.kind == event_kind::poll_begin) {
      began[e.task] = e.t;
      out.workers.insert(e.worker);
    }
    if (e.kind == event_kind::poll_end) out.polled_ns += e.t - began[e.task];
    if (e.kind == event_kind::task_end) out.last_end_ns = e.t;
  }
  return out;
}

/// The worker that first polled the dispatcher, where the jobs were spawned.
std::uint16_t spawning_worker(const runtime& rt) {
  for (const trace_event& e : events_of(rt, event_kind::poll_begin)) {
    if (e.task == dispatcher_task) return e.worker;
  }
  ADD_FAILURE() << "the dispatcher never ran";
  return 0;
}

/// "makespan 2.162 ms for 7.620 ms of jobs": the two durations, in ns.
std::pair<std::uint64_t, std::uint64_t> reported(const runtime& rt) {
  const std::string name = report(rt);
  auto ns_at = [&name](std::size_t at) {
    std::size_t dot = name.find('.', at);
    return std::stoull(name.substr(at, dot - at)) * 1'000'000 +
           std::stoull(name.substr(dot + 1, 3)) * 1'000;
  };
  const std::size_t for_at = name.find(" for ");
  EXPECT_EQ(name.rfind("makespan ", 0), 0u) << name;
  EXPECT_NE(for_at, std::string::npos) << name;
  return {ns_at(9), ns_at(for_at + 5)};
}

TEST(WorkStealingExample, UnderTokioIdleWorkersStealFromTheWorkerThatSpawnedTheJobs) {
  run_result result = run("tokio-multi-thread");  // 32 jobs, 4 workers.
  const runtime& rt = *result.rt;
  const std::uint16_t spawner = spawning_worker(rt);
  // Each spawn took the spawner's LIFO slot and pushed the job before it to its local queue.
  std::size_t displaced = 0;
  for (const trace_event& e : events_of(rt, event_kind::task_enqueue)) {
    if (!is_job(e.task, 32) ||
        e.detail != static_cast<std::uint8_t>(enqueue_reason::lifo_displaced)) {
      continue;
    }
    EXPECT_EQ(e.worker, spawner);
    EXPECT_EQ(e.ref, static_cast<std::uint32_t>(queue_kind::local));
    ++displaced;
  }
  EXPECT_EQ(displaced, 31u);
  // Another worker searched, and took half of that queue: 16 of 31.
  std::vector<trace_event> steals = events_of(rt, event_kind::steal);
  ASSERT_GE(steals.size(), 3u);
  EXPECT_EQ(steals[0].ref, spawner);
  EXPECT_NE(steals[0].worker, spawner);
  EXPECT_EQ(steals[0].arg, 16u);
  EXPECT_EQ(steals[0].detail, static_cast<std::uint8_t>(queue_kind::local));
  EXPECT_GE(count_kind(rt, event_kind::search_begin), 3u);
  // Every worker ran jobs, and each one parked once it found nothing more.
  job_stats jobs = jobs_of(rt, 32);
  EXPECT_EQ(jobs.workers, (std::set<std::uint16_t>{0, 1, 2, 3}));
  std::set<std::uint16_t> parked;
  for (const trace_event& e : events_of(rt, event_kind::park)) {
    if (e.t < jobs.last_end_ns) parked.insert(e.worker);
  }
  EXPECT_GE(parked.size(), 2u);
}

TEST(WorkStealingExample, UnderSmolWorkersTakeHalfTheGlobalQueueThenStealFromEachOther) {
  run_result result = run("smol");
  const runtime& rt = *result.rt;
  // Every spawn went to the global queue.
  for (const trace_event& e : events_of(rt, event_kind::task_enqueue)) {
    if (is_job(e.task, 32) && e.detail == static_cast<std::uint8_t>(enqueue_reason::spawn)) {
      EXPECT_EQ(e.ref, static_cast<std::uint32_t>(queue_kind::global));
    }
  }
  std::vector<trace_event> steals = events_of(rt, event_kind::steal);
  ASSERT_FALSE(steals.empty());
  // The first worker to look took one job and half of the other 31.
  EXPECT_EQ(steals[0].detail, static_cast<std::uint8_t>(queue_kind::global));
  EXPECT_EQ(steals[0].arg, 16u);
  // Later, workers that ran dry stole from the local queue of one that had not.
  std::size_t from_local = 0;
  for (const trace_event& e : steals) {
    if (e.detail != static_cast<std::uint8_t>(queue_kind::local)) continue;
    EXPECT_NE(e.ref, e.worker);
    ++from_local;
  }
  EXPECT_GE(from_local, 2u);
  EXPECT_EQ(jobs_of(rt, 32).workers, (std::set<std::uint16_t>{0, 1, 2, 3}));
}

TEST(WorkStealingExample, OnOneWorkerTheMakespanIsTheSumOfTheJobs) {
  for (const char* strategy : {"tokio-multi-thread", "smol"}) {
    SCOPED_TRACE(strategy);
    run_result result = run(strategy, {{"workers", "1"}});
    const runtime& rt = *result.rt;
    // No other worker to steal from (smol's moves from the global queue are steals too).
    for (const trace_event& e : events_of(rt, event_kind::steal)) {
      EXPECT_NE(e.detail, static_cast<std::uint8_t>(queue_kind::local));
    }
    job_stats jobs = jobs_of(rt, 32);
    auto [makespan, work] = reported(rt);
    // The report's work is what the jobs' polls took, less 1 µs of poll cost each.
    EXPECT_EQ(work, jobs.polled_ns - 32 * us);
    // One job after another: the whole computing time, plus 1 µs per poll of the jobs and of
    // the dispatcher.
    EXPECT_GE(makespan, work);
    EXPECT_LE(makespan, work + 2 * 32 * us);
    EXPECT_GE(jobs.last_end_ns - jobs.first_spawn_ns, work);
  }
}

TEST(WorkStealingExample, OnFourWorkersTheMakespanIsAboutAQuarter) {
  for (const char* strategy : {"tokio-multi-thread", "smol"}) {
    SCOPED_TRACE(strategy);
    run_result four = run(strategy);
    run_result one = run(strategy, {{"workers", "1"}});
    auto [makespan, work] = reported(*four.rt);
    EXPECT_EQ(work, reported(*one.rt).second);  // The same jobs.
    EXPECT_LT(makespan * 3, work);
    EXPECT_GE(makespan * 4, work);
    EXPECT_LT(jobs_of(*four.rt, 32).last_end_ns * 3, jobs_of(*one.rt, 32).last_end_ns);
  }
}

TEST(WorkStealingExample, TheSeedDrawsTheJobLengthsAndTheSameSeedRepeatsTheRun) {
  for (const char* strategy : {"tokio-multi-thread", "smol"}) {
    SCOPED_TRACE(strategy);
    run_result a = run(strategy, {}, 3);
    run_result b = run(strategy, {}, 3);
    run_result c = run(strategy, {}, 4);
    EXPECT_EQ(trace_checks::ndjson_of(a), trace_checks::ndjson_of(b));
    EXPECT_NE(reported(*a.rt).second, reported(*c.rt).second);
  }
}

TEST(WorkStealingExample, BetweenBurstsEveryWorkerParksAndTheNextBurstIsStolenAgain) {
  run_result result = run("tokio-multi-thread", {{"bursts", "2"}});
  const runtime& rt = *result.rt;
  const trace_event& fire = only(rt, event_kind::timer_fire);
  // Before the dispatcher's timer fires, all four workers are asleep.
  std::set<std::uint16_t> asleep;
  for (const trace_event& e : rt.trace().events()) {
    if (e.seq > fire.seq) break;
    if (e.kind == event_kind::park) asleep.insert(e.worker);
    if (e.kind == event_kind::unpark) asleep.erase(e.worker);
  }
  EXPECT_EQ(asleep.size(), 3u);  // The fourth is the one woken by its driver to fire it.
  // The timer wakes the dispatcher on that worker; the others steal the second burst from it.
  std::optional<trace_event> second_poll;
  for (const trace_event& e : events_of(rt, event_kind::poll_begin)) {
    if (e.task == dispatcher_task && e.seq > fire.seq) {
      second_poll = e;
      break;
    }
  }
  ASSERT_TRUE(second_poll.has_value());
  std::optional<trace_event> first_steal_after;
  for (const trace_event& e : events_of(rt, event_kind::steal)) {
    if (e.seq > second_poll->seq) {
      first_steal_after = e;
      break;
    }
  }
  ASSERT_TRUE(first_steal_after.has_value());
  EXPECT_EQ(first_steal_after->ref, second_poll->worker);
  EXPECT_EQ(first_steal_after->arg, 16u);
}

}  // namespace
