// The C functions behind wasm/api/wakeline.mjs. Requests and answers cross the boundary as JSON
// text; the trace crosses as fixed-size binary records that JS reads straight out of the module's
// memory (or, on request, as the NDJSON lines the CLI writes). A run is started, then resumed in
// slices, so the JS side gets control back between slices to stream batches and take a cancel.
// wasm/README.md says why this shape rather than embind.
#include <emscripten/emscripten.h>
#include <malloc.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "buffers.hpp"
#include "registry.hpp"
#include "request_json.hpp"
#include "runner.hpp"
#include "trace/detail/json_line.hpp"
#include "trace/schema_json.hpp"
#include "wakeline.hpp"

#ifndef WAKELINE_VERSION
#error "WAKELINE_VERSION must be defined by the build"
#endif

namespace {

using namespace wakeline;
using namespace wakeline::examples;
using json = nlohmann::ordered_json;

json param_json(const param_spec& p) {
  json j;
  j["name"] = p.name;
  if (p.type == param_type::boolean) {
    j["type"] = "boolean";
    j["default"] = p.default_value != 0;
  } else {
    j["type"] = "integer";
    j["default"] = p.default_value;
    j["min"] = p.min;
    j["max"] = p.max;
  }
  j["description"] = p.description;
  return j;
}

std::string examples_json() {
  json list = json::array();
  for (const example* e : all_examples()) {
    if (!e->listed) continue;
    json j;
    j["id"] = e->id;
    j["title"] = e->title;
    j["topic"] = e->topic;
    j["explanation"] = e->explanation;
    j["params"] = json::array();
    for (const param_spec& p : e->params) j["params"].push_back(param_json(p));
    j["strategies"] = e->strategies;
    j["source_file"] = source_file_name(e->source_file.c_str());
    j["source"] = std::string(example_source(*e));
    // Its program in the language, to edit: the text comes from the language's module.
    if (const std::string program = example_program(*e); !program.empty()) j["program"] = program;
    list.push_back(std::move(j));
  }
  return list.dump();
}

/// One event as JS reads it (wasm/api/wire.mjs): the recorded event with its pointers and string
/// table indexes replaced by ids into the strings sent alongside. Little-endian, 56 bytes.
struct wire_event {
  std::uint64_t seq;
  std::uint64_t t;
  std::uint64_t cause;
  std::uint64_t arg;
  std::uint32_t task;
  std::uint32_t ref;
  std::uint32_t line;
  std::uint32_t text;  ///< String id: task name, failure message, or a deadlock's stuck tasks.
  std::uint32_t file;  ///< String id of the source file name.
  std::uint16_t worker;
  std::uint8_t kind;
  std::uint8_t detail;
};
// wire.mjs reads these offsets.
static_assert(sizeof(wire_event) == 56);
static_assert(offsetof(wire_event, task) == 32 && offsetof(wire_event, text) == 44 &&
              offsetof(wire_event, file) == 48 && offsetof(wire_event, worker) == 52 &&
              offsetof(wire_event, kind) == 54 && offsetof(wire_event, detail) == 55);

/// Turns recorded events into wire records. Each distinct string is sent once per run, the first
/// time an event refers to it, and referred to by id after.
class wire_packer {
 public:
  /// Packs `count` events from index `first` into `records()`; the strings they introduce go to
  /// `fresh_strings()`.
  void pack(const trace_recorder& trace, std::size_t first, std::size_t count) {
    records_.resize(count);
    fresh_.clear();
    for (std::size_t i = 0; i < count; ++i) {
      const trace_event& e = trace.events()[first + i];
      std::uint32_t text = 0;
      if (e.kind == event_kind::deadlock) {
        text = add(ndjson_stuck_tasks(trace, e.arg));
      } else if (e.text != 0) {
        if (e.text >= text_ids_.size()) text_ids_.resize(e.text + 1, 0);
        std::uint32_t& id = text_ids_[e.text];
        if (id == 0) id = add(trace.text(e.text));
        text = id;
      }
      std::uint32_t file = 0;
      if (e.file != nullptr) {
        // Most events with a location share the previous one's file.
        if (e.file != last_file_) {
          auto [it, fresh] = files_.try_emplace(e.file, 0);
          if (fresh) it->second = add(source_file_name(e.file));
          last_file_ = e.file;
          last_file_id_ = it->second;
        }
        file = last_file_id_;
      }
      records_[i] = wire_event{e.seq,
                               e.t,
                               e.cause,
                               e.arg,
                               e.task,
                               e.ref,
                               e.line,
                               text,
                               file,
                               e.worker,
                               static_cast<std::uint8_t>(e.kind),
                               e.detail};
    }
    // Escaped like the NDJSON writer escapes them (bytes that are not UTF-8 become U+FFFD), so
    // the objects and the NDJSON of a run hold the same text.
    fresh_text_.clear();
    for (const std::string& text : fresh_) {
      fresh_text_ += fresh_text_.empty() ? '[' : ',';
      detail::append_json_string(fresh_text_, text);
    }
    if (!fresh_text_.empty()) fresh_text_ += ']';
  }

