// The event schema (core/trace/schema.cpp): one row per kind, names that agree with the enums,
// and NDJSON lines that carry exactly the fields the table lists, in its order, present when its
// presence rules say.
#include "trace/schema.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "trace/schema_json.hpp"
#include "wakeline.hpp"

namespace {

using namespace wakeline;
using json = nlohmann::ordered_json;

TEST(EventSchema, HasOneRowPerKindInOrderNamedAsTheKind) {
  std::set<std::string_view> names;
  ASSERT_EQ(event_schema().size(), static_cast<std::size_t>(last_event_kind) + 1);
  for (std::size_t i = 0; i < event_schema().size(); ++i) {
    const kind_schema& row = event_schema()[i];
    EXPECT_EQ(static_cast<std::size_t>(row.kind), i);
    EXPECT_EQ(row.name, to_string(row.kind));
    EXPECT_TRUE(names.insert(row.name).second) << row.name;
  }
}

TEST(EventSchema, NamedFieldsHaveNamesAndConditionalFieldsLookElsewhere) {
  for (const kind_schema& row : event_schema()) {
    std::set<std::string_view> fields;
    for (const field_spec& f : row.fields()) {
      EXPECT_TRUE(fields.insert(f.name).second) << row.name << "." << f.name;
      EXPECT_EQ(f.format == field_format::name, f.names != name_list::none)
          << row.name << "." << f.name;
      if (f.presence == field_presence::when_nonzero ||
          f.presence == field_presence::when_worker_queue) {
        EXPECT_NE(f.condition, f.slot) << row.name << "." << f.name;
      }
    }
  }
}

TEST(EventSchema, NameListsAgreeWithTheEnumsToString) {
  for (int i = 0; i <= static_cast<int>(last_queue_kind); ++i) {
    EXPECT_EQ(names_of(name_list::queue)[i], to_string(static_cast<queue_kind>(i)));
  }
  for (int i = 0; i <= static_cast<int>(last_enqueue_reason); ++i) {
    EXPECT_EQ(names_of(name_list::enqueue_reason)[i], to_string(static_cast<enqueue_reason>(i)));
  }
  for (int i = 0; i <= static_cast<int>(last_run_outcome); ++i) {
    EXPECT_EQ(names_of(name_list::run_outcome)[i], to_string(static_cast<run_outcome>(i)));
  }
  EXPECT_EQ(names_of(name_list::clock)[0], to_string(clock_kind::virtual_time));
  EXPECT_EQ(names_of(name_list::clock)[1], to_string(clock_kind::real_time));
  EXPECT_EQ(names_of(name_list::wake_effect).back(), "ended");
  EXPECT_EQ(names_of(name_list::io_op).size(), 4u);
  EXPECT_STREQ(to_string(static_cast<queue_kind>(200)), "unknown");
}

// The keys of `e`'s NDJSON line.
std::vector<std::string> keys_of(const trace_recorder& trace, const trace_event& e) {
  const json line = json::parse(ndjson_event(trace, e));
  std::vector<std::string> keys;
  for (const auto& [key, value] : line.items()) keys.push_back(key);
  return keys;
}

TEST(EventSchema, LinesCarryEveryFieldInTableOrderWhenEverySlotIsSet) {
  trace_recorder trace;
  const std::uint32_t text = trace.intern("a name");
  const std::uint64_t deadlock = trace.add_deadlock({});
  for (const kind_schema& row : event_schema()) {
    trace_event e{.seq = 5,
                  .t = 7,
                  .cause = 3,
                  .arg = 1,
                  .file = "dir/file.cpp",
                  .line = 9,
                  .task = 2,
                  .ref = 3,
                  .text = text,
                  .worker = 1,
                  .kind = row.kind,
                  .detail = 1};
    if (row.kind == event_kind::deadlock) e.arg = deadlock;
    // A worker's own queue, so that fields about one worker's queue appear.
    if (row.kind == event_kind::task_enqueue) e.ref = static_cast<std::uint32_t>(queue_kind::local);
    if (row.kind == event_kind::steal) e.detail = static_cast<std::uint8_t>(queue_kind::local);
    std::vector<std::string> expected{"seq", "t", "kind"};
    for (const field_spec& f : row.fields()) expected.emplace_back(f.name);
    expected.emplace_back("cause");
    EXPECT_EQ(keys_of(trace, e), expected) << row.name;
  }
}

TEST(EventSchema, LinesLeaveOutWhatIsAbsentWhenEverySlotIsZero) {
  trace_recorder trace;
  const std::uint64_t deadlock = trace.add_deadlock({});
  for (const kind_schema& row : event_schema()) {
    trace_event e{.seq = 1, .kind = row.kind};
    if (row.kind == event_kind::deadlock) e.arg = deadlock;
    std::vector<std::string> expected{"seq", "t", "kind"};
    for (const field_spec& f : row.fields()) {
      // Queue 0 is the run queue, which belongs to no worker.
      if (f.presence == field_presence::always) expected.emplace_back(f.name);
    }
    EXPECT_EQ(keys_of(trace, e), expected) << row.name;
  }
}

TEST(EventSchema, ExportsAsJsonForTheWasmModule) {
  const json schema = event_schema_json();
  ASSERT_EQ(schema["kinds"].size(), event_schema().size());
  const json& enqueue = schema["kinds"][static_cast<int>(event_kind::task_enqueue)];
  EXPECT_EQ(enqueue["name"], "task_enqueue");
  EXPECT_EQ(
      enqueue["fields"][1],
      json::parse(
          R"({"name":"queue","slot":"ref","format":"name","names":"queue_kind","presence":"always"})"));
  EXPECT_EQ(
      enqueue["fields"][2],
      json::parse(
          R"({"name":"worker","slot":"worker","format":"number","presence":"when_worker_queue","condition":"ref"})"));
  EXPECT_EQ(schema["names"]["wake_source"], json::parse(R"(["outside","task","timer","io"])"));
  EXPECT_EQ(schema["worker_queues"], json::parse(R"(["local","lifo"])"));
}

}  // namespace
