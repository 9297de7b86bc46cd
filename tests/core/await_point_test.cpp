// A future written by hand says where it waits (await_point.hpp): its pending poll_end carries
// that line, unless a future it polled said so first, as an `async` function's co_await does.
#include "await_point.hpp"

#include <gtest/gtest.h>

#include <cstdint>

#include "support/trace_queries.hpp"
#include "wakeline.hpp"

namespace {

using namespace wakeline;
using namespace wakeline::support;

// Pending once, marking its own line as its await point (and writing it to `*marked`); ready
// the second time.
class marks_its_wait {
 public:
  explicit marks_its_wait(std::uint32_t* marked) : marked_(marked) {}

  wakeline::poll<void> poll(context& cx) {
    if (polled_) return poll_ready();
    polled_ = true;
    cx.waker().wake_by_ref();
    *marked_ = source_location::current().line + 1;
    mark_await_point();
    return poll_pending;
  }

 private:
  std::uint32_t* marked_;
  bool polled_ = false;
};

// Marks a line of its own too, after polling the inner future: the inner one's line wins.
class marks_after_inner {
 public:
  marks_after_inner(std::uint32_t* inner, std::uint32_t* outer) : inner_(inner), outer_(outer) {}

  wakeline::poll<void> poll(context& cx) {
    wakeline::poll<void> inner = inner_.poll(cx);
    if (inner.is_ready()) return inner;
    *outer_ = source_location::current().line + 1;
    mark_await_point();
    return poll_pending;
  }

 private:
  marks_its_wait inner_;
  std::uint32_t* outer_;
};

TEST(AwaitPoint, APendingPollRecordsTheLineTheFutureMarked) {
  runtime rt;
  std::uint32_t marked = 0;
  rt.block_on(marks_its_wait(&marked));
  const trace_event pending = events_of(rt, event_kind::poll_end).front();
  ASSERT_NE(pending.file, nullptr);
  EXPECT_NE(marked, 0u);
  EXPECT_EQ(pending.line, marked);
}

TEST(AwaitPoint, TheInnermostMarkWins) {
  runtime rt;
  std::uint32_t inner = 0;
  std::uint32_t outer = 0;
  rt.block_on(marks_after_inner(&inner, &outer));
  EXPECT_NE(outer, inner);
  EXPECT_EQ(events_of(rt, event_kind::poll_end).front().line, inner);
}

TEST(AwaitPoint, AnAsyncFunctionsAwaitIsOuterToTheFutureItAwaits) {
  runtime rt;
  std::uint32_t marked = 0;
  rt.block_on([&]() -> async<void> { co_await marks_its_wait(&marked); }());
  EXPECT_EQ(events_of(rt, event_kind::poll_end).front().line, marked);
}

}  // namespace
