// The echo example over the simulated network: the same settings give the same events, and
// each message is one read and one write on each side.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "runner.hpp"
#include "support/trace_queries.hpp"
#include "wakeline.hpp"

namespace {

using namespace wakeline;
using namespace wakeline::support;

std::vector<std::string> event_signature(const runtime& rt) {
  std::vector<std::string> lines;
  for (const trace_event& e : rt.trace().events()) {
    lines.push_back(std::to_string(e.seq) + " " + std::to_string(e.t) + " " + to_string(e.kind) +
                    " " + std::to_string(e.task) + " " + std::to_string(e.ref) + " " +
                    std::to_string(e.arg) + " " + std::to_string(e.cause) + " " +
                    std::to_string(e.detail));
  }
  return lines;
}

TEST(EchoExample, TwoRunsWithTheSameSettingsRecordIdenticalEvents) {
  examples::run_request request;
  request.example = "echo";
  request.settings = {{"clients", "3"}, {"messages", "4"}};
  examples::run_result first = examples::run_example(request);
  examples::run_result second = examples::run_example(request);
  ASSERT_EQ(first.outcome, run_outcome::completed) << first.message;
  ASSERT_EQ(second.outcome, run_outcome::completed) << second.message;
  std::vector<std::string> a = event_signature(*first.rt);
  EXPECT_EQ(a, event_signature(*second.rt));
  // 1 accept (the three requests arrive together: the server finds two in the backlog),
  // 3 connects, 12 messages x (read + write on each side), 3 ends of stream.
  EXPECT_EQ(count_kind(*first.rt, event_kind::io_ready), 1u + 3u + 12u * 4u + 3u);
}

}  // namespace
