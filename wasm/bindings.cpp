// The C functions behind wasm/api/wakeline.mjs. Requests and answers cross the boundary as JSON
// text and the trace as NDJSON chunks, so the JS side needs only `cwrap` and one callback: no
// embind runtime, one copy per chunk, and the bytes are those the native CLI writes.
#include <emscripten/emscripten.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "registry.hpp"
#include "runner.hpp"
#include "wakeline.hpp"

#ifndef WAKELINE_VERSION
#error "WAKELINE_VERSION must be defined by the build"
#endif

// Hands one chunk of trace text to JS: kind 0 is the header line, kind 1 whole NDJSON event
// lines. A true answer asks the run to stop (cancel).
EM_JS(int, wakeline_js_chunk, (int kind, const char* data, std::size_t size), {
  return Module['onTraceChunk'](kind, UTF8ToString(data, size)) ? 1 : 0;
});

namespace {

using namespace wakeline;
using namespace wakeline::examples;
using json = nlohmann::ordered_json;

/// Bad input, with a stable code for JS (WakelineError.code) and a sentence naming the problem.
struct api_error {
  std::string code;
  std::string message;
};

std::string error_json(const api_error& error) {
  json j;
  j["error"] = {{"code", error.code}, {"message", error.message}};
  return j.dump();
}

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
    list.push_back(std::move(j));
  }
  return list.dump();
}

std::uint64_t unsigned_field(const json& request, const char* name, std::uint64_t fallback,
                             std::uint64_t min) {
  auto it = request.find(name);
  if (it == request.end() || it->is_null()) return fallback;
  if (!it->is_number_unsigned() && !(it->is_number_integer() && it->get<std::int64_t>() >= 0)) {
    if (it->is_number_integer() || (it->is_number_float() && std::isfinite(it->get<double>()) &&
                                    std::floor(it->get<double>()) == it->get<double>())) {
      throw api_error{"out_of_range", std::string(name) + " must be an integer from " +
                                          std::to_string(min) + " to 2^64-1, not " + it->dump()};
    }
    throw api_error{"bad_value", std::string(name) + " must be an integer, not " + it->dump()};
  }
  auto value = it->get<std::uint64_t>();
  if (value < min) {
    throw api_error{"out_of_range", std::string(name) + " must be at least " + std::to_string(min) +
                                        ", not " + std::to_string(value)};
  }
  return value;
}

const param_spec* find_param(const example& e, const std::string& name) {
  auto it = std::find_if(e.params.begin(), e.params.end(),
                         [&name](const param_spec& p) { return p.name == name; });
  return it == e.params.end() ? nullptr : &*it;
}

// One JSON parameter value as the text the CLI's `--set` takes. Type errors are caught here
// (the CLI has only text); names and ranges are left to the runner, so messages match the CLI's.
std::string setting_text(const param_spec& spec, const json& value) {
  if (spec.type == param_type::boolean) {
    if (!value.is_boolean()) {
      throw api_error{"bad_value",
                      "parameter '" + spec.name + "' must be true or false, not " + value.dump()};
    }
    return value.get<bool>() ? "true" : "false";
  }
  bool integral_float = value.is_number_float() && std::isfinite(value.get<double>()) &&
                        std::floor(value.get<double>()) == value.get<double>();
  bool too_big = value.is_number_unsigned() &&
                 value.get<std::uint64_t>() >
                     static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  if (integral_float || too_big) {
    throw api_error{"out_of_range", "parameter '" + spec.name + "' must be between " +
                                        std::to_string(spec.min) + " and " +
                                        std::to_string(spec.max) + ", not " + value.dump()};
  }
  if (!value.is_number_integer()) {
    throw api_error{"bad_value",
                    "parameter '" + spec.name + "' must be an integer, not " + value.dump()};
  }
  return value.dump();
}

/// A request checked against the catalogue, ready to run.
/// A request that passed both the JSON checks here and the runner's, plus its batch size.
struct checked_request {
  checked_run run;
  std::uint64_t batch_events = 256;
};

const char* code_of(usage_error::problem problem) {
  switch (problem) {
    case usage_error::problem::unknown_example: return "unknown_example";
    case usage_error::problem::unknown_strategy: return "unknown_strategy";
    case usage_error::problem::unknown_parameter: return "unknown_parameter";
    case usage_error::problem::bad_value: return "bad_value";
    case usage_error::problem::out_of_range: return "out_of_range";
  }
  return "bad_request";
}

