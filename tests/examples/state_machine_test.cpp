// The state-machine example: the coroutine and its hand-written twin leave the same trace.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "runner.hpp"
#include "trace_checks.hpp"

namespace {

using namespace wakeline;
using namespace wakeline::examples;
using json = nlohmann::ordered_json;

run_result run_state_machine(std::vector<std::pair<std::string, std::string>> settings) {
  run_request request;
  request.example = "state-machine";
  request.settings = std::move(settings);
  return run_example(request);
}

// The events from one task's spawn to its end and the wake of whoever joins it,
// as NDJSON objects with what legitimately differs taken out: seq and cause become positions
// in the phase, times are relative to the spawn, task ids become roles (the version under test, or
// main), and names, files and lines go.
std::vector<std::string> phase(const trace_recorder& trace, std::uint32_t task) {
  const auto& events = trace.events();
  std::size_t begin = 0;
  while (begin < events.size() &&
         !(events[begin].kind == event_kind::task_spawn && events[begin].task == task)) {
    ++begin;
  }
  std::vector<std::string> out;
  if (begin == events.size()) return out;
  const std::uint64_t base_t = events[begin].t;
  std::vector<trace_event> kept;
  bool ended = false;
  for (std::size_t i = begin; i < events.size(); ++i) {
    const trace_event& e = events[i];
    // Up to the task's end and the wake of main that it causes, not into main's next poll.
    if (e.kind == event_kind::poll_begin && ended) break;
    if (e.kind == event_kind::task_end && e.task == task) ended = true;
    // Parking is the driver's business, not the future's: the timer wheel also wakes it at
    // every 64 ms level boundary, which depends on the absolute time. The times of the events
    // around it still show both versions sleep the same.
    if (e.kind == event_kind::park || e.kind == event_kind::unpark) continue;
    kept.push_back(e);
  }
  std::map<std::uint64_t, std::size_t> position;
  for (std::size_t i = 0; i < kept.size(); ++i) position[kept[i].seq] = i;
  for (const trace_event& e : kept) {
    json j = json::parse(ndjson_event(trace, e));
    j["seq"] = position[e.seq];
    j["t"] = e.t - base_t;
    if (j.contains("cause")) {
      j["cause"] = position.count(e.cause) != 0 ? json(position[e.cause]) : json("before");
    }
    for (const char* key : {"task", "by_id", "parent"}) {
      if (!j.contains(key) || !j[key].is_number()) continue;
      std::uint32_t id = j[key].get<std::uint32_t>();
      // by_id is a task only when the waker was called by a task.
      if (std::string(key) == "by_id" && j["by"] != "task") continue;
      j[key] = id == task ? "self" : id == 1 ? "main" : "other";
    }
    for (const char* key : {"name", "file", "line", "timer"}) j.erase(key);
    // Deadlines are absolute times: make them relative like t.
    if (j.contains("deadline")) j["deadline"] = j["deadline"].get<std::uint64_t>() - base_t;
    if (j["kind"] == "waker_wake" && j["by"] == "timer") j.erase("by_id");
    out.push_back(j.dump());
  }
  return out;
}

// Equal sequences, or the first place where they differ.
::testing::AssertionResult same_events(const std::vector<std::string>& a,
                                       const std::vector<std::string>& b) {
  for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
    if (a[i] != b[i]) {
      return ::testing::AssertionFailure()
             << "event " << i << " differs:\n  " << a[i] << "\n  " << b[i];
    }
  }
  if (a.size() != b.size())
    return ::testing::AssertionFailure() << a.size() << " vs " << b.size() << " events";
  return ::testing::AssertionSuccess();
}

std::uint32_t task_named(const trace_recorder& trace, const std::string& name) {
  for (const trace_event& e : trace.events()) {
    if (e.kind == event_kind::task_spawn && e.text != 0 && trace.text(e.text) == name)
      return e.task;
  }
  return 0;
}

TEST(StateMachineExample, TheHandWrittenFutureLeavesTheSameEventsAsTheCoroutine) {
  run_result result = run_state_machine({});
  ASSERT_EQ(result.outcome, run_outcome::completed) << result.message;
  const trace_recorder& trace = result.rt->trace();
  std::uint32_t coroutine = task_named(trace, "async fn");
  std::uint32_t by_hand = task_named(trace, "state machine");
  ASSERT_NE(coroutine, 0u);
  ASSERT_NE(by_hand, 0u);
  std::vector<std::string> a = phase(trace, coroutine);
  std::vector<std::string> b = phase(trace, by_hand);
  // connect + 3 ticks: four sleeps, so far more than a handful of events.
  EXPECT_GT(a.size(), 20u);
  EXPECT_TRUE(same_events(a, b));
}

TEST(StateMachineExample, BothVersionsMatchForEveryTickCount) {
  for (int ticks : {0, 1, 5}) {
    for (const char* connect : {"0", "7"}) {
      SCOPED_TRACE("ticks=" + std::to_string(ticks) + " connect_ms=" + connect);
      run_result result =
          run_state_machine({{"ticks", std::to_string(ticks)}, {"connect_ms", connect}});
      ASSERT_EQ(result.outcome, run_outcome::completed) << result.message;
      const trace_recorder& trace = result.rt->trace();
      EXPECT_TRUE(same_events(phase(trace, task_named(trace, "async fn")),
                              phase(trace, task_named(trace, "state machine"))));
    }
  }
}

TEST(StateMachineExample, TheHandWrittenFutureReportsItsAwaitLineWhenPending) {
  run_result result = run_state_machine({});
  const trace_recorder& trace = result.rt->trace();
  std::uint32_t by_hand = task_named(trace, "state machine");
  int pending = 0;
  for (const trace_event& e : trace.events()) {
    if (e.kind != event_kind::poll_end || e.task != by_hand || e.detail != 0) continue;
    ++pending;
    ASSERT_NE(e.file, nullptr);
    EXPECT_STREQ(source_file_name(e.file), "state-machine.cpp");
    EXPECT_GT(e.line, 0u);
  }
  EXPECT_EQ(pending, 4);  // the connect sleep and three ticks
}

TEST(StateMachineExample, TogetherBothVersionsInterleaveAndFinishAtTheSameTime) {
  run_result result = run_state_machine({{"together", "true"}});
  ASSERT_EQ(result.outcome, run_outcome::completed) << result.message;
  const trace_recorder& trace = result.rt->trace();
  std::uint32_t coroutine = task_named(trace, "async fn");
  std::uint32_t by_hand = task_named(trace, "state machine");
  std::vector<std::uint32_t> polled;
  std::vector<std::uint64_t> ends;
  for (const trace_event& e : trace.events()) {
    if (e.kind == event_kind::poll_begin && (e.task == coroutine || e.task == by_hand)) {
      polled.push_back(e.task);
    }
    if (e.kind == event_kind::task_end && (e.task == coroutine || e.task == by_hand))
      ends.push_back(e.t);
  }
  // Spawned in this order and woken by timers with equal deadlines, they alternate.
  std::vector<std::uint32_t> alternating;
  for (int i = 0; i < 5; ++i) alternating.insert(alternating.end(), {coroutine, by_hand});
  EXPECT_EQ(polled, alternating);
  ASSERT_EQ(ends.size(), 2u);
  EXPECT_EQ(ends[0], ends[1]);
  EXPECT_EQ(ends[0], 35'000'000u);  // 5 ms connect + 3 x 10 ms ticks
}

}  // namespace
