// A program's own I/O resource (io_source.hpp): a wait records io_register for the task being
// polled, readiness records io_ready, and the wake it makes is attributed to the resource and
// caused by that io_ready, as Wakeline's own sockets record theirs.
#include "io/io_source.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>

#include "support/trace_queries.hpp"
#include "wakeline.hpp"

namespace {

using namespace wakeline;
using namespace wakeline::support;

// A device whose data arrives at a virtual time: a future waits for it on an io_source.
struct device {
  explicit device(runtime& rt) : source(rt) {}
  io_source source;
  std::optional<waker> waiter;
  bool arrived = false;

  void arrive(std::uint64_t bytes) {
    arrived = true;
    if (!waiter) return;
    const std::uint64_t seq = source.record_ready(io_op::read, bytes, 0, 1);
    waker w = std::move(*waiter);
    waiter.reset();
    source.wake(std::move(w), seq);
  }
};

async<void> read_from(device& d) {
  co_await poll_fn([&d](context& cx) -> wakeline::poll<void> {
    if (d.arrived) return poll_ready();
    if (!d.waiter) d.source.record_wait(io_op::read);
    d.waiter = cx.waker();
    return poll_pending;
  });
}

TEST(IoSource, AWaitAndItsReadinessAreRecordedAndTheWakeIsTheResources) {
  runtime rt;
  device d(rt);
  EXPECT_EQ(d.source.id(), 1u);
  rt.reactor().deliver_at(5'000'000, [&d] { d.arrive(12); });
  rt.block_on(read_from(d));

  const trace_event registered = only(rt, event_kind::io_register);
  EXPECT_EQ(registered.ref, d.source.id());
  EXPECT_EQ(registered.task, 1u);
  EXPECT_EQ(static_cast<io_op>(registered.detail), io_op::read);

  const trace_event ready = only(rt, event_kind::io_ready);
  EXPECT_EQ(ready.t, 5'000'000u);
  EXPECT_EQ(ready.arg, 12u);
  EXPECT_EQ(ready.task, 1u);

  const trace_event wake = only(rt, event_kind::waker_wake);
  EXPECT_EQ(static_cast<wake_source>(wake.detail), wake_source::io);
  EXPECT_EQ(wake.ref, d.source.id());
  EXPECT_EQ(wake.cause, ready.seq);
  EXPECT_EQ(rt.outcome(), run_outcome::completed);
}

TEST(IoSource, EachSourceHasItsOwnId) {
  runtime rt;
  io_source a(rt);
  io_source b(rt);
  EXPECT_NE(a.id(), b.id());
  EXPECT_EQ(io_source(rt, a.id()).id(), a.id());
}

}  // namespace
