// Reading an NDJSON trace back: what the writer writes reads back to the same events, and
// anything else is refused with the line and the problem, never a crash or a half trace.
#include "trace/ndjson_reader.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "trace/ndjson_writer.hpp"

namespace {

using namespace wakeline;

const std::string header =
    R"({"schema":"wakeline-trace","version":1,"example":"basic","strategy":"local",)"
    R"("strategy_params":{},"params":{},"seed":0,"clock":"virtual","unit":"ns","budget":10})";

std::string error_of(const std::string& text) {
  try {
    read_ndjson(text);
  } catch (const trace_read_error& e) {
    return e.what();
  }
  return "no error";
}

TEST(NdjsonReader, ReadsEveryFieldBackIntoItsSlot) {
  const std::string lines =
      header + "\n" +
      R"({"seq":1,"t":0,"kind":"task_spawn","task":1,"name":"main","file":"basic.cpp","line":7})"
      "\n"
      R"({"seq":2,"t":5,"kind":"task_enqueue","task":1,"queue":"lifo","worker":3,"reason":"wake","depth":2,"cause":1})"
      "\n"
      R"({"seq":3,"t":9,"kind":"deadlock","stuck":[{"task":1,"file":"basic.cpp","line":8,"wakers":0}]})"
      "\n";
  read_trace read = read_ndjson(lines);
  ASSERT_EQ(read.events.event_count(), 3u);
  const trace_event spawn = read.events.events()[0];
  EXPECT_EQ(read.events.text(spawn.text), "main");
  EXPECT_STREQ(spawn.file, "basic.cpp");
  EXPECT_EQ(spawn.line, 7u);
  const trace_event enqueue = read.events.events()[1];
  EXPECT_EQ(enqueue.ref, static_cast<std::uint32_t>(queue_kind::lifo));
  EXPECT_EQ(enqueue.worker, 3);
  EXPECT_EQ(enqueue.detail, static_cast<std::uint8_t>(enqueue_reason::wake));
  EXPECT_EQ(enqueue.cause, 1u);
  EXPECT_EQ(read.events.deadlock(read.events.events()[2].arg).at(0).line, 8u);
  EXPECT_EQ(read.header["example"], "basic");
  std::ostringstream again;
  trace_header h;
  write_ndjson(again, h, read.events);
  EXPECT_EQ(again.str().substr(again.str().find('\n') + 1), lines.substr(lines.find('\n') + 1));
}

TEST(NdjsonReader, RefusesWhatTheWriterNeverWrites) {
  EXPECT_EQ(error_of(""), "the trace is empty: it has no header line");
  EXPECT_EQ(error_of("{\"schema\":\"other\"}"),
            "line 1 is not a wakeline-trace header of version 1");
  EXPECT_EQ(error_of(header + "\nnot json"), "line 2 is not JSON");
  EXPECT_EQ(error_of(header + "\n[1]"), "line 2 is not a JSON object");
  EXPECT_EQ(error_of(header + "\n{\"seq\":1,\"t\":0,\"kind\":\"nap\"}"),
            "line 2 has no known event kind");
  EXPECT_EQ(error_of(header + "\n{\"seq\":2,\"t\":0,\"kind\":\"unpark\",\"worker\":0}"),
            "line 2 does not follow the seq before");
  EXPECT_EQ(error_of(header + "\n{\"seq\":1,\"t\":-1,\"kind\":\"unpark\",\"worker\":0}"),
            "line 2 has no \"t\" that is a whole number >= 0");
  EXPECT_EQ(error_of(header + "\n{\"seq\":1,\"t\":0,\"kind\":\"unpark\"}"),
            "line 2 unpark has no \"worker\"");
  EXPECT_EQ(error_of(header + "\n{\"seq\":1,\"t\":0,\"kind\":\"unpark\",\"worker\":70000}"),
            "line 2 has a value too large for its field");
  EXPECT_EQ(error_of(header + "\n{\"seq\":1,\"t\":0,\"kind\":\"poll_end\",\"task\":1,\"worker\":0,"
                              "\"result\":\"maybe\"}"),
            "line 2 has an unknown \"result\"");
  EXPECT_EQ(error_of(header + "\n{\"seq\":1,\"t\":0,\"kind\":\"deadlock\",\"stuck\":{}}"),
            "line 2 has a \"stuck\" that is not a list");
  EXPECT_EQ(
      error_of(header + "\n{\"seq\":1,\"t\":0,\"kind\":\"task_spawn\",\"task\":1,\"name\":5}"),
      "line 2 has a \"name\" that is not text");
}

TEST(NdjsonReader, SurvivesDeepNesting) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  EXPECT_EQ(error_of(header + "\n" + deep), "line 2 is not a JSON object");
}

}  // namespace
