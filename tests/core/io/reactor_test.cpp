#include "io/reactor.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace {

using wakeline::reactor;

TEST(Reactor, DeliveriesAtEqualTimesKeepTheOrderTheyWereScheduledIn) {
  reactor r;
  std::string order;
  r.deliver_at(5, [&] { order += 'a'; });
  r.deliver_at(3, [&] { order += 'b'; });
  r.deliver_at(5, [&] { order += 'c'; });
  r.deliver_at(3, [&] { order += 'd'; });
  r.deliver_at(5, [&] { order += 'e'; });
  EXPECT_EQ(r.deliver_due(10), 5u);
  EXPECT_EQ(order, "bdace");
}

TEST(Reactor, DeliverDueRunsOnlyWhatIsDueAndNextDeliveryNamesTheEarliestLeft) {
  reactor r;
  std::string order;
  EXPECT_FALSE(r.next_delivery().has_value());
  r.deliver_at(2'000, [&] { order += 'x'; });
  r.deliver_at(1'000, [&] { order += 'y'; });
  EXPECT_EQ(r.next_delivery(), 1'000u);

  EXPECT_EQ(r.deliver_due(999), 0u);
  EXPECT_EQ(order, "");
  EXPECT_EQ(r.deliver_due(1'000), 1u);  // Due at exactly its time.
  EXPECT_EQ(order, "y");
  EXPECT_EQ(r.next_delivery(), 2'000u);
  EXPECT_EQ(r.deliver_due(5'000), 1u);
  EXPECT_EQ(order, "yx");
  EXPECT_FALSE(r.next_delivery().has_value());
}

TEST(Reactor, DeliveriesScheduledByADeliveryForTheSameTimeRunInTheSameCall) {
  reactor r;
  std::string order;
  r.deliver_at(7, [&] {
    order += '1';
    r.deliver_at(7, [&] { order += '3'; });
    r.deliver_at(8, [&] { order += '4'; });
  });
  r.deliver_at(7, [&] { order += '2'; });
  EXPECT_EQ(r.deliver_due(7), 3u);
  EXPECT_EQ(order, "123");
  EXPECT_EQ(r.next_delivery(), 8u);
}

TEST(Reactor, RealOperationsAreCountedUntilTheyEnd) {
  reactor r;
  r.begin_real_operation();
  r.begin_real_operation();
  EXPECT_TRUE(r.has_real_operations());
  r.end_real_operation();
  EXPECT_TRUE(r.has_real_operations());
  r.end_real_operation();
  EXPECT_FALSE(r.has_real_operations());
}

TEST(Reactor, WaitRealWithATimeoutReturnsAfterTheTimeoutWhenNothingHappens) {
  reactor r;
  auto start = std::chrono::steady_clock::now();
  r.wait_real(20'000'000);
  auto waited = std::chrono::steady_clock::now() - start;
  EXPECT_GE(waited, std::chrono::milliseconds(19));
  EXPECT_LT(waited, std::chrono::seconds(5));
}

}  // namespace
