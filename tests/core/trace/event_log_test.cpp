// The chunked event storage: indexes, iterators and moves agree across the first chunk's growth
// and the boundaries between full chunks, and an appended event never moves.
#include "trace/event_log.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <utility>

namespace {

using namespace wakeline;

// Three full chunks and part of a fourth: every kind of growth happens on the way.
constexpr std::size_t many = 3 * event_log::chunk_events + 123;

void fill(event_log& log, std::size_t count) {
  for (std::size_t i = 0; i < count; ++i) {
    log.push_back(trace_event{.t = i * 10, .task = static_cast<std::uint32_t>(i)}, i + 1);
  }
}

TEST(EventLog, EveryEventReadsBackByIndexAcrossChunkBoundaries) {
  event_log log;
  fill(log, many);
  ASSERT_EQ(log.size(), many);
  for (std::size_t i : {std::size_t{0}, std::size_t{255}, std::size_t{256},
                        event_log::chunk_events - 1, event_log::chunk_events,
                        2 * event_log::chunk_events + 1, many - 1}) {
    EXPECT_EQ(log[i].seq, i + 1) << "event " << i;
    EXPECT_EQ(log[i].t, i * 10) << "event " << i;
  }
  EXPECT_EQ(log.front().seq, 1u);
  EXPECT_EQ(log.back().seq, many);
  EXPECT_THROW((void)log.at(many), std::out_of_range);
}

TEST(EventLog, IteratorsVisitEveryEventInOrderAndWorkWithAlgorithms) {
  event_log log;
  fill(log, many);
  std::uint64_t expected = 1;
  for (const trace_event& e : log) ASSERT_EQ(e.seq, expected++);
  EXPECT_EQ(expected, many + 1);
  EXPECT_EQ(log.end() - log.begin(), static_cast<std::ptrdiff_t>(many));
  auto found = std::find_if(log.begin(), log.end(), [](const trace_event& e) {
    return e.task == event_log::chunk_events + 7;
  });
  ASSERT_NE(found, log.end());
  EXPECT_EQ(found->seq, event_log::chunk_events + 8);
  EXPECT_EQ(std::count_if(log.begin(), log.end(), [](const trace_event& e) { return e.t % 20 == 0; }),
            static_cast<std::ptrdiff_t>((many + 1) / 2));
}

TEST(EventLog, AnEventInAFullChunkKeepsItsAddressAsTheLogGrows) {
  event_log log;
  fill(log, event_log::chunk_events + 1);  // The first chunk is full: it no longer grows.
  const trace_event* first = &log[0];
  fill(log, 2 * event_log::chunk_events);
  EXPECT_EQ(first, &log[0]);
  EXPECT_EQ(first->seq, 1u);
}

TEST(EventLog, AMovedLogKeepsItsEventsAndTheEmptiedOneStartsAgain) {
  event_log from;
  fill(from, event_log::chunk_events + 5);
  event_log to(std::move(from));
  EXPECT_EQ(to.size(), event_log::chunk_events + 5);
  EXPECT_EQ(to.back().seq, event_log::chunk_events + 5);
  EXPECT_TRUE(from.empty());  // NOLINT(bugprone-use-after-move): a moved-from log is empty.
  fill(from, 3);
  EXPECT_EQ(from.size(), 3u);
  to = std::move(from);
  EXPECT_EQ(to.size(), 3u);
  EXPECT_EQ(to.back().seq, 3u);
}

}  // namespace
