// The Chrome trace export: parsed back and checked the way Perfetto reads it.
#include "trace/chrome_writer.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "support/trace_queries.hpp"
#include "wakeline.hpp"

namespace {

using namespace wakeline;
using namespace wakeline::support;
using namespace std::chrono_literals;
using json = nlohmann::json;

async<int> napper(int value) {
  co_await sleep(1ms);
  co_await sleep(2ms);
  co_return value;
}

async<int> parent() {
  auto child = spawn(napper(5), "child");
  co_await yield_now();
  co_return co_await child;
}

// A small run: main spawns a child that sleeps twice, yields once, then joins the child.
struct scenario {
  runtime rt;
  trace_header header;
  std::string text;
  json chrome;

  scenario() {
    EXPECT_EQ(rt.block_on(parent()), 5);
    header.example = "demo";
    header.params = {{"steps", std::int64_t{2}}, {"loud", true}};
    header.seed = 11;
    std::ostringstream out;
    write_chrome_trace(out, header, rt.trace());
    text = out.str();
    chrome = json::parse(text);
  }

  std::vector<json> with(const std::string& ph) const {
    std::vector<json> out;
    for (const json& e : chrome["traceEvents"]) {
      if (e["ph"] == ph) out.push_back(e);
    }
    return out;
  }

