// The lost-wakeup example: the bug ends in a deadlock that names the task nobody can wake, and
// keeping the waker fixes it.
#include <gtest/gtest.h>

#include <optional>

#include "runner.hpp"

namespace {

using namespace wakeline;
using namespace wakeline::examples;

run_result run_lost_wakeup(const char* keep_waker) {
  run_request request;
  request.example = "lost-wakeup";
  request.settings = {{"keep_waker", keep_waker}};
  return run_example(request);
}

TEST(LostWakeupExample, ForgettingTheWakerEndsInADeadlockWithTheReaderUnwakeable) {
  run_result result = run_lost_wakeup("false");
  EXPECT_EQ(result.outcome, run_outcome::deadlock);
  const trace_recorder& trace = result.rt->trace();
  std::optional<trace_event> deadlock;
  for (const trace_event& e : trace.events()) {
    if (e.kind == event_kind::deadlock) deadlock = e;
  }
  ASSERT_TRUE(deadlock.has_value());
  const auto& stuck = trace.deadlock(deadlock->arg);
  ASSERT_EQ(stuck.size(), 2u);
  EXPECT_EQ(stuck[0].task, 1u);  // main, waiting on the reader's join handle: one waker.
  EXPECT_EQ(stuck[0].wakers, 1u);
  EXPECT_EQ(stuck[1].task, 2u);  // The reader: nobody holds its waker.
  EXPECT_EQ(stuck[1].wakers, 0u);
}

TEST(LostWakeupExample, KeepingTheWakerLetsThePostmanWakeTheReader) {
  EXPECT_EQ(run_lost_wakeup("true").outcome, run_outcome::completed);
}

}  // namespace
