// Every registered example runs in the suite and its trace is checked, so none can silently rot.
#include <gtest/gtest.h>

#include <cctype>
#include <sstream>
#include <string>
#include <vector>

#include "registry.hpp"
#include "runner.hpp"
#include "support/trace_queries.hpp"
#include "trace/chrome_writer.hpp"
#include "trace/ndjson_reader.hpp"
#include "trace_checks.hpp"

namespace {

using namespace wakeline;
using namespace wakeline::examples;
using namespace wakeline::support;

class EveryExample : public ::testing::TestWithParam<const example*> {};

run_result run_with(const example& e, std::vector<std::pair<std::string, std::string>> settings) {
  run_request request;
  request.example = e.id;
  request.strategy = e.strategies.front();
  request.settings = std::move(settings);
  return run_example(request);
}

TEST(Examples, TheCatalogueHasTheBasicsExamples) {
  EXPECT_NE(find_example("basic"), nullptr);
  EXPECT_NE(find_example("concurrent"), nullptr);
  EXPECT_NE(find_example("state-machine"), nullptr);
}

TEST_P(EveryExample, RunsWithItsDefaultsToItsOutcomeWithAWellFormedTrace) {
  const example& e = *GetParam();
  run_result result = run_with(e, {});
  EXPECT_EQ(result.outcome, e.outcome_with_defaults) << result.message;
  EXPECT_TRUE(trace_checks::well_formed(result.rt->trace(), result.outcome));
  EXPECT_EQ(result.header.example, e.id);
  EXPECT_EQ(result.header.params.size(), e.params.size());
}

TEST_P(EveryExample, RunsUnderEachStrategyItSupportsToItsOutcomeTheSameEachTime) {
  const example& e = *GetParam();
  for (const std::string& strategy : e.strategies) {
    run_request request;
    request.example = e.id;
    request.strategy = strategy;
    run_result first = run_example(request);
    EXPECT_EQ(first.outcome, e.outcome_with_defaults) << strategy << ": " << first.message;
    EXPECT_TRUE(trace_checks::well_formed(first.rt->trace(), first.outcome)) << strategy;
    EXPECT_EQ(trace_checks::ndjson_of(first), trace_checks::ndjson_of(run_example(request)))
        << strategy;
  }
}

// The schema read backwards: a trace read from its NDJSON writes the same NDJSON and the same
// Chrome trace as the run itself, under each strategy.
TEST_P(EveryExample, ItsTraceReadBackFromNdjsonWritesTheSameBytes) {
  const example& e = *GetParam();
  for (const std::string& strategy : e.strategies) {
    run_request request;
    request.example = e.id;
    request.strategy = strategy;
    run_result run = run_example(request);
    const std::string ndjson = trace_checks::ndjson_of(run);
    read_trace read = read_ndjson(ndjson);
    std::ostringstream ndjson_again;
    write_ndjson(ndjson_again, run.header, read.events);
    EXPECT_EQ(ndjson_again.str(), ndjson) << strategy;
    std::ostringstream chrome, chrome_again;
    write_chrome_trace(chrome, run.header, run.rt->trace());
    write_chrome_trace(chrome_again, read.header, read.events);
    EXPECT_EQ(chrome_again.str(), chrome.str()) << strategy;
  }
}

TEST_P(EveryExample, RunsWithEachParameterAtItsMinimumAndMaximum) {
  const example& e = *GetParam();
  for (const param_spec& p : e.params) {
    for (std::int64_t value : {p.min, p.max}) {
      SCOPED_TRACE(p.name + "=" + std::to_string(value));
      run_result result = run_with(e, {{p.name, std::to_string(value)}});
      // An extreme value may legitimately end a run otherwise (a pitfall made visible); the
      // trace must still say so consistently.
      EXPECT_TRUE(trace_checks::well_formed(result.rt->trace(), result.outcome));
    }
  }
}

TEST_P(EveryExample, RunsWithAllParametersAtTheirMinimumAndAllAtTheirMaximum) {
  const example& e = *GetParam();
  std::vector<std::pair<std::string, std::string>> lows, highs;
  for (const param_spec& p : e.params) {
    lows.emplace_back(p.name, std::to_string(p.min));
    highs.emplace_back(p.name, std::to_string(p.max));
  }
  run_result low = run_with(e, lows);
  EXPECT_TRUE(trace_checks::well_formed(low.rt->trace(), low.outcome));
  run_result high = run_with(e, highs);
  EXPECT_TRUE(trace_checks::well_formed(high.rt->trace(), high.outcome));
}

TEST_P(EveryExample, TwoRunsGiveByteIdenticalTraces) {
  const example& e = *GetParam();
  run_request request;
  request.example = e.id;
  request.strategy = e.strategies.front();
  request.seed = 7;
  std::string first = trace_checks::ndjson_of(run_example(request));
  std::string second = trace_checks::ndjson_of(run_example(request));
  EXPECT_EQ(first, second);
  std::ostringstream chrome_first, chrome_second;
  run_result a = run_example(request);
  run_result b = run_example(request);
  write_chrome_trace(chrome_first, a.header, a.rt->trace());
  write_chrome_trace(chrome_second, b.header, b.rt->trace());
  EXPECT_EQ(chrome_first.str(), chrome_second.str());
}

TEST_P(EveryExample, HasItsSourceEmbeddedAndAnExplanation) {
  const example& e = *GetParam();
  EXPECT_FALSE(example_source(e).empty()) << e.source_file;
  EXPECT_FALSE(e.explanation.empty());
  EXPECT_FALSE(e.title.empty());
  for (const param_spec& p : e.params) {
    EXPECT_LE(p.min, p.default_value) << p.name;
    EXPECT_LE(p.default_value, p.max) << p.name;
  }
}

std::string test_name(const ::testing::TestParamInfo<const example*>& info) {
  std::string name = info.param->id;
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

// Unlisted examples are test-only and may end the process on purpose (trap.cpp executes a trap
// instruction for tests/wasm/): they are not run here.
std::vector<const example*> listed_examples() {
  std::vector<const example*> listed;
  for (const example* e : all_examples()) {
    if (e->listed) listed.push_back(e);
  }
  return listed;
}

INSTANTIATE_TEST_SUITE_P(Registry, EveryExample, ::testing::ValuesIn(listed_examples()), test_name);

TEST(ConcurrentExample, WorkersOverlapSoTheRunTakesAsLongAsTheSlowestWorker) {
  run_request request;
  request.example = "concurrent";
  request.settings = {{"tasks", "4"}, {"steps", "2"}};
  run_result result = run_example(request);
  ASSERT_EQ(result.outcome, run_outcome::completed);
  // Worker i naps 5 * (i + 1) ms twice: the slowest takes 40 ms; one after another would be 100.
  EXPECT_EQ(result.rt->trace().events().back().t, 40'000'000u);
  EXPECT_EQ(count_kind(*result.rt, event_kind::task_spawn), 5u);  // main and four workers
}

TEST(ConcurrentExample, TheSeedChangesTheJitterAndTheSameSeedRepeatsIt) {
  auto run_seeded = [](std::uint64_t seed) {
    run_request request;
    request.example = "concurrent";
    request.settings = {{"jitter_ms", "50"}};
    request.seed = seed;
    std::string text = trace_checks::ndjson_of(run_example(request));
    return text.substr(text.find('\n') + 1);  // the events only: the header names the seed
  };
  EXPECT_EQ(run_seeded(1), run_seeded(1));
  EXPECT_NE(run_seeded(1), run_seeded(2));
}

}  // namespace