  std::size_t count(event_kind kind) const { return count_kind(rt, kind); }
};

TEST(ChromeTrace, IsOneObjectWithTraceEventsTimeUnitAndTheRunHeader) {
  scenario s;
  ASSERT_TRUE(s.chrome["traceEvents"].is_array());
  EXPECT_EQ(s.chrome["displayTimeUnit"], "ns");
  EXPECT_EQ(s.chrome["metadata"]["schema"], "wakeline-trace");
  EXPECT_EQ(s.chrome["metadata"]["example"], "demo");
  EXPECT_EQ(s.chrome["metadata"]["strategy"], "local");
  EXPECT_EQ(s.chrome["metadata"]["seed"], 11);
  EXPECT_EQ(s.chrome["metadata"]["params"]["steps"], 2);
  EXPECT_EQ(s.chrome["metadata"]["params"]["loud"], true);
  EXPECT_EQ(s.chrome["otherData"]["example"], "demo");
  EXPECT_EQ(s.chrome["otherData"]["params"], "steps=2 loud=true");
  EXPECT_EQ(s.chrome["otherData"]["seed"], "11");
}

TEST(ChromeTrace, EveryPollIsACompleteSliceOnItsWorkerTrack) {
  scenario s;
  std::vector<json> polls;
  for (const json& x : s.with("X")) {
    if (x["cat"] == "poll") polls.push_back(x);
  }
  ASSERT_EQ(polls.size(), s.count(event_kind::poll_begin));
  std::map<std::string, int> by_name;
  for (const json& x : polls) {
    EXPECT_EQ(x["pid"], 1);
    EXPECT_EQ(x["tid"], 1);  // worker 0
    EXPECT_GT(x["dur"].get<double>(), 0.0);
    ++by_name[x["name"]];
  }
  // main: spawns and yields, then pends on the join, then is ready; child: one poll per sleep,
  // then ready.
  EXPECT_EQ(by_name["poll main"], 3);
  EXPECT_EQ(by_name["poll child"], 3);
  EXPECT_EQ(polls.back()["args"]["result"], "ready");
  EXPECT_EQ(polls.front()["args"]["result"], "pending");
}

TEST(ChromeTrace, TaskLifetimesAreAsyncSlicesKeyedByTaskId) {
  scenario s;
  std::vector<json> begins = s.with("b");
  std::vector<json> ends = s.with("e");
  ASSERT_EQ(begins.size(), 2u);
  ASSERT_EQ(ends.size(), 2u);
  EXPECT_EQ(begins[0]["name"], "main");
  EXPECT_EQ(begins[0]["id"], 1);
  EXPECT_EQ(begins[1]["name"], "child");
  EXPECT_EQ(begins[1]["id"], 2);
  for (const json& e : ends) {
    const json& b = e["id"] == 1 ? begins[0] : begins[1];
    EXPECT_EQ(e["cat"], "task");
    EXPECT_EQ(e["name"], b["name"]);
    EXPECT_GT(e["ts"].get<double>(), b["ts"].get<double>());
    EXPECT_EQ(e["args"]["outcome"], "completed");
  }
}

// True when `ts` lies inside an X slice on track `tid`.
bool inside_a_slice(const scenario& s, const json& tid, double ts) {
  for (const json& x : s.with("X")) {
    double begin = x["ts"];
    double end = begin + x["dur"].get<double>();
    if (x["tid"] == tid && begin < ts && ts < end) return true;
  }
  return false;
}

TEST(ChromeTrace, WakesAreFlowArrowsFromTheWakeToThePollItCaused) {
  scenario s;
  std::vector<json> starts = s.with("s");
  std::vector<json> finishes = s.with("f");
  // Two timer wakes of the child, main's yield and the join wake of main, plus the spawn of the
  // child from inside main's poll.
  ASSERT_EQ(starts.size(), 5u);
  ASSERT_EQ(finishes.size(), starts.size());
  std::map<std::uint64_t, json> finish_of;
  for (const json& f : finishes) finish_of[f["id"]] = f;
  int wakes = 0;
  for (const json& start : starts) {
    ASSERT_EQ(finish_of.count(start["id"]), 1u) << start;
    const json& finish = finish_of[start["id"]];
    EXPECT_EQ(finish["bp"], "e");
    EXPECT_EQ(finish["cat"], start["cat"]);
    EXPECT_LT(start["ts"].get<double>(), finish["ts"].get<double>());
    // Both ends need a slice to bind to, or Perfetto drops the arrow.
    EXPECT_TRUE(inside_a_slice(s, start["tid"], start["ts"])) << start;
    EXPECT_TRUE(inside_a_slice(s, finish["tid"], finish["ts"])) << finish;
    // The id is the seq of the event the arrow starts from.
    const trace_event& from = s.rt.trace().events().at(start["id"].get<std::size_t>() - 1);
    if (start["cat"] == "wake") {
      ++wakes;
      EXPECT_TRUE(from.kind == event_kind::waker_wake ||
                  from.kind == event_kind::waker_wake_by_ref);
    } else {
      EXPECT_EQ(start["cat"], "spawn");
      EXPECT_EQ(from.kind, event_kind::task_spawn);
    }
  }
  EXPECT_EQ(wakes, 4);
}

TEST(ChromeTrace, RunQueueDepthIsACounter) {
  scenario s;
  std::vector<json> counters = s.with("C");
  ASSERT_EQ(counters.size(), s.count(event_kind::task_enqueue) + s.count(event_kind::poll_begin));
  std::vector<std::uint64_t> depths;
  for (const json& c : counters) {
    EXPECT_EQ(c["name"], "run queue");
    depths.push_back(c["args"]["depth"]);
  }
  std::vector<std::uint64_t> expected;
  for (const trace_event& e : s.rt.trace().events()) {
    if (e.kind == event_kind::task_enqueue || e.kind == event_kind::poll_begin)
      expected.push_back(e.arg);
  }
  EXPECT_EQ(depths, expected);
  EXPECT_EQ(depths.front(), 1u);
}

TEST(ChromeTrace, TimersAreInstantsAndNamesAreMetadata) {
  scenario s;
  std::size_t timers = 0;
  for (const json& i : s.with("i")) timers += i["cat"] == "timer";
  EXPECT_EQ(timers, s.count(event_kind::timer_arm) + s.count(event_kind::timer_fire) +
                        s.count(event_kind::timer_cancel));
  std::map<std::string, std::string> names;
  for (const json& m : s.with("M")) {
    if (m["name"] == "process_name") names["process"] = m["args"]["name"];
    if (m["name"] == "thread_name") names["tid " + m["tid"].dump()] = m["args"]["name"];
  }
  EXPECT_EQ(names["process"], "wakeline runtime: demo");
  EXPECT_EQ(names["tid 1"], "worker 0");
  EXPECT_EQ(names["tid 2"], "driver (timers, I/O, outside wakes)");
}

TEST(ChromeTrace, EventsAtTheSameVirtualTimeAreSpreadApartButKeepTheirTrueTime) {
  scenario s;
  std::vector<double> slice_starts;
  for (const json& x : s.with("X")) {
    if (x["cat"] != "poll") continue;
    slice_starts.push_back(x["ts"]);
    EXPECT_EQ(x["args"]["t_ns"].get<double>(), std::floor(x["ts"].get<double>() / 1000.0) * 1e6)
        << x;  // every poll here starts at 0, 1 or 3 ms, a few ns of nudge later
  }
  for (std::size_t i = 1; i < slice_starts.size(); ++i)
    EXPECT_LT(slice_starts[i - 1], slice_starts[i]);
}

TEST(ChromeTrace, TheSameTraceGivesTheSameBytes) {
  scenario s;
  std::ostringstream again;
  write_chrome_trace(again, s.header, s.rt.trace());
  EXPECT_EQ(again.str(), s.text);
}

}  // namespace
