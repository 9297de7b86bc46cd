// The runner (examples/runner.hpp) turns a run request into a runtime: a strategy's settings
// given with the request reach its header and its scheduler, and a clock the strategy cannot
// simulate is refused.
#include "runner.hpp"

#include <gtest/gtest.h>

#include <string>

#include "support/trace_queries.hpp"
#include "wakeline.hpp"

namespace {

using namespace wakeline;
using namespace wakeline::support;

TEST(Runner, StrategySettingsComeFromTheRunRequest) {
  examples::run_request request{.example = "concurrent", .strategy = "tokio-multi-thread"};
  request.settings = {{"workers", "2"}, {"lifo_slot", "false"}};
  examples::run_result run = examples::run_example(request);
  EXPECT_EQ(run.outcome, run_outcome::completed);
  std::string header = ndjson_header(run.header);
  EXPECT_NE(header.find(R"("strategy_params":{"workers":2,"poll_cost_ns":1000,)"),
            std::string::npos)
      << header;
  EXPECT_NE(header.find(R"("lifo_slot":false)"), std::string::npos) << header;
  for (const trace_event& e : events_of(*run.rt, event_kind::task_enqueue)) {
    EXPECT_NE(static_cast<queue_kind>(e.ref), queue_kind::lifo);
  }
}

TEST(Runner, RefusesTheRealClockUnderTokioMultiThread) {
  examples::run_request request{
      .example = "basic", .strategy = "tokio-multi-thread", .clock = clock_kind::real_time};
  EXPECT_THROW(examples::check_request(request), examples::usage_error);
}

}  // namespace
