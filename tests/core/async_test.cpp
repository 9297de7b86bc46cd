#include "async.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <stdexcept>

#include "pending.hpp"
#include "poll_fn.hpp"
#include "ready.hpp"

namespace {

using namespace wakeline;

// Polls a future by hand with a no-op waker, the way an executor would.
template <class F>
auto poll_once(F& f) {
  waker w = noop_waker();
  context cx(w);
  return f.poll(cx);
}

async<int> add_ready(int a, int b) {
  int x = co_await ready(a);
  int y = co_await ready(b);
  co_return x + y;
}

TEST(Async, IsLazyAndCompletesOnFirstPollWhenEverythingIsReady) {
  bool started = false;
  auto body = [&]() -> async<int> {
    started = true;
    co_return 7;
  };
  auto f = body();
  EXPECT_FALSE(started);
  auto p = poll_once(f);
  EXPECT_TRUE(started);
  ASSERT_TRUE(p.is_ready());
  EXPECT_EQ(p.value(), 7);
}

TEST(Async, AwaitsOtherAsyncFunctions) {
  auto outer = []() -> async<int> { co_return co_await add_ready(2, 3) * 2; };
  auto f = outer();
  auto p = poll_once(f);
  ASSERT_TRUE(p.is_ready());
  EXPECT_EQ(p.value(), 10);
}

TEST(Async, PendingInnerFutureIsPolledAgainWithoutResumingTheCoroutine) {
  int polls = 0;
  int resumes = 0;
  auto leaf = poll_fn([&](context&) -> poll<int> {
    ++polls;
    if (polls < 3) return poll_pending;
    return 5;
  });
  auto body = [&]() -> async<int> {
    ++resumes;
    int v = co_await leaf;
    co_return v + 1;
  };
  auto f = body();
  EXPECT_TRUE(poll_once(f).is_pending());
  EXPECT_TRUE(poll_once(f).is_pending());
  auto p = poll_once(f);
  ASSERT_TRUE(p.is_ready());
  EXPECT_EQ(p.value(), 6);
  EXPECT_EQ(polls, 3);
  EXPECT_EQ(resumes, 1);
}

TEST(Async, RecordsTheInnermostAwaitLine) {
  const auto inner_line = static_cast<std::uint32_t>(__LINE__ + 1);
  auto inner = []() -> async<void> { co_await pending(); };
  auto outer = [&]() -> async<void> { co_await inner(); };
  auto f = outer();
  detail::suspend_point = {};
  EXPECT_TRUE(poll_once(f).is_pending());
  ASSERT_TRUE(detail::suspend_point.known());
  EXPECT_EQ(detail::suspend_point.line, inner_line);
}

TEST(Async, ExceptionsPropagateToTheAwaiter) {
  auto thrower = []() -> async<int> {
    throw std::runtime_error("boom");
    co_return 1;
  };
  auto catcher = [&]() -> async<std::string> {
    try {
      co_await thrower();
    } catch (const std::runtime_error& e) {
      co_return std::string(e.what());
    }
    co_return std::string("no exception");
  };
  auto f = catcher();
  auto p = poll_once(f);
  ASSERT_TRUE(p.is_ready());
  EXPECT_EQ(p.value(), "boom");
}

TEST(Async, DroppingASuspendedFutureRunsTheDestructorsInItsFrame) {
  auto alive = std::make_shared<int>(0);
  std::weak_ptr<int> watch = alive;
  {
    auto body = [](std::shared_ptr<int> held) -> async<void> {
      co_await pending();
      (void)held;
    };
    auto f = body(std::move(alive));
    EXPECT_TRUE(poll_once(f).is_pending());
    EXPECT_FALSE(watch.expired());
  }
  EXPECT_TRUE(watch.expired());
}

TEST(Async, ANeverPolledFutureIsDroppedCleanly) {
  auto alive = std::make_shared<int>(0);
  std::weak_ptr<int> watch = alive;
  {
    auto body = [](std::shared_ptr<int> held) -> async<void> {
      (void)held;
      co_return;
    };
    auto f = body(std::move(alive));
  }
  EXPECT_TRUE(watch.expired());
}

TEST(HandWrittenFutures, ReadyPendingAndPollFnBehaveLikeRusts) {
  auto r = ready(3);
  EXPECT_EQ(poll_once(r).value(), 3);
  auto p = pending<int>();
  EXPECT_TRUE(poll_once(p).is_pending());
  int calls = 0;
  auto f = poll_fn([&](context&) -> poll<void> {
    return ++calls == 2 ? poll_ready() : poll<void>(poll_pending);
  });
  EXPECT_TRUE(poll_once(f).is_pending());
  EXPECT_TRUE(poll_once(f).is_ready());
}

}  // namespace