  const wire_event* records() const { return records_.data(); }
  /// A JSON array of the strings new in the last `pack`, ids counting on from the previous
  /// ones; empty text when there are none.
  const std::string& fresh_strings() const { return fresh_text_; }

 private:
  std::uint32_t add(std::string text) {
    fresh_.push_back(std::move(text));
    return ++last_id_;
  }

  std::vector<wire_event> records_;
  std::unordered_map<const char*, std::uint32_t> files_;
  const char* last_file_ = nullptr;
  std::uint32_t last_file_id_ = 0;
  std::vector<std::uint32_t> text_ids_;  ///< By trace string index; 0 until sent.
  std::uint32_t last_id_ = 0;            // Id 0 means "no string".
  std::vector<std::string> fresh_;
  std::string fresh_text_;
};

/// The run in progress: at most one per module instance.
struct session {
  run_result run;
  std::uint64_t sent = 0;  ///< Events handed to JS so far.
  bool ended = false;
  wire_packer packer;
  std::string ndjson;
};

std::unique_ptr<session>& current_session() {
  static std::unique_ptr<session> s;
  return s;
}

// The summary of an ended run as JSON text. Written with the trace's line writer: a run of
// 10,000 tasks has 10,000 entries, and a JSON document per entry took most of `finish`.
std::string summary_text(const runtime& rt, run_outcome outcome, const std::string& message) {
  struct task_totals {
    std::uint32_t name = 0;  // Trace string index.
    std::uint64_t polls = 0;
    std::uint64_t wakes = 0;
    bool spawned = false;
  };
  // Task ids count up from 1, so a vector indexed by id holds them in order.
  std::vector<task_totals> tasks;
  auto totals = [&tasks](std::uint32_t task) -> task_totals& {
    if (task >= tasks.size()) tasks.resize(task + 1);
    return tasks[task];
  };
  const trace_recorder& trace = rt.trace();
  std::uint64_t duration = 0;
  for (const trace_event& e : trace.events()) {
    duration = std::max(duration, e.t);
    switch (e.kind) {
      case event_kind::task_spawn:
        totals(e.task).name = e.text;
        totals(e.task).spawned = true;
        break;
      case event_kind::poll_begin:
        ++totals(e.task).polls;
        break;
      case event_kind::waker_wake:
      case event_kind::waker_wake_by_ref:
        ++totals(e.task).wakes;
        break;
      default:
        break;
    }
  }
  std::string list = "[";
  for (std::uint32_t id = 0; id < tasks.size(); ++id) {
    const task_totals& t = tasks[id];
    if (!t.spawned) continue;
    if (list.size() > 1) list += ',';
    detail::json_line entry(list);
    entry.number("task", id);
    entry.text("name", t.name != 0 ? std::string_view(trace.text(t.name)) : std::string_view());
    entry.number("polls", t.polls);
    entry.number("wakes", t.wakes);
    entry.close();
  }
  list += ']';
  std::string text;
  detail::json_line j(text);
  j.name("outcome", to_string(outcome));
  // A failure message may hold anything; the writer replaces what is not UTF-8.
  if (!message.empty()) j.text("message", message);
  j.number("events", trace.event_count());
  j.number("duration_ns", duration);
  j.raw("tasks", list);
  j.close();
  return text;
}

// Every strategy with its settings, described as parameters are.
std::string strategies_json() {
  json list = json::array();
  for (int k = 0; k <= static_cast<int>(last_strategy_kind); ++k) {
    auto kind = static_cast<strategy_kind>(k);
    json j;
    j["name"] = to_string(kind);
    j["settings"] = json::array();
    for (const strategy_setting& s : settings_of(kind))
      j["settings"].push_back(param_json(as_param(s)));
    list.push_back(std::move(j));
  }
  return list.dump();
}

}  // namespace

