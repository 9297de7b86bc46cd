#include "sync/oneshot.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <optional>

#include "support/poll_by_hand.hpp"
#include "wakeline.hpp"

namespace {

using namespace wakeline;
using namespace wakeline::support;
using std::chrono::milliseconds;

TEST(Oneshot, ValueSentBeforeTheFirstPollIsReadyAtOnce) {
  auto [tx, rx] = oneshot::channel<int>();
  mock_task a;
  EXPECT_TRUE(tx.send(42));
  EXPECT_EQ(expect_ready(rx, a.cx), std::optional<int>(42));
  EXPECT_EQ(a.refs, 1);
}

TEST(Oneshot, SendWakesTheWaitingReceiver) {
  auto [tx, rx] = oneshot::channel<int>();
  mock_task a;
  EXPECT_TRUE(rx.poll(a.cx).is_pending());
  EXPECT_TRUE(rx.poll(a.cx).is_pending());
  EXPECT_EQ(a.refs, 2);  // One clone, kept across polls.
  EXPECT_TRUE(tx.send(7));
  EXPECT_EQ(a.wakes, 1);
  EXPECT_EQ(a.refs, 1);
  EXPECT_EQ(expect_ready(rx, a.cx), std::optional<int>(7));
}

TEST(Oneshot, DroppedSenderWakesTheReceiverWithNothing) {
  auto [tx, rx] = oneshot::channel<int>();
  mock_task a;
  EXPECT_TRUE(rx.poll(a.cx).is_pending());
  { auto gone = std::move(tx); }
  EXPECT_EQ(a.wakes, 1);
  EXPECT_EQ(expect_ready(rx, a.cx), std::nullopt);
}

TEST(Oneshot, SendFailsOnceTheReceiverIsGone) {
  auto [tx, rx] = oneshot::channel<std::unique_ptr<int>>();
  EXPECT_FALSE(tx.is_closed());
  { auto gone = std::move(rx); }
  EXPECT_TRUE(tx.is_closed());
  EXPECT_FALSE(tx.send(std::make_unique<int>(1)));
}

TEST(Oneshot, SenderIsSpentAfterOneSend) {
  auto [tx, rx] = oneshot::channel<int>();
  EXPECT_TRUE(tx.send(1));
  EXPECT_TRUE(tx.is_closed());
  EXPECT_FALSE(tx.send(2));
  EXPECT_TRUE(rx.is_terminated());
}

TEST(Oneshot, ValueNeverReceivedIsDestroyedWithTheReceiver) {
  auto value = std::make_shared<int>(5);
  {
    auto [tx, rx] = oneshot::channel<std::shared_ptr<int>>();
    EXPECT_TRUE(tx.send(value));
    EXPECT_EQ(value.use_count(), 2);
  }
  EXPECT_EQ(value.use_count(), 1);
}

TEST(Oneshot, DroppedWaitingReceiverReleasesItsWaker) {
  mock_task a;
  auto [tx, rx] = oneshot::channel<int>();
  EXPECT_TRUE(rx.poll(a.cx).is_pending());
  { auto gone = std::move(rx); }
  EXPECT_EQ(a.refs, 1);
  EXPECT_FALSE(tx.send(3));
  EXPECT_EQ(a.wakes, 0);
}

async<void> reply_later(oneshot::sender<int> tx, int value) {
  co_await sleep(milliseconds(5));
  tx.send(value);
}

async<std::optional<int>> request_root() {
  auto [tx, rx] = oneshot::channel<int>();
  auto worker = spawn(reply_later(std::move(tx), 99));
  auto reply = co_await rx;
  co_await worker;
  co_return reply;
}

TEST(Oneshot, TaskReceivesTheReplyOfAnotherTask) {
  runtime rt;
  EXPECT_EQ(rt.block_on(request_root()), std::optional<int>(99));
  EXPECT_EQ(rt.now_ns(), 5'000'000u);
}

async<void> never_reply(oneshot::sender<int> tx) {
  co_await sleep(milliseconds(5));
  // Returning drops the sender without sending.
  (void)tx;
}

async<std::optional<int>> abandoned_root() {
  auto [tx, rx] = oneshot::channel<int>();
  auto worker = spawn(never_reply(std::move(tx)));
  co_return co_await rx;
}

TEST(Oneshot, TaskEndingWithoutSendingWakesTheReceiverWithNothing) {
  runtime rt;
  EXPECT_EQ(rt.block_on(abandoned_root()), std::nullopt);
}

}  // namespace