// Checks what only JSON can get wrong (types, fractions, numbers beyond int64) and turns the
// request into the runner's text settings; the runner checks everything else, as for the CLI.
checked_request check(const std::string& text) {
  json request = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!request.is_object()) throw api_error{"bad_request", "the request is not a JSON object"};
  run_request r;
  if (!request.contains("example") || !request["example"].is_string()) {
    throw api_error{"bad_value", "the example id must be a string"};
  }
  r.example = request["example"].get<std::string>();
  const example* e = find_example(r.example);
  if (request.contains("strategy") && !request["strategy"].is_null()) {
    if (!request["strategy"].is_string()) {
      throw api_error{"bad_value", "the strategy must be a string, not " + request["strategy"].dump()};
    }
    r.strategy = request["strategy"].get<std::string>();
  }
  r.seed = unsigned_field(request, "seed", 0, 0);
  r.budget = unsigned_field(request, "budget", r.budget, 1);
  std::uint64_t batch_events = unsigned_field(request, "batch_events", 256, 1);
  if (request.contains("params") && !request["params"].is_null()) {
    const json& params = request["params"];
    if (!params.is_object()) {
      throw api_error{"bad_value", "params must be an object of name: value, not " + params.dump()};
    }
    for (const auto& [name, value] : params.items()) {
      const param_spec* spec = e != nullptr ? find_param(*e, name) : nullptr;
      // An unknown name is passed on as is: the runner names it with the example's parameters.
      r.settings.emplace_back(name, spec != nullptr ? setting_text(*spec, value) : "0");
    }
  }
  try {
    return checked_request{check_request(r), batch_events};
  } catch (const usage_error& error) {
    throw api_error{code_of(error.kind()), error.what()};
  }
}

struct chunk_stream {
  std::uint64_t batch_events = 256;
  std::uint64_t pending = 0;
  std::string text;

  void flush() {
    if (pending == 0) return;
    bool cancel = wakeline_js_chunk(1, text.data(), text.size()) != 0;
    text.clear();
    pending = 0;
    // Chunks are sent from inside the run, so the runtime to stop is the current one (none for
    // the last chunk, sent after the run).
    runtime* rt = runtime::try_current();
    if (cancel && rt != nullptr) rt->request_cancel();
  }

  static void on_event(void* context, const trace_recorder& trace, const trace_event& e) {
    auto* self = static_cast<chunk_stream*>(context);
    self->text += ndjson_event(trace, e);
    self->text += '\n';
    if (++self->pending >= self->batch_events) self->flush();
  }
};

json summary_json(const runtime& rt, run_outcome outcome, const std::string& message) {
  struct task_totals {
    std::string name;
    std::uint64_t polls = 0;
    std::uint64_t wakes = 0;
  };
  std::map<std::uint32_t, task_totals> tasks;
  const trace_recorder& trace = rt.trace();
  std::uint64_t duration = 0;
  for (const trace_event& e : trace.events()) {
    duration = std::max(duration, e.t);
    switch (e.kind) {
      case event_kind::task_spawn:
        tasks[e.task].name = e.text != 0 ? trace.text(e.text) : std::string();
        break;
      case event_kind::poll_begin: ++tasks[e.task].polls; break;
      case event_kind::waker_wake:
      case event_kind::waker_wake_by_ref: ++tasks[e.task].wakes; break;
      default: break;
    }
  }
  json j;
  j["outcome"] = to_string(outcome);
  if (!message.empty()) j["message"] = message;
  j["events"] = trace.event_count();
  j["duration_ns"] = duration;
  j["tasks"] = json::array();
  for (const auto& [id, totals] : tasks) {
    j["tasks"].push_back(
        {{"task", id}, {"name", totals.name}, {"polls", totals.polls}, {"wakes", totals.wakes}});
  }
  return j;
}

std::string& answer() {
  static std::string text;
  return text;
}

}  // namespace

extern "C" {

/// Every listed example as a JSON array (id, title, topic, explanation, params, strategies,
/// source). The pointer stays valid for the life of the module.
EMSCRIPTEN_KEEPALIVE const char* wakeline_examples() {
  static const std::string text = examples_json();
  return text.c_str();
}

/// {"wakeline": version, "schema": name, "schema_version": n}.
EMSCRIPTEN_KEEPALIVE const char* wakeline_version() {
  static const std::string text =
      json{{"wakeline", WAKELINE_VERSION}, {"schema", trace_schema},
           {"schema_version", trace_schema_version}}
          .dump();
  return text.c_str();
}

/// Checks a run request (JSON: example, strategy, params, seed, budget, batch_events). Returns
/// {"header": "<NDJSON header line>"} or {"error": {"code", "message"}}.
EMSCRIPTEN_KEEPALIVE const char* wakeline_check(const char* request) {
  try {
    answer() = json{{"header", ndjson_header(check(request).run.header)}}.dump();
  } catch (const api_error& error) {
    answer() = error_json(error);
  }
  return answer().c_str();
}

/// Checks and runs a request. Streams the header line, then the events in chunks of
/// `batch_events` lines, through Module.onTraceChunk. Returns the summary (outcome, message,
/// events, duration_ns, tasks with polls and wakes) or {"error": ...} for bad input.
EMSCRIPTEN_KEEPALIVE const char* wakeline_run(const char* request) {
  std::optional<checked_request> checked;
  try {
    checked = check(request);
  } catch (const api_error& error) {
    answer() = error_json(error);
    return answer().c_str();
  }
  checked_request& c = *checked;
  std::string header = ndjson_header(c.run.header);
  wakeline_js_chunk(0, header.data(), header.size());

  chunk_stream stream{.batch_events = c.batch_events};
  c.run.request.sink = &chunk_stream::on_event;
  c.run.request.sink_context = &stream;
  run_result result = execute(c.run);
  stream.flush();
  result.rt->trace().set_sink(nullptr);
  answer() = summary_json(*result.rt, result.outcome, result.message).dump();
  // The runtime (and the trace it owns) is freed here, before JS reads the answer.
  return answer().c_str();
}

}  // extern "C"
