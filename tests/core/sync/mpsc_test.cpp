#include "sync/mpsc.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "wakeline.hpp"

namespace {

using namespace wakeline;

// A waker over counters, so a test can poll futures by hand and drop them at exact points.
struct wake_counter {
  int wakes = 0;
  int refs = 0;  // Wakers alive: back to what the test holds once nobody keeps a clone.

  waker make() {
    ++refs;
    return waker::from_raw({this, &vtable});
  }
  static wake_counter* self(const void* d) {
    return static_cast<wake_counter*>(const_cast<void*>(d));
  }
  static raw_waker clone(const void* d) {
    ++self(d)->refs;
    return {d, &vtable};
  }
  static void wake(const void* d) {
    ++self(d)->wakes;
    --self(d)->refs;
  }
  static void wake_by_ref(const void* d) { ++self(d)->wakes; }
  static void drop(const void* d) { --self(d)->refs; }
  static const raw_waker_vtable vtable;
};
const raw_waker_vtable wake_counter::vtable{&clone, &wake, &wake_by_ref, &drop};

template <class F>
auto expect_ready(F& f, context& cx) {
  auto p = f.poll(cx);
  EXPECT_TRUE(p.is_ready());
  return std::move(p).value();
}

TEST(Mpsc, UnboundedSendNeverWaitsAndValuesArriveInOrder) {
  auto [tx, rx] = mpsc::unbounded_channel<int>();
  for (int i = 1; i <= 100; ++i) EXPECT_TRUE(tx.send(i));
  EXPECT_EQ(rx.len(), 100u);
  wake_counter a;
  waker wa = a.make();
  context cx(wa);
  for (int i = 1; i <= 100; ++i) {
    auto f = rx.recv();
    EXPECT_EQ(expect_ready(f, cx), std::optional<int>(i));
  }
}

TEST(Mpsc, SendWakesTheWaitingReceiver) {
  auto [tx, rx] = mpsc::unbounded_channel<int>();
  wake_counter a;
  waker wa = a.make();
  context cx(wa);
  auto f = rx.recv();
  EXPECT_TRUE(f.poll(cx).is_pending());
  EXPECT_TRUE(tx.send(5));
  EXPECT_EQ(a.wakes, 1);
  EXPECT_EQ(expect_ready(f, cx), std::optional<int>(5));
  EXPECT_EQ(a.refs, 1);
}

TEST(Mpsc, SenderBlocksAtCapacityAndIsWokenByRecv) {
  auto [tx, rx] = mpsc::channel<int>(1);
  wake_counter producer, consumer;
  waker wp = producer.make(), wc = consumer.make();
  context cxp(wp), cxc(wc);

  auto first = tx.send(1);
  EXPECT_TRUE(expect_ready(first, cxp));
  EXPECT_EQ(tx.capacity(), 0u);
  auto second = tx.send(2);
  EXPECT_TRUE(second.poll(cxp).is_pending());  // Full: backpressure.

  auto r1 = rx.recv();
  EXPECT_EQ(expect_ready(r1, cxc), std::optional<int>(1));
  EXPECT_EQ(producer.wakes, 1);      // The freed slot went to the waiting sender...
  EXPECT_EQ(tx.capacity(), 0u);      // ...so nobody else can take it.
  EXPECT_EQ(rx.len(), 0u);

  auto r2 = rx.recv();
  EXPECT_TRUE(r2.poll(cxc).is_pending());
  EXPECT_TRUE(expect_ready(second, cxp));
  EXPECT_EQ(consumer.wakes, 1);
  EXPECT_EQ(expect_ready(r2, cxc), std::optional<int>(2));
  EXPECT_EQ(tx.capacity(), 1u);
  EXPECT_EQ(producer.refs, 1);
  EXPECT_EQ(consumer.refs, 1);
}

TEST(Mpsc, WaitingSendersAreServedInFifoOrder) {
  auto [tx, rx] = mpsc::channel<int>(1);
  wake_counter a, b, c;
  waker wa = a.make(), wb = b.make(), wc = c.make();
  context cxa(wa), cxb(wb), cxc(wc);
  auto tx2 = tx;  // A clone: a second producer.
  auto fill = tx.send(0);
  EXPECT_TRUE(expect_ready(fill, cxa));
  auto fa = tx.send(1);
  auto fb = tx2.send(2);
  EXPECT_TRUE(fa.poll(cxa).is_pending());
  EXPECT_TRUE(fb.poll(cxb).is_pending());

  auto r0 = rx.recv();
  EXPECT_EQ(expect_ready(r0, cxc), std::optional<int>(0));
  EXPECT_EQ(a.wakes, 1);
  EXPECT_EQ(b.wakes, 0);
  EXPECT_TRUE(fb.poll(cxb).is_pending());  // Polling again does not jump the queue.
  EXPECT_TRUE(expect_ready(fa, cxa));

  auto r1 = rx.recv();
  EXPECT_EQ(expect_ready(r1, cxc), std::optional<int>(1));
  EXPECT_EQ(b.wakes, 1);
  EXPECT_TRUE(expect_ready(fb, cxb));
  auto r2 = rx.recv();
  EXPECT_EQ(expect_ready(r2, cxc), std::optional<int>(2));
}

TEST(Mpsc, DroppedWaitingSendLeavesTheQueue) {
  auto [tx, rx] = mpsc::channel<int>(1);
  wake_counter a, b, c;
  waker wa = a.make(), wb = b.make(), wc = c.make();
  context cxa(wa), cxb(wb), cxc(wc);
  auto fill = tx.send(0);
  EXPECT_TRUE(expect_ready(fill, cxa));
  auto fb = tx.send(2);
  {
    auto fa = tx.send(1);
    EXPECT_TRUE(fa.poll(cxa).is_pending());
    EXPECT_TRUE(fb.poll(cxb).is_pending());
  }
  EXPECT_EQ(a.refs, 1);
  auto r0 = rx.recv();
  EXPECT_EQ(expect_ready(r0, cxc), std::optional<int>(0));
  EXPECT_EQ(a.wakes, 0);
  EXPECT_EQ(b.wakes, 1);
  EXPECT_TRUE(expect_ready(fb, cxb));
  auto r1 = rx.recv();
  EXPECT_EQ(expect_ready(r1, cxc), std::optional<int>(2));  // Value 1 was never sent.
}

TEST(Mpsc, DroppedSendThatWasHandedASlotPassesItToTheNextSender) {
  auto [tx, rx] = mpsc::channel<int>(1);
  wake_counter a, b, c;
  waker wa = a.make(), wb = b.make(), wc = c.make();
  context cxa(wa), cxb(wb), cxc(wc);
  auto fill = tx.send(0);
  EXPECT_TRUE(expect_ready(fill, cxa));
  auto fb = tx.send(2);
  {
    auto fa = tx.send(1);
    EXPECT_TRUE(fa.poll(cxa).is_pending());
    EXPECT_TRUE(fb.poll(cxb).is_pending());
    auto r0 = rx.recv();
    EXPECT_EQ(expect_ready(r0, cxc), std::optional<int>(0));
    EXPECT_EQ(a.wakes, 1);
  }
  EXPECT_EQ(b.wakes, 1);  // The slot was not lost with `fa`.
  EXPECT_TRUE(expect_ready(fb, cxb));
}

TEST(Mpsc, RecvEndsWithNothingOnceEverySenderIsGoneAndTheBufferIsDrained) {
  auto [tx, rx] = mpsc::channel<int>(4);
  wake_counter c;
  waker wc = c.make();
  context cx(wc);
  {
    auto tx2 = tx;
    auto s = tx2.send(1);
    EXPECT_TRUE(expect_ready(s, cx));
  }
  auto r1 = rx.recv();
  EXPECT_EQ(expect_ready(r1, cx), std::optional<int>(1));
  auto r2 = rx.recv();
  EXPECT_TRUE(r2.poll(cx).is_pending());  // One sender is still alive.
  { auto gone = std::move(tx); }
  EXPECT_EQ(c.wakes, 1);  // The last sender wakes the receiver...
  EXPECT_EQ(expect_ready(r2, cx), std::nullopt);  // ...which sees the end.
  EXPECT_TRUE(rx.is_closed());
}

TEST(Mpsc, PendingSendKeepsTheChannelOpenLikeASender) {
  auto [tx, rx] = mpsc::channel<int>(1);
  wake_counter p, c;
  waker wp = p.make(), wc = c.make();
  context cxp(wp), cxc(wc);
  auto fill = tx.send(0);
  EXPECT_TRUE(expect_ready(fill, cxp));
  auto late = tx.send(1);
  EXPECT_TRUE(late.poll(cxp).is_pending());
  { auto gone = std::move(tx); }
  auto r0 = rx.recv();
  EXPECT_EQ(expect_ready(r0, cxc), std::optional<int>(0));
  auto r1 = rx.recv();
  EXPECT_TRUE(r1.poll(cxc).is_pending());
  EXPECT_TRUE(expect_ready(late, cxp));
  EXPECT_EQ(expect_ready(r1, cxc), std::optional<int>(1));
  auto end = rx.recv();
  EXPECT_EQ(expect_ready(end, cxc), std::nullopt);
}

TEST(Mpsc, DroppedReceiverFailsWaitingAndLaterSendsAndHandsTheValuesBack) {
  auto [tx, rx] = mpsc::channel<std::unique_ptr<int>>(1);
  wake_counter p;
  waker wp = p.make();
  context cx(wp);
  auto fill = tx.send(std::make_unique<int>(0));
  EXPECT_TRUE(expect_ready(fill, cx));
  auto waiting = tx.send(std::make_unique<int>(1));
  EXPECT_TRUE(waiting.poll(cx).is_pending());
  { auto gone = std::move(rx); }
  EXPECT_EQ(p.wakes, 1);
  EXPECT_TRUE(tx.is_closed());
  auto failed = expect_ready(waiting, cx);
  ASSERT_FALSE(failed);
  EXPECT_EQ(*failed.unsent(), 1);
  auto later = tx.send(std::make_unique<int>(2));
  auto failed_later = expect_ready(later, cx);
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
  wake_counter c;
  waker wc = c.make();
  context cx(wc);
  auto r1 = rx.recv();
  EXPECT_EQ(expect_ready(r1, cx), std::optional<int>(1));
  auto r2 = rx.recv();
  EXPECT_EQ(expect_ready(r2, cx), std::nullopt);
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
  wake_counter c;
  waker wc = c.make();
  context cx(wc);
  {
    auto r = rx.recv();
    EXPECT_TRUE(r.poll(cx).is_pending());
    EXPECT_EQ(c.refs, 2);
  }
  EXPECT_EQ(c.refs, 1);
  EXPECT_TRUE(tx.send(1));
  EXPECT_EQ(c.wakes, 0);
}

TEST(Mpsc, ZeroCapacityIsRejected) {
  EXPECT_THROW(mpsc::channel<int>(0), std::invalid_argument);
}

// The scheduling story of a run: polls, their results, waker clones, wakes (by whom) and drops.
std::vector<std::string> story(const runtime& rt) {
  std::vector<std::string> out;
  for (const trace_event& e : rt.trace().events()) {
    std::string task = std::to_string(e.task);
    switch (e.kind) {
      case event_kind::poll_begin: out.push_back("poll " + task); break;
      case event_kind::poll_end:
        out.push_back((e.detail == 0 ? "pending " : "ready ") + task);
        break;
      case event_kind::waker_clone: out.push_back("clone " + task); break;
      case event_kind::waker_wake:
      case event_kind::waker_wake_by_ref:
        out.push_back(std::string(to_string(static_cast<wake_source>(e.detail))) + " " +
                      std::to_string(e.ref) + " wakes " + task);
        break;
      case event_kind::waker_drop: out.push_back("drop " + task); break;
      case event_kind::task_end: out.push_back("end " + task); break;
      default: break;
    }
  }
  return out;
}

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
                           "poll 1",          // main spawns the producer and yields
                           "task 1 wakes 1",
                           "pending 1",
                           "poll 2",          // send(1) fills the slot; send(2) finds it full
                           "clone 2",         //   and queues with its waker
                           "pending 2",
                           "poll 1",          // recv takes 1 and hands the freed slot over:
                           "task 1 wakes 2",  //   the consumer wakes the producer
                           "clone 1",         // recv finds the buffer empty and waits
                           "pending 1",
                           "poll 2",          // the producer pushes 2 into its slot:
                           "task 2 wakes 1",  //   the producer wakes the consumer
                           "ready 2",
                           "end 2",           // its sender is dropped: the channel ends
                           "poll 1",          // recv: 2, then nullopt; the join is ready
                           "ready 1",
                           "end 1",
                       }));
}

}  // namespace
