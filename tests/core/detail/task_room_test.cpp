// A spawned async function's task cell is built in its frame's block (detail/task_room.hpp):
// where the cell goes, and that the block is freed once, by whichever part goes last, however
// the task ends. A leak or a double free also fails the AddressSanitizer run of these tests.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <vector>

#include "wakeline.hpp"

namespace {

using namespace wakeline;
using namespace std::chrono_literals;

constexpr auto forever = std::numeric_limits<std::uint64_t>::max();

async<int> answer() { co_return 42; }
async<int> fail() {
  throw std::runtime_error("no answer");
  co_return 0;
}
async<void> sleep_for(std::chrono::milliseconds d) { co_await sleep(d); }

using answer_room = detail::task_room<detail::task_cell<async<int>, int>>;

TEST(TaskRoom, ASpawnBuildsTheCellInTheRoomInFrontOfTheFrame) {
  runtime rt(runtime_options{.trace = false});
  rt.block_on([]() -> async<void> {
    async<int> f = answer();
    const char* frame = static_cast<const char*>(f.frame());
    detail::task_header* task = runtime::current().spawn_task(std::move(f), "answer", {});
    join_handle<int> h(task);
    EXPECT_EQ(reinterpret_cast<const char*>(task), frame - answer_room::room_bytes);
    EXPECT_EQ(co_await h, 42);
  }());
}

TEST(TaskRoom, TheBlockGoesWithTheFrameOrTheCellWhicheverIsLast) {
  runtime rt(runtime_options{.trace = false});
  rt.block_on([]() -> async<void> {
    runtime& self = runtime::current();
    const std::uint64_t before = self.memory_in_use();
    {
      async<int> f = answer();
      const std::uint64_t with_frame = self.memory_in_use();
      EXPECT_GT(with_frame, before + answer_room::room_bytes);  // Counted with the frame.
      join_handle<int> h = spawn(std::move(f));
      EXPECT_EQ(self.memory_in_use(), with_frame);  // The cell took no block of its own.
      while (!h.is_finished()) co_await yield_now();
      EXPECT_EQ(self.memory_in_use(), with_frame);  // The frame is gone; the cell holds the block.
      EXPECT_EQ(co_await h, 42);
    }
    EXPECT_EQ(self.memory_in_use(), before);  // The handle held the last reference.
    EXPECT_EQ(co_await answer(), 42);         // Awaited, not spawned: the room stays unused...
    EXPECT_EQ(self.memory_in_use(), before);  // ...and the block goes with the frame.
  }());
}

TEST(TaskRoom, EveryWayATaskEndsFreesItsBlock) {
  runtime rt(runtime_options{.trace = false});
  rt.start([]() -> async<void> {
    (void)spawn(answer(), "detached");
    join_handle<void> aborted = spawn(sleep_for(1ms), "aborted before its first poll");
    aborted.abort();
    join_handle<int> failed = spawn(fail(), "failed");
    (void)spawn(sleep_for(24h), "cancelled at shutdown");
    EXPECT_THROW(co_await failed, std::runtime_error);
    EXPECT_THROW(co_await aborted, join_error);
  }());
  const std::uint64_t at_start = rt.memory_in_use();
  ASSERT_TRUE(rt.resume(forever));
  EXPECT_EQ(rt.outcome(), run_outcome::completed);
  EXPECT_EQ(rt.memory_in_use(), at_start);
}

TEST(TaskRoom, ARefusedSpawnFreesItsBlockWithItsHandle) {
  strategy_config embassy(strategy_kind::embassy);
  embassy.pool_size = 1;
  runtime rt(runtime_options{.strategy = embassy, .trace = false});
  rt.start([]() -> async<void> {
    // Embassy's pools are per spawn site: the second spawn from this line finds it full.
    std::vector<join_handle<int>> handles;
    for (int i = 0; i < 2; ++i) handles.push_back(spawn(answer(), "pooled"));
    EXPECT_EQ(co_await handles[0], 42);
    EXPECT_THROW(co_await handles[1], spawn_error);
  }());
  const std::uint64_t at_start = rt.memory_in_use();
  ASSERT_TRUE(rt.resume(forever));
  EXPECT_EQ(rt.outcome(), run_outcome::completed);
  EXPECT_EQ(rt.memory_in_use(), at_start);
}

}  // namespace
