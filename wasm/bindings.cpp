// The C functions behind wasm/api/wakeline.mjs. Requests and answers cross the boundary as JSON
// text and the trace as NDJSON chunks, so the JS side needs only `cwrap` and one callback: no
// embind runtime, one copy per chunk, and the bytes are those the native CLI writes.
#include <emscripten/emscripten.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
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
struct checked_request {
  const example* e = nullptr;
  run_request request;
  trace_header header;
  std::uint64_t batch_events = 256;
};

checked_request check(const std::string& text) {
  json request = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!request.is_object()) throw api_error{"bad_request", "the request is not a JSON object"};
  checked_request c;
  if (!request.contains("example") || !request["example"].is_string()) {
    throw api_error{"bad_value", "the example id must be a string"};
  }
  c.request.example = request["example"].get<std::string>();
  c.e = find_example(c.request.example);
  if (c.e == nullptr) {
    throw api_error{"unknown_example", "unknown example '" + c.request.example + "'"};
  }
  if (request.contains("strategy") && !request["strategy"].is_null()) {
    if (!request["strategy"].is_string()) {
      throw api_error{"bad_value", "the strategy must be a string, not " + request["strategy"].dump()};
    }
    c.request.strategy = request["strategy"].get<std::string>();
  }
  if (std::find(c.e->strategies.begin(), c.e->strategies.end(), c.request.strategy) ==
      c.e->strategies.end()) {
    std::string list;
    for (const auto& s : c.e->strategies) list += (list.empty() ? "" : ", ") + s;
    throw api_error{"unknown_strategy", "example '" + c.e->id + "' does not support strategy '" +
                                            c.request.strategy + "' (supported: " + list + ")"};
  }
  c.request.seed = unsigned_field(request, "seed", 0, 0);
  c.request.budget = unsigned_field(request, "budget", c.request.budget, 1);
  c.batch_events = unsigned_field(request, "batch_events", c.batch_events, 1);

  if (request.contains("params") && !request["params"].is_null()) {
    const json& params = request["params"];
    if (!params.is_object()) {
      throw api_error{"bad_value", "params must be an object of name: value, not " + params.dump()};
    }
    for (const auto& [name, value] : params.items()) {
      const param_spec* spec = find_param(*c.e, name);
      std::pair<std::string, std::string> setting{name, spec ? setting_text(*spec, value) : "0"};
      try {
        validate_params(*c.e, {setting}, c.request.seed);
      } catch (const usage_error& error) {
        throw api_error{spec ? "out_of_range" : "unknown_parameter", error.what()};
      }
      c.request.settings.push_back(std::move(setting));
    }
  }
  param_values values = validate_params(*c.e, c.request.settings, c.request.seed);

  // The header exactly as examples::run_example builds it: the API sends it before the run.
  c.header.example = c.e->id;
  c.header.strategy = c.request.strategy;
  c.header.seed = c.request.seed;
  c.header.clock = c.request.clock;
  c.header.budget = c.request.budget;
  for (const param_spec& p : c.e->params) {
    if (p.type == param_type::boolean) {
      c.header.params.emplace_back(p.name, values.flag(p.name));
    } else {
      c.header.params.emplace_back(p.name, values.integer(p.name));
    }
  }
  return c;
}

/// Gathers NDJSON lines and hands them to JS every `batch_events` events.
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
    answer() = json{{"header", ndjson_header(check(request).header)}}.dump();
  } catch (const api_error& error) {
    answer() = error_json(error);
  }
  return answer().c_str();
}

/// Checks and runs a request. Streams the header line, then the events in chunks of
/// `batch_events` lines, through Module.onTraceChunk. Returns the summary (outcome, message,
/// events, duration_ns, tasks with polls and wakes) or {"error": ...} for bad input.
EMSCRIPTEN_KEEPALIVE const char* wakeline_run(const char* request) {
  checked_request c;
  try {
    c = check(request);
  } catch (const api_error& error) {
    answer() = error_json(error);
    return answer().c_str();
  }
  std::string header = ndjson_header(c.header);
  wakeline_js_chunk(0, header.data(), header.size());

  chunk_stream stream{.batch_events = c.batch_events};
  c.request.sink = &chunk_stream::on_event;
  c.request.sink_context = &stream;
  run_result result;
  try {
    result = run_example(c.request);
  } catch (const usage_error& error) {
    answer() = error_json({"internal", std::string("checked request refused: ") + error.what()});
    return answer().c_str();
  }
  stream.flush();
  result.rt->trace().set_sink(nullptr);
  if (ndjson_header(result.header) != header) {
    // The header sent ahead must be the runner's own; anything else is a bug here.
    answer() = error_json({"internal", "header differs from the runner's: " +
                                           ndjson_header(result.header)});
    return answer().c_str();
  }
  answer() = summary_json(*result.rt, result.outcome, result.message).dump();
  // The runtime (and the trace it owns) is freed here, before JS reads the answer.
  return answer().c_str();
}

}  // extern "C"
