// The NDJSON trace format, field by field: these lines are what docs/trace-format.md documents.
#include "trace/ndjson_writer.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "wakeline.hpp"

namespace {

using namespace wakeline;
using namespace std::chrono_literals;

// Records `e` and returns its NDJSON line.
std::string line(trace_recorder& trace, trace_event e) {
  trace.record(e);
  return ndjson_event(trace, trace.events().back());
}

TEST(NdjsonHeader, NamesSchemaVersionAndEveryInputOfTheRun) {
  trace_header header;
  header.example = "basic";
  header.strategy = "local";
  header.strategy_params = {{"poll_cost_ns", std::int64_t{0}}};
  header.params = {
      {"steps", std::int64_t{3}}, {"fast", true}, {"ratio", 0.5}, {"mode", std::string("a")}};
  header.seed = 42;
  header.clock = clock_kind::real_time;
  header.budget = 1000;
  EXPECT_EQ(
      ndjson_header(header),
      R"({"schema":"wakeline-trace","version":1,"example":"basic","strategy":"local",)"
      R"("strategy_params":{"poll_cost_ns":0},"params":{"steps":3,"fast":true,"ratio":0.5,"mode":"a"},"seed":42,"clock":"real",)"
      R"("unit":"ns","budget":1000})");
}

TEST(NdjsonHeader, WritesEmptyParamsAsAnObject) {
  trace_header header;
  header.example = "x";
  EXPECT_EQ(
      ndjson_header(header),
      R"({"schema":"wakeline-trace","version":1,"example":"x","strategy":"local",)"
      R"("strategy_params":{},"params":{},"seed":0,"clock":"virtual","unit":"ns","budget":0})");
}

TEST(NdjsonHeader, SaysWhenThePrimitivesFollowTokiosRules) {
  trace_header header;
  header.example = "x";
  header.strategy = "tokio-current-thread";
  EXPECT_EQ(
      ndjson_header(header),
      R"({"schema":"wakeline-trace","version":1,"example":"x","strategy":"tokio-current-thread",)"
      R"("strategy_params":{},"primitives":"tokio","params":{},"seed":0,"clock":"virtual",)"
      R"("unit":"ns","budget":0})");
}

TEST(NdjsonEvent, RuntimeStartAndEnd) {
  trace_recorder trace;
  EXPECT_EQ(line(trace, {.kind = event_kind::runtime_start}),
            R"({"seq":1,"t":0,"kind":"runtime_start","clock":"virtual"})");
  EXPECT_EQ(line(trace, {.t = 5,
                         .arg = 2,
                         .kind = event_kind::runtime_end,
                         .detail = static_cast<std::uint8_t>(run_outcome::deadlock)}),
            R"({"seq":2,"t":5,"kind":"runtime_end","outcome":"deadlock","events":2})");
}

TEST(NdjsonEvent, TaskSpawnWithParentNameAndBasenameOfItsFile) {
  trace_recorder trace;
  std::uint32_t name = trace.intern("worker");
  EXPECT_EQ(line(trace, {.cause = 4,
                         .file = "/home/me/src/examples/demo.cpp",
                         .line = 12,
                         .task = 3,
                         .ref = 1,
                         .text = name,
                         .kind = event_kind::task_spawn}),
            R"({"seq":1,"t":0,"kind":"task_spawn","task":3,"parent":1,"name":"worker",)"
            R"("file":"demo.cpp","line":12,"cause":4})");
  EXPECT_EQ(line(trace, {.task = 1, .kind = event_kind::task_spawn}),
            R"({"seq":2,"t":0,"kind":"task_spawn","task":1})");
}

TEST(NdjsonEvent, EnqueueNamesItsReasonAndTheQueueDepth) {
  trace_recorder trace;
  EXPECT_EQ(
      line(trace, {.cause = 7,
                   .arg = 2,
                   .task = 3,
                   .kind = event_kind::task_enqueue,
                   .detail = static_cast<std::uint8_t>(enqueue_reason::wake)}),
      R"({"seq":1,"t":0,"kind":"task_enqueue","task":3,"queue":"run","reason":"wake","depth":2,"cause":7})");
  EXPECT_EQ(
      line(trace, {.arg = 1,
                   .task = 1,
                   .kind = event_kind::task_enqueue,
                   .detail = static_cast<std::uint8_t>(enqueue_reason::yield)}),
      R"({"seq":2,"t":0,"kind":"task_enqueue","task":1,"queue":"run","reason":"yield","depth":1})");
}

TEST(NdjsonEvent, PollBeginAndEveryPollResult) {
  trace_recorder trace;
  EXPECT_EQ(line(trace, {.cause = 3, .arg = 1, .task = 2, .kind = event_kind::poll_begin}),
            R"({"seq":1,"t":0,"kind":"poll_begin","task":2,"worker":0,"depth":1,"cause":3})");
  EXPECT_EQ(
      line(trace,
           {.cause = 1, .file = "a/b.cpp", .line = 9, .task = 2, .kind = event_kind::poll_end}),
      R"({"seq":2,"t":0,"kind":"poll_end","task":2,"worker":0,"result":"pending","file":"b.cpp","line":9,"cause":1})");
  EXPECT_EQ(line(trace, {.cause = 1, .task = 2, .kind = event_kind::poll_end, .detail = 1}),
            R"({"seq":3,"t":0,"kind":"poll_end","task":2,"worker":0,"result":"ready","cause":1})");
  EXPECT_EQ(line(trace, {.cause = 1, .task = 2, .kind = event_kind::poll_end, .detail = 2}),
            R"({"seq":4,"t":0,"kind":"poll_end","task":2,"worker":0,"result":"failed","cause":1})");
}

TEST(NdjsonEvent, TaskEndWithOutcomeAndFailureMessage) {
  trace_recorder trace;
  EXPECT_EQ(line(trace, {.task = 2, .kind = event_kind::task_end}),
            R"({"seq":1,"t":0,"kind":"task_end","task":2,"outcome":"completed"})");
  std::uint32_t message = trace.intern("boom");
  EXPECT_EQ(
      line(trace, {.cause = 1,
                   .task = 2,
                   .text = message,
                   .kind = event_kind::task_end,
                   .detail = static_cast<std::uint8_t>(task_outcome::failed)}),
      R"({"seq":2,"t":0,"kind":"task_end","task":2,"outcome":"failed","message":"boom","cause":1})");
}

TEST(NdjsonEvent, WakerEventsNameWhoCalledThemAndWhatAWakeDid) {
  trace_recorder trace;
  auto by = [](wake_source s) { return static_cast<std::uint8_t>(s); };
  EXPECT_EQ(line(trace, {.cause = 2,
                         .task = 3,
                         .ref = 1,
                         .kind = event_kind::waker_clone,
                         .detail = by(wake_source::task)}),
            R"({"seq":1,"t":0,"kind":"waker_clone","task":3,"by":"task","by_id":1,"cause":2})");
  EXPECT_EQ(
      line(trace, {.task = 3, .kind = event_kind::waker_drop, .detail = by(wake_source::outside)}),
      R"({"seq":2,"t":0,"kind":"waker_drop","task":3,"by":"outside"})");
  EXPECT_EQ(
      line(trace, {.cause = 5,
                   .arg = 0,
                   .task = 3,
                   .ref = 4,
                   .kind = event_kind::waker_wake,
                   .detail = by(wake_source::timer)}),
      R"({"seq":3,"t":0,"kind":"waker_wake","task":3,"by":"timer","by_id":4,"effect":"scheduled","cause":5})");
  EXPECT_EQ(
      line(trace, {.arg = 1,
                   .task = 3,
                   .ref = 3,
                   .kind = event_kind::waker_wake_by_ref,
                   .detail = by(wake_source::task)}),
      R"({"seq":4,"t":0,"kind":"waker_wake_by_ref","task":3,"by":"task","by_id":3,"effect":"already_scheduled"})");
  EXPECT_EQ(line(trace, {.arg = 2,
                         .task = 3,
                         .ref = 8,
                         .kind = event_kind::waker_wake,
                         .detail = by(wake_source::io)}),
            R"({"seq":5,"t":0,"kind":"waker_wake","task":3,"by":"io","by_id":8,"effect":"ended"})");
}

TEST(NdjsonEvent, TimerArmFireAndCancel) {
  trace_recorder trace;
  EXPECT_EQ(
      line(trace, {.cause = 1,
                   .arg = 10'000'000,
                   .file = "x/sleep.cpp",
                   .line = 3,
                   .task = 2,
                   .ref = 5,
                   .kind = event_kind::timer_arm}),
      R"({"seq":1,"t":0,"kind":"timer_arm","timer":5,"task":2,"deadline":10000000,"file":"sleep.cpp","line":3,"cause":1})");
  EXPECT_EQ(line(trace, {.t = 10'000'000, .cause = 9, .ref = 5, .kind = event_kind::timer_fire}),
            R"({"seq":2,"t":10000000,"kind":"timer_fire","timer":5,"cause":9})");
  EXPECT_EQ(line(trace, {.task = 2, .ref = 6, .kind = event_kind::timer_cancel}),
            R"({"seq":3,"t":0,"kind":"timer_cancel","timer":6,"task":2})");
}

TEST(NdjsonEvent, IoRegisterAndReady) {
  trace_recorder trace;
  EXPECT_EQ(line(trace, {.task = 2,
                         .ref = 7,
                         .kind = event_kind::io_register,
                         .detail = static_cast<std::uint8_t>(io_op::read)}),
            R"({"seq":1,"t":0,"kind":"io_register","io":7,"op":"read","task":2})");
  EXPECT_EQ(line(trace, {.cause = 1,
                         .arg = 64,
                         .ref = 7,
                         .kind = event_kind::io_ready,
                         .detail = static_cast<std::uint8_t>(io_op::write)}),
            R"({"seq":2,"t":0,"kind":"io_ready","io":7,"op":"write","bytes":64,"cause":1})");
}

TEST(NdjsonEvent, ParkWithAndWithoutDeadlineAndUnpark) {
  trace_recorder trace;
  EXPECT_EQ(line(trace, {.arg = 20'000'000, .kind = event_kind::park, .detail = 1}),
            R"({"seq":1,"t":0,"kind":"park","worker":0,"until":20000000})");
  EXPECT_EQ(line(trace, {.kind = event_kind::park}), R"({"seq":2,"t":0,"kind":"park","worker":0})");
  EXPECT_EQ(line(trace, {.t = 20'000'000, .cause = 1, .kind = event_kind::unpark}),
            R"({"seq":3,"t":20000000,"kind":"unpark","worker":0,"cause":1})");
}

TEST(NdjsonEvent, SelectDropDeadlockAndBudget) {
  trace_recorder trace;
  EXPECT_EQ(
      line(trace, {.cause = 2,
                   .arg = 1,
                   .file = "/s/select.cpp",
                   .line = 40,
                   .task = 3,
                   .kind = event_kind::select_drop}),
      R"({"seq":1,"t":0,"kind":"select_drop","task":3,"branch":1,"file":"select.cpp","line":40,"cause":2})");
  std::uint64_t stuck =
      trace.add_deadlock({{2, "/src/examples/lock.cpp", 9, 0}, {3, nullptr, 0, 1}});
  EXPECT_EQ(
      line(trace, {.arg = stuck, .kind = event_kind::deadlock}),
      R"({"seq":2,"t":0,"kind":"deadlock","stuck":[{"task":2,"file":"lock.cpp","line":9,"wakers":0},{"task":3,"wakers":1}]})");
  EXPECT_EQ(line(trace, {.arg = 100, .kind = event_kind::budget_exhausted}),
            R"({"seq":3,"t":0,"kind":"budget_exhausted","budget":100})");
}

TEST(NdjsonEvent, EveryKindHasItsOwnName) {
  std::set<std::string> names;
  for (int k = 0; k <= static_cast<int>(event_kind::budget_exhausted); ++k) {
    std::string name = to_string(static_cast<event_kind>(k));
    EXPECT_NE(name, "unknown");
    names.insert(name);
  }
  EXPECT_EQ(names.size(), static_cast<std::size_t>(event_kind::budget_exhausted) + 1);
}

async<int> nap_and_return(int value) {
  co_await sleep(1ms);
  co_return value;
}

TEST(NdjsonTrace, ARealRunIsOneHeaderThenOneParsableLinePerEventWithBasenamesOnly) {
  runtime rt;
  int result = rt.block_on([]() -> async<int> {
    auto child = spawn(nap_and_return(4), "child");
    co_return co_await child;
  }());
  EXPECT_EQ(result, 4);
  trace_header header;
  header.example = "test";
  std::ostringstream out;
  write_ndjson(out, header, rt.trace());
  std::istringstream lines(out.str());
  std::string text;
  ASSERT_TRUE(std::getline(lines, text));
  EXPECT_EQ(text, ndjson_header(header));
  std::uint64_t seq = 0;
  std::set<std::string> kinds;
  while (std::getline(lines, text)) {
    auto j = nlohmann::json::parse(text);
    EXPECT_EQ(j["seq"], ++seq);
    kinds.insert(j["kind"].get<std::string>());
    if (j.contains("file")) {
      std::string file = j["file"];
      EXPECT_EQ(file.find('/'), std::string::npos) << text;
      EXPECT_TRUE(j.contains("line")) << text;
    }
  }
  EXPECT_EQ(seq, rt.trace().event_count());
  for (const char* kind :
       {"runtime_start", "task_spawn", "task_enqueue", "poll_begin", "poll_end", "waker_clone",
        "timer_arm", "park", "unpark", "timer_fire", "waker_wake", "task_end", "runtime_end"}) {
    EXPECT_EQ(kinds.count(kind), 1u) << kind;
  }
}

TEST(SourceFileName, StripsDirectoriesOnly) {
  EXPECT_STREQ(source_file_name("/a/b/c.cpp"), "c.cpp");
  EXPECT_STREQ(source_file_name("c.cpp"), "c.cpp");
  EXPECT_STREQ(source_file_name("dir/"), "");
}

}  // namespace
