// The fan-out example: never more than `limit` requests in flight, the semaphore handing its
// permits on from request to request, and the seed deciding the latencies.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <map>
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

run_result run(const std::string& strategy,
               std::vector<std::pair<std::string, std::string>> settings, std::uint64_t seed = 0) {
  return trace_checks::completed_run("fan-out", strategy, std::move(settings), seed);
}

/// The ids of the tasks named "request N".
std::set<std::uint32_t> request_tasks(const runtime& rt) {
  std::set<std::uint32_t> ids;
  for (const trace_event& e : events_of(rt, event_kind::task_spawn)) {
    if (rt.trace().text(e.text).rfind("request ", 0) == 0) ids.insert(e.task);
  }
  return ids;
}

struct in_flight_count {
  std::size_t most = 0;     ///< The most requests in flight at once.
  std::size_t started = 0;  ///< Requests that connected.
};

/// A request is in flight from its connect (the io_register of its connect: it holds a permit
/// by then) to the end of the poll in which it read its answer and dropped the permit.
in_flight_count count_in_flight(const runtime& rt) {
  std::set<std::uint32_t> requests = request_tasks(rt);
  std::set<std::uint32_t> flying;
  in_flight_count out;
  for (const trace_event& e : rt.trace().events()) {
    if (!requests.contains(e.task)) continue;
    if (e.kind == event_kind::io_register &&
        e.detail == static_cast<std::uint8_t>(io_op::connect)) {
      flying.insert(e.task);
      ++out.started;
      out.most = std::max(out.most, flying.size());
    } else if (e.kind == event_kind::poll_end && e.detail == 1) {
      flying.erase(e.task);
    }
  }
  return out;
}

/// Wakes one request gives another: the semaphore handing on a permit.
std::size_t permit_hand_offs(const runtime& rt) {
  std::set<std::uint32_t> requests = request_tasks(rt);
  std::size_t n = 0;
  for (const trace_event& e : events_of(rt, event_kind::waker_wake)) {
    n += e.detail == static_cast<std::uint8_t>(wake_source::task) && requests.contains(e.ref) &&
         requests.contains(e.task);
  }
  return n;
}

TEST(FanOutExample, AtMostLimitRequestsAreInFlightAndTheLimitIsReached) {
  for (const char* strategy : {"local", "tokio-current-thread"}) {
    for (const char* limit : {"1", "3", "12"}) {
      SCOPED_TRACE(std::string(strategy) + " limit=" + limit);
      run_result result = run(strategy, {{"requests", "12"}, {"limit", limit}});
      in_flight_count flight = count_in_flight(*result.rt);
      EXPECT_EQ(flight.started, 12u);
      EXPECT_EQ(flight.most, std::stoul(limit));
    }
  }
}

TEST(FanOutExample, EachFinishedRequestHandsItsPermitToTheNextInLine) {
  run_result result = run("local", {{"requests", "12"}, {"limit", "3"}});
  // The first 3 get their permits at once; each of the 9 others is handed one by a request.
  EXPECT_EQ(permit_hand_offs(*result.rt), 9u);
}

TEST(FanOutExample, ALowerLimitMakesTheRunLonger) {
  auto end_of = [](const char* limit) {
    run_result result = run("local", {{"requests", "12"}, {"limit", limit}}, 5);
    return result.rt->trace().events().back().t;
  };
  EXPECT_LT(end_of("12"), end_of("3"));
  EXPECT_LT(end_of("3"), end_of("1"));
}

TEST(FanOutExample, TheSameSeedRepeatsTheTraceAndAnotherChangesTheLatencies) {
  auto events_of_seed = [](std::uint64_t seed) {
    std::string text = trace_checks::ndjson_of(run("local", {}, seed));
    return text.substr(text.find('\n') + 1);  // The events only: the header names the seed.
  };
  EXPECT_EQ(events_of_seed(3), events_of_seed(3));
  EXPECT_NE(events_of_seed(3), events_of_seed(4));
}

TEST(FanOutExample, EqualLatencyBoundsGiveEveryAnswerTheSameLatency) {
  // With both bounds at 7 ms every answer takes 7 ms, whatever the seed.
  auto end_of = [](std::uint64_t seed) {
    run_result result = run("local", {{"min_latency_ms", "7"}, {"max_latency_ms", "7"}}, seed);
    return result.rt->trace().events().back().t;
  };
  EXPECT_EQ(end_of(1), end_of(2));
}

}  // namespace
