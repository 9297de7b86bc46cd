// The recorder's sink: streaming a trace while the run goes on gives the same lines as writing
// the finished trace.
#include "trace/recorder.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <sstream>
#include <string>
#include <vector>

#include "trace/ndjson_writer.hpp"
#include "wakeline.hpp"

namespace {

using namespace wakeline;
using namespace std::chrono_literals;

// Collects the seq of every event the sink receives.
void collect_seq(void* context, const trace_recorder&, const trace_event& e) {
  static_cast<std::vector<std::uint64_t>*>(context)->push_back(e.seq);
}

// Appends every event as an NDJSON line, as a streaming consumer would.
void append_line(void* context, const trace_recorder& trace, const trace_event& e) {
  *static_cast<std::string*>(context) += ndjson_event(trace, e) + '\n';
}

TEST(TraceRecorderSink, ReceivesEachEventWithItsSeqInOrder) {
  trace_recorder trace;
  std::vector<std::uint64_t> seen;
  trace.record({.kind = event_kind::runtime_start});
  trace.set_sink(collect_seq, &seen);
  trace.record({.kind = event_kind::park});
  trace.record({.kind = event_kind::unpark});
  EXPECT_EQ(seen, (std::vector<std::uint64_t>{2, 3}));
}

TEST(TraceRecorderSink, StopsWhenCleared) {
  trace_recorder trace;
  std::vector<std::uint64_t> seen;
  trace.set_sink(collect_seq, &seen);
  trace.record({.kind = event_kind::park});
  trace.set_sink(nullptr);
  trace.record({.kind = event_kind::unpark});
  EXPECT_EQ(seen, (std::vector<std::uint64_t>{1}));
  EXPECT_EQ(trace.event_count(), 2u);
}

TEST(TraceRecorderSink, IsNotCalledWhenRecordingIsDisabled) {
  trace_recorder trace(false);
  std::vector<std::uint64_t> seen;
  trace.set_sink(collect_seq, &seen);
  trace.record({.kind = event_kind::park});
  EXPECT_TRUE(seen.empty());
}

async<void> sleeper(std::chrono::milliseconds delay) { co_await sleep(delay); }

// Spawned tasks with names, timers and a yield: the side-table data (task names) an event
// refers to must already be in place when the sink sees the event.
async<void> streamed_program() {
  auto a = spawn(sleeper(3ms), "a");
  auto b = spawn(sleeper(1ms), "b");
  co_await a;
  co_await b;
  co_await yield_now();
}

TEST(TraceRecorderSink, StreamedLinesEqualTheWrittenTrace) {
  runtime rt;
  std::string streamed;
  rt.trace().set_sink(append_line, &streamed);
  rt.block_on(streamed_program());
  std::ostringstream written;
  write_ndjson(written, trace_header{}, rt.trace());
  EXPECT_EQ(ndjson_header(trace_header{}) + '\n' + streamed, written.str());
  EXPECT_GT(rt.trace().event_count(), 10u);
}

}  // namespace
