// The runtime's memory limit: what it counts (frames, task cells, the trace), that a run's
// allocations are given back to its account, and how a run over the limit ends.
#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <cstddef>
#include <limits>
#include <vector>

#include "runtime.hpp"
#include "support/trace_queries.hpp"
#include "wakeline.hpp"

namespace {

using namespace wakeline;
using namespace std::chrono_literals;

void keep(const std::byte* data) { asm volatile("" : : "r"(data) : "memory"); }

// A task whose coroutine frame holds a 16 KiB buffer while it sleeps.
async<int> hold_16k(int n, std::chrono::milliseconds delay) {
  std::array<std::byte, 16 * 1024> buffer;
  keep(buffer.data());
  co_await sleep(delay);
  keep(buffer.data());
  co_return n;
}

// Spawns `count` holders, then joins them all: at the peak every buffer is alive at once.
async<int> spawn_and_join(int count, std::uint64_t* peak) {
  std::vector<join_handle<int>> handles;
  for (int i = 0; i < count; ++i) handles.push_back(spawn(hold_16k(i, 5ms), "holder"));
  co_await yield_now();
  *peak = runtime::current().memory_in_use();
  int sum = 0;
  for (auto& h : handles) sum += co_await h;
  co_return sum;
}

TEST(MemoryLimit, ACompletedRunGivesBackEveryFrameAndCellItAllocated) {
  runtime rt(runtime_options{.trace = false});
  std::uint64_t peak = 0;
  rt.start(spawn_and_join(32, &peak));
  const std::uint64_t at_start = rt.memory_in_use();
  EXPECT_GT(at_start, 0u);  // The root's task cell.
  ASSERT_TRUE(rt.resume(std::numeric_limits<std::uint64_t>::max()));
  EXPECT_EQ(rt.outcome(), run_outcome::completed);
  EXPECT_GE(peak, at_start + 32u * 16 * 1024);  // The frames were counted while alive...
  EXPECT_EQ(rt.memory_in_use(), at_start);      // ...and all given back when they ended.
}

TEST(MemoryLimit, CancelledTasksGiveBackTheirFramesToo) {
  runtime rt(runtime_options{.trace = false});
  rt.start([]() -> async<void> {
    for (int i = 0; i < 8; ++i) join_handle<int> detached = spawn(hold_16k(i, 24h), "forever");
    co_await yield_now();
  }());
  const std::uint64_t at_start = rt.memory_in_use();
  ASSERT_TRUE(rt.resume(std::numeric_limits<std::uint64_t>::max()));
  EXPECT_EQ(rt.outcome(), run_outcome::completed);
  EXPECT_EQ(rt.memory_in_use(), at_start);  // The shutdown cancelled the sleepers.
}

async<void> yield_5000_times() {
  for (int i = 0; i < 5000; ++i) co_await yield_now();
}

TEST(MemoryLimit, TheTraceIsCountedAsTheProgramsMemory) {
  runtime traced;
  traced.block_on(yield_5000_times());
  runtime untraced(runtime_options{.trace = false});
  untraced.block_on(yield_5000_times());
  ASSERT_GT(traced.trace().event_count(), 20'000u);
  ASSERT_GT(traced.memory_in_use(), untraced.memory_in_use());  // So the difference is not wrapped.
  EXPECT_GE(traced.memory_in_use() - untraced.memory_in_use(),
            traced.trace().event_count() * event_log::event_bytes);
}

TEST(MemoryLimit, ARunOverItsLimitEndsWithMemoryExhaustedAtItsNextStep) {
  runtime rt(runtime_options{.memory_limit = 256 * 1024});
  std::uint64_t peak = 0;
  EXPECT_THROW(rt.block_on(spawn_and_join(100, &peak)), run_error);
  EXPECT_EQ(rt.outcome(), run_outcome::memory_exhausted);
  const trace_event& last = rt.trace().events().back();
  EXPECT_EQ(last.kind, event_kind::runtime_end);
  EXPECT_EQ(static_cast<run_outcome>(last.detail), run_outcome::memory_exhausted);
  // The root spawned all 100 holders in one poll (1.6 MiB, over the limit): the run ended
  // before any of them was polled, and the shutdown cancelled them.
  EXPECT_EQ(support::count_kind(rt, event_kind::poll_begin), 1u);
  EXPECT_EQ(peak, 0u);
}

TEST(MemoryLimit, BlockOnSaysWhyTheRunStopped) {
  runtime rt(runtime_options{.memory_limit = 1024});
  std::uint64_t peak = 0;
  try {
    rt.block_on(spawn_and_join(4, &peak));
    FAIL() << "block_on returned";
  } catch (const run_error& e) {
    EXPECT_EQ(e.outcome(), run_outcome::memory_exhausted);
    EXPECT_STREQ(e.what(), "wakeline: memory limit exceeded");
  }
}

TEST(MemoryLimit, ZeroMeansNoLimit) {
  runtime rt(runtime_options{.memory_limit = 0});
  std::uint64_t peak = 0;
  EXPECT_EQ(rt.block_on(spawn_and_join(100, &peak)), 4950);
  EXPECT_GT(peak, std::uint64_t{100} * 16 * 1024);
}

TEST(MemoryLimit, ARunUnderItsLimitCompletesAsBefore) {
  runtime rt(runtime_options{.memory_limit = 4 << 20});
  std::uint64_t peak = 0;
  EXPECT_EQ(rt.block_on(spawn_and_join(100, &peak)), 4950);
  EXPECT_LT(peak, std::uint64_t{4} << 20);
}

}  // namespace
