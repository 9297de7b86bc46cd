// The chunked event storage: indexes, iterators and moves agree across the growing first chunks
// and the boundaries between full chunks, and every field of an event, packed to 40 bytes,
// reads back as it was appended.
#include "trace/event_log.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <utility>

namespace {

using namespace wakeline;

// The eight growing chunks (65,280 events), two full chunks and part of a third.
constexpr std::size_t many = 4 * event_log::chunk_events + 123;

void fill(event_log& log, std::size_t count) {
  for (std::size_t i = 0; i < count; ++i) {
    log.push_back(trace_event{.t = i * 10, .task = static_cast<std::uint32_t>(i)});
  }
}

TEST(EventLog, EveryEventReadsBackByIndexAcrossChunkBoundaries) {
  event_log log;
  fill(log, many);
  ASSERT_EQ(log.size(), many);
  for (std::size_t i = 0; i < many; ++i) {
    const trace_event e = log[i];
    ASSERT_EQ(e.seq, i + 1) << "event " << i;
    ASSERT_EQ(e.t, i * 10) << "event " << i;
    ASSERT_EQ(e.task, static_cast<std::uint32_t>(i)) << "event " << i;
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
  EXPECT_EQ(
      std::count_if(log.begin(), log.end(), [](const trace_event& e) { return e.t % 20 == 0; }),
      static_cast<std::ptrdiff_t>((many + 1) / 2));
}

TEST(EventLog, EveryFieldReadsBackAsAppended) {
  event_log log;
  const trace_event in{.t = 0xFFFF'FFFF'FFFF'FFF0,
                       .cause = 0,
                       .arg = 0x8000'0000'0000'0001,
                       .file = "a.cpp",
                       .line = 0xFFFF'FFFF,
                       .task = 7,
                       .ref = 0xFFFF'FFFE,
                       .text = 3,
                       .worker = 0xFFFF,
                       .kind = event_kind::spawn_failed,
                       .detail = 0xFF};
  log.push_back(in);
  const trace_event out = log[0];
  EXPECT_EQ(out.seq, 1u);
  EXPECT_EQ(out.t, in.t);
  EXPECT_EQ(out.cause, 0u);
  EXPECT_EQ(out.arg, in.arg);
  EXPECT_EQ(out.file, in.file);  // The same pointer, not a copy of the text.
  EXPECT_EQ(out.line, in.line);
  EXPECT_EQ(out.task, in.task);
  EXPECT_EQ(out.ref, in.ref);
  EXPECT_EQ(out.text, in.text);
  EXPECT_EQ(out.worker, in.worker);
  EXPECT_EQ(out.kind, in.kind);
  EXPECT_EQ(out.detail, in.detail);
}

TEST(EventLog, CausesNearAndFarReadBackAsAppended) {
  event_log log;
  fill(log, event_log::chunk_events + 10);
  const std::uint64_t next = log.size() + 1;
  const std::uint64_t causes[] = {0, 1, next - 1, next / 2, next, next + 5, std::uint64_t{1} << 40};
  for (std::uint64_t cause : causes) log.push_back(trace_event{.cause = cause});
  for (std::size_t i = 0; i < std::size(causes); ++i) {
    EXPECT_EQ(log[next - 1 + i].cause, causes[i]) << "cause " << causes[i];
  }
  EXPECT_EQ(log[0].cause, 0u);  // Events appended with none still read as none.
}

TEST(EventLog, SitesAreSharedByEventsAndTellLinesAndFilesApart) {
  event_log log;
  static const char* const files[] = {"one.cpp", "two.cpp", "three.cpp"};
  // More distinct sites than the table starts with, so that it grows on the way.
  for (int round = 0; round < 2; ++round) {
    for (std::uint32_t line = 1; line <= 200; ++line) {
      for (const char* file : files) log.push_back(trace_event{.file = file, .line = line});
    }
  }
  log.push_back(trace_event{.line = 9});  // No file: no site, whatever the line.
  for (std::size_t i = 0; i + 1 < log.size(); ++i) {
    ASSERT_EQ(log[i].file, files[i % 3]) << "event " << i;
    ASSERT_EQ(log[i].line, (i / 3) % 200 + 1) << "event " << i;
  }
  EXPECT_EQ(log.back().file, nullptr);
  EXPECT_EQ(log.back().line, 0u);
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
