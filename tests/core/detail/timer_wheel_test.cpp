#include "detail/timer_wheel.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <tuple>
#include <utility>
#include <vector>

namespace {

using timer_wheel = wakeline::detail::timer_wheel<>;
using node_id = timer_wheel::node_id;

constexpr std::uint64_t hour = 3'600'000;  // in 1 ms ticks
constexpr std::uint64_t day = 24 * hour;

struct firing {
  node_id id;
  std::uint64_t at;  ///< The `now` of the poll that returned it.
  friend bool operator==(const firing&, const firing&) = default;
};

// What a run of the wheel to its end saw.
struct wheel_run {
  std::vector<firing> fired;  ///< What fired and when, in order.
  int jumps = 0;              ///< How many times time jumped to the next expiration.
};

// Drives the wheel the way the runtime does: jump to the next expiration, take everything due,
// repeat.
wheel_run run_to_end(timer_wheel& wheel) {
  wheel_run r;
  while (auto next = wheel.next_expiration()) {
    ++r.jumps;
    while (auto id = wheel.poll(*next)) r.fired.push_back({*id, *next});
  }
  return r;
}

node_id insert_at(timer_wheel& wheel, std::uint64_t when) {
  node_id id = wheel.allocate();
  EXPECT_TRUE(wheel.insert(id, when));
  return id;
}

TEST(TimerWheel, EmptyWheelHasNoExpirationAndPollingMovesTimeForward) {
  timer_wheel wheel;
  EXPECT_FALSE(wheel.next_expiration());
  EXPECT_FALSE(wheel.poll(500));
  EXPECT_EQ(wheel.elapsed(), 500u);
  EXPECT_TRUE(wheel.empty());
}

TEST(TimerWheel, InsertingADeadlineThatHasPassedQueuesNothing) {
  timer_wheel wheel;
  (void)wheel.poll(10);
  node_id id = wheel.allocate();
  EXPECT_FALSE(wheel.insert(id, 10));
  EXPECT_FALSE(wheel.insert(id, 3));
  EXPECT_FALSE(wheel.queued(id));
  EXPECT_TRUE(wheel.empty());
  EXPECT_TRUE(wheel.insert(id, 11));
  EXPECT_EQ(wheel.size(), 1u);
}

TEST(TimerWheel, LevelZeroEntryExpiresAtItsOwnTick) {
  timer_wheel wheel;
  node_id id = insert_at(wheel, 5);
  EXPECT_EQ(wheel.next_expiration(), 5u);
  EXPECT_FALSE(wheel.poll(4));  // one tick early: nothing
  EXPECT_EQ(wheel.poll(5), id);
  EXPECT_TRUE(wheel.empty());
}

TEST(TimerWheel, HigherLevelEntryReportsTheStartOfItsSlotThenCascades) {
  timer_wheel wheel;
  node_id id = insert_at(wheel, 100);  // level 1 (64 ms slots), slot 1 starts at 64
  EXPECT_EQ(wheel.next_expiration(), 64u);
  EXPECT_FALSE(wheel.poll(64));  // cascades to level 0 without firing
  EXPECT_EQ(wheel.next_expiration(), 100u);
  EXPECT_TRUE(wheel.queued(id));
  EXPECT_EQ(wheel.poll(100), id);
}

TEST(TimerWheel, EveryLevelBoundaryFiresExactlyOnTime) {
  timer_wheel wheel;
  // Each side of the first slot of every level, in scrambled insertion order.
  std::vector<std::uint64_t> deadlines = {
      4096, 63, 262'143, 64, 1, 65, 4095, 262'144, 16'777'216, 16'777'215, 1'073'741'824, 127, 128};
  std::vector<std::pair<std::uint64_t, node_id>> expected;
  for (std::uint64_t d : deadlines) expected.push_back({d, insert_at(wheel, d)});
  std::sort(expected.begin(), expected.end());

  auto [fired, jumps] = run_to_end(wheel);
  ASSERT_EQ(fired.size(), expected.size());
  for (std::size_t i = 0; i < fired.size(); ++i) {
    EXPECT_EQ(fired[i].id, expected[i].second) << "entry " << i;
    EXPECT_EQ(fired[i].at, expected[i].first) << "entry " << i << " fired at the wrong tick";
  }
  EXPECT_TRUE(wheel.empty());
  EXPECT_LE(jumps, 6 * static_cast<int>(deadlines.size()));  // at most one jump per level each
}

TEST(TimerWheel, CascadingAcrossABoundaryFromANonZeroElapsed) {
  timer_wheel wheel;
  (void)wheel.poll(4000);
  // 4000 and 4100 differ above bit 11: the entry goes to level 2 although it is 100 ms away.
  node_id id = insert_at(wheel, 4100);
  EXPECT_EQ(wheel.next_expiration(), 4096u);  // start of level 2's next slot
  auto [fired, jumps] = run_to_end(wheel);
  EXPECT_EQ(fired, (std::vector<firing>{{id, 4100}}));
  EXPECT_EQ(jumps, 2);  // level 2 -> straight to level 0 at 4096, fire at 4100
}

TEST(TimerWheel, FarDeadlinesOfOneHourAndThirtyDaysFireOnTime) {
  timer_wheel wheel;
  node_id month = insert_at(wheel, 30 * day);  // level 5
  node_id one_hour = insert_at(wheel, hour);   // level 3
  auto [fired, jumps] = run_to_end(wheel);
  EXPECT_EQ(fired, (std::vector<firing>{{one_hour, hour}, {month, 30 * day}}));
  EXPECT_LE(jumps, 12);
}

TEST(TimerWheel, DeadlinesBeyondTheWheelSpanStillFireOnTime) {
  timer_wheel wheel;
  const std::uint64_t far = timer_wheel::max_duration + 12'345;  // more than two years
  node_id id = insert_at(wheel, far);
  std::vector<firing> fired = run_to_end(wheel).fired;
  EXPECT_EQ(fired, (std::vector<firing>{{id, far}}));
}

TEST(TimerWheel, EntriesThatShareASlotExpireInInsertionOrder) {
  timer_wheel wheel;
  node_id a = insert_at(wheel, 10);
  node_id b = insert_at(wheel, 10);
  node_id c = insert_at(wheel, 10);
  EXPECT_EQ(wheel.poll(10), a);
  EXPECT_EQ(wheel.poll(10), b);
  EXPECT_EQ(wheel.poll(10), c);
  EXPECT_FALSE(wheel.poll(10));
}

TEST(TimerWheel, InsertionOrderSurvivesCascading) {
  timer_wheel wheel;
  std::vector<node_id> ids;
  for (int i = 0; i < 5; ++i) ids.push_back(insert_at(wheel, 5000));  // level 2
  std::vector<firing> fired = run_to_end(wheel).fired;
  ASSERT_EQ(fired.size(), 5u);
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(fired[i].id, ids[i]);
    EXPECT_EQ(fired[i].at, 5000u);
  }
}

TEST(TimerWheel, EntriesOfOneHigherSlotFireByDeadlineNotByInsertion) {
  timer_wheel wheel;
  node_id late = insert_at(wheel, 100);  // both in level 1, slot 1
  node_id early = insert_at(wheel, 70);
  std::vector<firing> fired = run_to_end(wheel).fired;
  EXPECT_EQ(fired, (std::vector<firing>{{early, 70}, {late, 100}}));
}

TEST(TimerWheel, RemovedEntryNeverFiresAndTheOthersKeepTheirOrder) {
  timer_wheel wheel;
  node_id a = insert_at(wheel, 10);
  node_id b = insert_at(wheel, 10);
  node_id c = insert_at(wheel, 10);
  node_id far = insert_at(wheel, 9000);
  wheel.remove(b);
  wheel.remove(far);
  wheel.remove(far);  // removing twice is harmless
  EXPECT_FALSE(wheel.queued(b));
  EXPECT_EQ(wheel.size(), 2u);
  std::vector<firing> fired = run_to_end(wheel).fired;
  EXPECT_EQ(fired, (std::vector<firing>{{a, 10}, {c, 10}}));
}

TEST(TimerWheel, RemovingAnEntryAlreadyDueButNotYetReturnedDropsIt) {
  timer_wheel wheel;
  node_id a = insert_at(wheel, 200);
  node_id b = insert_at(wheel, 200);
  node_id c = insert_at(wheel, 200);
  EXPECT_EQ(wheel.poll(200), a);  // b and c are now in the expired list
  wheel.remove(b);
  EXPECT_EQ(wheel.size(), 1u);
  EXPECT_EQ(wheel.poll(200), c);
  EXPECT_FALSE(wheel.poll(200));
  EXPECT_TRUE(wheel.empty());
}

TEST(TimerWheel, RemovingTheLastEntryOfASlotClearsItsExpiration) {
  timer_wheel wheel;
  node_id a = insert_at(wheel, 300);
  node_id b = insert_at(wheel, 20);
  wheel.remove(b);
  EXPECT_EQ(wheel.next_expiration(), 256u);  // only a's level 1 slot is left
  wheel.remove(a);
  EXPECT_FALSE(wheel.next_expiration());
}

TEST(TimerWheel, ReleasedNodesAreReused) {
  timer_wheel wheel;
  node_id a = wheel.allocate();
  wheel.release(a);
  EXPECT_EQ(wheel.allocate(), a);
}

TEST(TimerWheel, ManyRandomDeadlinesFireOnTimeAndInOrder) {
  timer_wheel wheel;
  std::uint64_t state = 42;
  auto next_random = [&state] {  // splitmix64: the same numbers everywhere
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  };
  // (deadline, insertion rank, id): the order in which they must fire.
  std::vector<std::tuple<std::uint64_t, int, node_id>> expected;
  for (int i = 0; i < 2000; ++i) {
    // Spread over every level: pick a level, then a distance within it.
    unsigned bits = 1 + static_cast<unsigned>(next_random() % 35);
    std::uint64_t when = 1 + next_random() % (std::uint64_t{1} << bits);
    expected.push_back({when, i, insert_at(wheel, when)});
  }
  std::sort(expected.begin(), expected.end());
  std::vector<firing> fired = run_to_end(wheel).fired;
  ASSERT_EQ(fired.size(), expected.size());
  for (std::size_t i = 0; i < fired.size(); ++i) {
    ASSERT_EQ(fired[i].id, std::get<2>(expected[i])) << "entry " << i;
    ASSERT_EQ(fired[i].at, std::get<0>(expected[i])) << "entry " << i;
  }
}

TEST(TimerWheel, EachNodeKeepsItsPayloadThroughCascadesAndAReusedNodeStartsAfresh) {
  wakeline::detail::timer_wheel<std::uint64_t> wheel;
  std::vector<std::pair<node_id, std::uint64_t>> armed;
  for (std::uint64_t when : {3u, 70u, 5'000u, 300'000u}) {
    node_id id = wheel.allocate();
    wheel.payload(id) = when * 10;
    ASSERT_TRUE(wheel.insert(id, when));
    armed.emplace_back(id, when);
  }
  // Every deadline but the first cascades down at least one level before it fires.
  while (auto next = wheel.next_expiration()) {
    while (auto id = wheel.poll(*next)) {
      auto it = std::find_if(armed.begin(), armed.end(), [&](auto& a) { return a.first == *id; });
      ASSERT_NE(it, armed.end());
      EXPECT_EQ(wheel.payload(*id), it->second * 10);
      wheel.release(*id);
    }
  }
  EXPECT_EQ(wheel.payload(wheel.allocate()), 0u);  // A node given back comes back cleared.
}

}  // namespace
