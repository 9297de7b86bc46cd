// The coop-budget example shows the difference between the strategies it exists for.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "runner.hpp"

namespace {

using namespace wakeline;
using namespace wakeline::examples;

/// The task of each poll_end, in order (main is 1, drain 2, the tickers 3 on).
std::vector<std::uint32_t> polled_tasks(const std::string& strategy) {
  run_request request;
  request.example = "coop-budget";
  request.strategy = strategy;
  request.settings = {{"messages", "300"}, {"tickers", "2"}};
  run_result result = run_example(request);
  EXPECT_EQ(result.outcome, run_outcome::completed);
  std::vector<std::uint32_t> tasks;
  for (const trace_event& e : result.rt->trace().events()) {
    if (e.kind == event_kind::poll_end) tasks.push_back(e.task);
  }
  return tasks;
}

TEST(CoopBudgetExample, UnderLocalTheDrainHoldsTheExecutorForAllItsMessages) {
  // main, drain (all 300 at once), ticker, ticker, main.
  EXPECT_EQ(polled_tasks("local"), (std::vector<std::uint32_t>{1, 2, 3, 4, 1}));
}

TEST(CoopBudgetExample, UnderTokioTheTickersRunAfterTheFirst128Messages) {
  // main, drain (128, then its budget is spent), the tickers, drain (128), drain (44 and the
  // end), main: the root waits for the queue to run dry.
  EXPECT_EQ(polled_tasks("tokio-current-thread"),
            (std::vector<std::uint32_t>{1, 2, 3, 4, 2, 2, 1}));
}

}  // namespace