namespace wakeline::wasm {

std::string& answer() {
  static std::string text;
  return text;
}

std::string& input() {
  static std::string text;
  return text;
}

}  // namespace wakeline::wasm

using wakeline::wasm::answer;
using wakeline::wasm::input;

extern "C" {

/// Every listed example as a JSON array (id, title, topic, explanation, params, strategies,
/// source). The pointer stays valid for the life of the module.
EMSCRIPTEN_KEEPALIVE const char* wakeline_examples() {
  static const std::string text = examples_json();
  return text.c_str();
}

/// Every strategy as a JSON array of {name, settings}; settings are shaped like an example's
/// params. The pointer stays valid for the life of the module.
EMSCRIPTEN_KEEPALIVE const char* wakeline_strategies() {
  static const std::string text = strategies_json();
  return text.c_str();
}

/// {"wakeline": version, "schema": name, "schema_version": n}.
EMSCRIPTEN_KEEPALIVE const char* wakeline_version() {
  static const std::string text = json{
      {"wakeline", WAKELINE_VERSION},
      {"schema", trace_schema},
      {"schema_version",
       trace_schema_version}}.dump();
  return text.c_str();
}

/// What a run request leaves out gets the runtime's own defaults (core/runtime.hpp):
/// {"budget": events, "memory_limit": bytes}.
EMSCRIPTEN_KEEPALIVE const char* wakeline_defaults() {
  static const std::string text = [] {
    const runtime_options defaults;
    return json{{"budget", defaults.event_budget}, {"memory_limit", defaults.memory_limit}}.dump();
  }();
  return text.c_str();
}

/// The event schema (core/trace/schema.hpp) as JSON: every kind with its fields, the names of
/// each enum a field may name, and which queues belong to one worker. wire.mjs builds its
/// record decoders from it, so that the module and the decoders can never disagree.
EMSCRIPTEN_KEEPALIVE const char* wakeline_schema() {
  static const std::string text = event_schema_json().dump();
  return text.c_str();
}

/// Checks a run request (JSON: example, strategy, params, seed, budget). Returns
/// {"header": "<NDJSON header line>"} or {"error": {"code", "message"}}.
EMSCRIPTEN_KEEPALIVE const char* wakeline_check(const char* request) {
  try {
    answer() = json{{"header", ndjson_header(check_json_request(request).header)}}.dump();
  } catch (const api_error& error) {
    answer() = error_json(error);
  }
  return answer().c_str();
}

/// Checks a request and starts it, replacing any run in progress; nothing runs until
/// `wakeline_resume`. Returns {"header": ...} or {"error": ...} like `wakeline_check`.
EMSCRIPTEN_KEEPALIVE const char* wakeline_start(const char* request) {
  current_session().reset();
  try {
    checked_run checked = check_json_request(request);
    auto s = std::make_unique<session>();
    s->run = start(checked);
    answer() = json{{"header", ndjson_header(checked.header)}}.dump();
    current_session() = std::move(s);
  } catch (const api_error& error) {
    answer() = error_json(error);
  }
  return answer().c_str();
}

/// Runs at most `max_steps` steps of the run in progress. Returns 1 once it has ended, else 0.
EMSCRIPTEN_KEEPALIVE int wakeline_resume(double max_steps) {
  session& s = *current_session();
  if (!s.ended) s.ended = resume(s.run, static_cast<std::uint64_t>(max_steps));
  return s.ended ? 1 : 0;
}

/// Asks the run in progress to stop at its next step, with outcome `cancelled`.
EMSCRIPTEN_KEEPALIVE void wakeline_cancel() {
  if (current_session()) current_session()->run.rt->request_cancel();
}

/// Events recorded and not yet pulled.
EMSCRIPTEN_KEEPALIVE double wakeline_unsent() {
  const session& s = *current_session();
  return static_cast<double>(s.run.rt->trace().event_count() - s.sent);
}

/// Packs up to `max_events` unsent events as wire records. Returns how many; the records are at
/// `wakeline_wire_records()` and their new strings at `wakeline_wire_strings()` until the next
/// pull.
EMSCRIPTEN_KEEPALIVE int wakeline_pull(int max_events) {
  session& s = *current_session();
  const auto& events = s.run.rt->trace().events();
  std::size_t count =
      std::min<std::size_t>(static_cast<std::size_t>(max_events), events.size() - s.sent);
  s.packer.pack(s.run.rt->trace(), s.sent, count);
  s.sent += count;
  return static_cast<int>(count);
}

EMSCRIPTEN_KEEPALIVE const wire_event* wakeline_wire_records() {
  return current_session()->packer.records();
}

EMSCRIPTEN_KEEPALIVE const char* wakeline_wire_strings() {
  return current_session()->packer.fresh_strings().c_str();
}

/// Formats up to `max_events` unsent events as NDJSON lines, each ending in '\n', exactly as
/// the CLI writes them. The text (`wakeline_ndjson_size()` bytes) stays valid until the next
/// pull.
EMSCRIPTEN_KEEPALIVE const char* wakeline_pull_ndjson(int max_events) {
  session& s = *current_session();
  const trace_recorder& trace = s.run.rt->trace();
  const auto& events = trace.events();
  std::size_t end =
      std::min<std::size_t>(s.sent + static_cast<std::size_t>(max_events), events.size());
  s.ndjson.clear();
  for (; s.sent < end; ++s.sent) {
    append_ndjson_event(s.ndjson, trace, events[s.sent]);
    s.ndjson += '\n';
  }
  return s.ndjson.c_str();
}

EMSCRIPTEN_KEEPALIVE double wakeline_ndjson_size() {
  return static_cast<double>(current_session()->ndjson.size());
}

/// Room for `bytes` bytes of text that JS writes into the module's memory before a call that
/// reads it (`wakeline_chrome_trace`, `wakeline_check_program`): a whole trace is too large for
/// cwrap's stack copy.
EMSCRIPTEN_KEEPALIVE char* wakeline_input(double bytes) {
  input() = std::string(static_cast<std::size_t>(bytes), '\0');
  return input().data();
}

/// The text of the last answer (`wakeline_chrome_trace`'s JSON or problem).
EMSCRIPTEN_KEEPALIVE const char* wakeline_answer() { return answer().c_str(); }

/// Frees the text of the last answer once the caller has copied it, so that what the heap holds
/// between runs is the module's own, whatever the size of the last summary (a run of thousands
/// of tasks has a summary of a hundred KB).
EMSCRIPTEN_KEEPALIVE void wakeline_release_answer() { answer() = std::string(); }

/// Bytes of the module's heap in use (dlmalloc's mallinfo().uordblks), for finding leaks: between
/// runs it should come back to the same figure, whatever the runs before did.
EMSCRIPTEN_KEEPALIVE double wakeline_memory_in_use() {
  return static_cast<double>(mallinfo().uordblks);
}

/// Ends the session of an ended run and returns its summary (outcome, message, events,
/// duration_ns, tasks with polls and wakes).
EMSCRIPTEN_KEEPALIVE const char* wakeline_finish() {
  std::unique_ptr<session> s = std::move(current_session());
  answer() = summary_text(*s->run.rt, s->run.outcome, s->run.message);
  return answer().c_str();
}

}  // extern "C"
