#include "sync/mpsc.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "support/event_lines.hpp"
#include "support/poll_by_hand.hpp"
#include "wakeline.hpp"

namespace {

using namespace wakeline;
using namespace wakeline::support;

// Receives with a recv whose first poll must be ready, and returns what it got.
template <class Receiver>
auto recv_now(Receiver& rx, context& cx) {
  auto f = rx.recv();
  return expect_ready(f, cx);
}

// Sends with a send whose first poll must be ready (a slot was free), and returns its result.
template <class Sender, class T>
auto send_now(Sender& tx, T value, context& cx) {
  auto f = tx.send(std::move(value));
  return expect_ready(f, cx);
}

TEST(Mpsc, UnboundedSendNeverWaitsAndValuesArriveInOrder) {
  auto [tx, rx] = mpsc::unbounded_channel<int>();
  for (int i = 1; i <= 100; ++i) EXPECT_TRUE(tx.send(i));
  EXPECT_EQ(rx.len(), 100u);
  mock_task a;
  for (int i = 1; i <= 100; ++i) {
    EXPECT_EQ(recv_now(rx, a.cx), std::optional<int>(i));
  }
}

TEST(Mpsc, SendWakesTheWaitingReceiver) {
  auto [tx, rx] = mpsc::unbounded_channel<int>();
  mock_task a;
  auto f = rx.recv();
  EXPECT_TRUE(f.poll(a.cx).is_pending());
  EXPECT_TRUE(tx.send(5));
  EXPECT_EQ(a.wakes, 1);
  EXPECT_EQ(expect_ready(f, a.cx), std::optional<int>(5));
  EXPECT_EQ(a.refs, 1);
}

TEST(Mpsc, SenderBlocksAtCapacityAndIsWokenByRecv) {
  auto [tx, rx] = mpsc::channel<int>(1);
  mock_task producer, consumer;

  EXPECT_TRUE(send_now(tx, 1, producer.cx));
  EXPECT_EQ(tx.capacity(), 0u);
  auto second = tx.send(2);
  EXPECT_TRUE(second.poll(producer.cx).is_pending());  // Full: backpressure.

  EXPECT_EQ(recv_now(rx, consumer.cx), std::optional<int>(1));
  EXPECT_EQ(producer.wakes, 1);  // The freed slot went to the waiting sender...
  EXPECT_EQ(tx.capacity(), 0u);  // ...so nobody else can take it.
  EXPECT_EQ(rx.len(), 0u);

  auto r2 = rx.recv();
  EXPECT_TRUE(r2.poll(consumer.cx).is_pending());
  EXPECT_TRUE(expect_ready(second, producer.cx));
  EXPECT_EQ(consumer.wakes, 1);
  EXPECT_EQ(expect_ready(r2, consumer.cx), std::optional<int>(2));
  EXPECT_EQ(tx.capacity(), 1u);
  EXPECT_EQ(producer.refs, 1);
  EXPECT_EQ(consumer.refs, 1);
}

TEST(Mpsc, WaitingSendersAreServedInFifoOrder) {
  auto [tx, rx] = mpsc::channel<int>(1);
  mock_task a, b, c;
  auto tx2 = tx;  // A clone: a second producer.
  EXPECT_TRUE(send_now(tx, 0, a.cx));
  auto fa = tx.send(1);
  auto fb = tx2.send(2);
  EXPECT_TRUE(fa.poll(a.cx).is_pending());
  EXPECT_TRUE(fb.poll(b.cx).is_pending());

  EXPECT_EQ(recv_now(rx, c.cx), std::optional<int>(0));
  EXPECT_EQ(a.wakes, 1);
  EXPECT_EQ(b.wakes, 0);
  EXPECT_TRUE(fb.poll(b.cx).is_pending());  // Polling again does not jump the queue.
  EXPECT_TRUE(expect_ready(fa, a.cx));

  EXPECT_EQ(recv_now(rx, c.cx), std::optional<int>(1));
  EXPECT_EQ(b.wakes, 1);
  EXPECT_TRUE(expect_ready(fb, b.cx));
  EXPECT_EQ(recv_now(rx, c.cx), std::optional<int>(2));
}

TEST(Mpsc, DroppedWaitingSendLeavesTheQueue) {
  auto [tx, rx] = mpsc::channel<int>(1);
  mock_task a, b, c;
  EXPECT_TRUE(send_now(tx, 0, a.cx));
  auto fb = tx.send(2);
  {
    auto fa = tx.send(1);
    EXPECT_TRUE(fa.poll(a.cx).is_pending());
    EXPECT_TRUE(fb.poll(b.cx).is_pending());
  }
  EXPECT_EQ(a.refs, 1);
  EXPECT_EQ(recv_now(rx, c.cx), std::optional<int>(0));
  EXPECT_EQ(a.wakes, 0);
  EXPECT_EQ(b.wakes, 1);
  EXPECT_TRUE(expect_ready(fb, b.cx));
  EXPECT_EQ(recv_now(rx, c.cx), std::optional<int>(2));  // Value 1 was never sent.
}

TEST(Mpsc, DroppedSendThatWasHandedASlotPassesItToTheNextSender) {
  auto [tx, rx] = mpsc::channel<int>(1);
  mock_task a, b, c;
  EXPECT_TRUE(send_now(tx, 0, a.cx));
  auto fb = tx.send(2);
  {
    auto fa = tx.send(1);
    EXPECT_TRUE(fa.poll(a.cx).is_pending());
    EXPECT_TRUE(fb.poll(b.cx).is_pending());
    EXPECT_EQ(recv_now(rx, c.cx), std::optional<int>(0));
    EXPECT_EQ(a.wakes, 1);
  }
  EXPECT_EQ(b.wakes, 1);  // The slot was not lost with `fa`.
  EXPECT_TRUE(expect_ready(fb, b.cx));
}

TEST(Mpsc, RecvEndsWithNothingOnceEverySenderIsGoneAndTheBufferIsDrained) {
  auto [tx, rx] = mpsc::channel<int>(4);
  mock_task c;
  {
    auto tx2 = tx;
    EXPECT_TRUE(send_now(tx2, 1, c.cx));
  }
  EXPECT_EQ(recv_now(rx, c.cx), std::optional<int>(1));
  auto r2 = rx.recv();
  EXPECT_TRUE(r2.poll(c.cx).is_pending());  // One sender is still alive.
  { auto gone = std::move(tx); }
  EXPECT_EQ(c.wakes, 1);                            // The last sender wakes the receiver...
  EXPECT_EQ(expect_ready(r2, c.cx), std::nullopt);  // ...which sees the end.
  EXPECT_TRUE(rx.is_closed());
}

TEST(Mpsc, PendingSendKeepsTheChannelOpenLikeASender) {
  auto [tx, rx] = mpsc::channel<int>(1);
  mock_task p, c;
  EXPECT_TRUE(send_now(tx, 0, p.cx));
  auto late = tx.send(1);
  EXPECT_TRUE(late.poll(p.cx).is_pending());
  { auto gone = std::move(tx); }
  EXPECT_EQ(recv_now(rx, c.cx), std::optional<int>(0));
  auto r1 = rx.recv();
  EXPECT_TRUE(r1.poll(c.cx).is_pending());
  EXPECT_TRUE(expect_ready(late, p.cx));
  EXPECT_EQ(expect_ready(r1, c.cx), std::optional<int>(1));
  EXPECT_EQ(recv_now(rx, c.cx), std::nullopt);
}

TEST(Mpsc, DroppedReceiverFailsWaitingAndLaterSendsAndHandsTheValuesBack) {
  auto [tx, rx] = mpsc::channel<std::unique_ptr<int>>(1);
  mock_task p;
  EXPECT_TRUE(send_now(tx, std::make_unique<int>(0), p.cx));
  auto waiting = tx.send(std::make_unique<int>(1));
  EXPECT_TRUE(waiting.poll(p.cx).is_pending());
  { auto gone = std::move(rx); }
  EXPECT_EQ(p.wakes, 1);
  EXPECT_TRUE(tx.is_closed());
  auto failed = expect_ready(waiting, p.cx);
  ASSERT_FALSE(failed);
  EXPECT_EQ(*failed.unsent(), 1);
  auto later = tx.send(std::make_unique<int>(2));
  auto failed_later = expect_ready(later, p.cx);
  ASSERT_FALSE(failed_later.is_ok());
  EXPECT_EQ(*failed_later.unsent(), 2);
  EXPECT_EQ(p.refs, 1);
}

TEST(Mpsc, UnboundedSendToADroppedReceiverHandsTheValueBack) {
  auto [tx, rx] = mpsc::unbounded_channel<std::string>();
  { auto gone = std::move(rx); }
  auto result = tx.send("lost");
  ASSERT_FALSE(result.is_ok());
  EXPECT_EQ(result.unsent(), "lost");
}

TEST(Mpsc, CloseFailsSendsButLetsTheReceiverDrainTheBuffer) {
  auto [tx, rx] = mpsc::unbounded_channel<int>();
  EXPECT_TRUE(tx.send(1));
  rx.close();
  EXPECT_FALSE(tx.send(2));
  mock_task c;
  EXPECT_EQ(recv_now(rx, c.cx), std::optional<int>(1));
  EXPECT_EQ(recv_now(rx, c.cx), std::nullopt);
}

TEST(Mpsc, BufferedValuesAreDestroyedWithTheReceiver) {
  auto value = std::make_shared<int>(1);
  auto [tx, rx] = mpsc::unbounded_channel<std::shared_ptr<int>>();
  EXPECT_TRUE(tx.send(value));
  EXPECT_EQ(value.use_count(), 2);
  { auto gone = std::move(rx); }
  EXPECT_EQ(value.use_count(), 1);
}

// A message that carries a sender of its own channel.
struct looped {
  std::shared_ptr<mpsc::unbounded_sender<looped>> back;
};

TEST(Mpsc, ReceiverDroppedWhileItsBufferHoldsTheLastSenderFreesTheChannelOnce) {
  auto [tx, rx] = mpsc::unbounded_channel<looped>();
  auto shared = std::make_shared<mpsc::unbounded_sender<looped>>(std::move(tx));
  EXPECT_TRUE(shared->send(looped{shared}));
  std::weak_ptr<mpsc::unbounded_sender<looped>> watch = shared;
  shared.reset();  // Only the buffered message keeps the sender alive now.
  EXPECT_FALSE(watch.expired());
  { auto gone = std::move(rx); }  // Under ASan, a double free or a leak would fail here.
  EXPECT_TRUE(watch.expired());
}

TEST(Mpsc, DroppedPendingRecvReleasesTheReceiversWaker) {
  auto [tx, rx] = mpsc::unbounded_channel<int>();
  mock_task c;
  {
    auto r = rx.recv();
    EXPECT_TRUE(r.poll(c.cx).is_pending());
    EXPECT_EQ(c.refs, 2);
  }
  EXPECT_EQ(c.refs, 1);
  EXPECT_TRUE(tx.send(1));
  EXPECT_EQ(c.wakes, 0);
}

TEST(Mpsc, ZeroCapacityIsRejected) { EXPECT_THROW(mpsc::channel<int>(0), std::invalid_argument); }

async<void> produce(mpsc::sender<int> tx, int count) {
  for (int i = 1; i <= count; ++i) {
    if (!co_await tx.send(i)) co_return;
  }
}

async<std::vector<int>> backpressure_root() {
  auto [tx, rx] = mpsc::channel<int>(1);
  auto producer = spawn(produce(std::move(tx), 2), "producer");
  co_await yield_now();  // The producer fills the one slot and blocks on its second send.
  std::vector<int> got;
  while (auto v = co_await rx.recv()) got.push_back(*v);
  co_await producer;
  co_return got;
}

TEST(Mpsc, BackpressureTraceShowsTheConsumerWakingTheProducerAndBack) {
  runtime rt;
  EXPECT_EQ(rt.block_on(backpressure_root()), (std::vector<int>{1, 2}));
  EXPECT_EQ(story(rt), (std::vector<std::string>{
                           "poll 1",  // main spawns the producer and yields
                           "task 1 wakes 1",
                           "pending 1",
                           "poll 2",   // send(1) fills the slot; send(2) finds it full
                           "clone 2",  //   and queues with its waker
                           "pending 2",
                           "poll 1",          // recv takes 1 and hands the freed slot over:
                           "task 1 wakes 2",  //   the consumer wakes the producer
                           "clone 1",         // recv finds the buffer empty and waits
                           "pending 1",
                           "poll 2",          // the producer pushes 2 into its slot:
                           "task 2 wakes 1",  //   the producer wakes the consumer
                           "ready 2",
                           "end 2",   // its sender is dropped: the channel ends
                           "poll 1",  // recv: 2, then nullopt; the join is ready
                           "ready 1",
                           "end 1",
                       }));
}

}  // namespace
