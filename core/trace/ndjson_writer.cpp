#include "ndjson_writer.hpp"

#include <cstring>
#include <nlohmann/json.hpp>
#include <ostream>

namespace wakeline {

namespace {

using json = nlohmann::ordered_json;

void add_location(json& j, const trace_event& e) {
  if (e.file == nullptr) return;
  j["file"] = source_file_name(e.file);
  j["line"] = e.line;
}

void add_waker_source(json& j, const trace_event& e) {
  auto source = static_cast<wake_source>(e.detail);
  j["by"] = to_string(source);
  if (source != wake_source::outside) j["by_id"] = e.ref;
}

json stuck_tasks_json(const trace_recorder& trace, std::uint64_t deadlock) {
  json stuck = json::array();
  for (const stuck_task& s : trace.deadlock(deadlock)) {
    json t;
    t["task"] = s.task;
    if (s.file != nullptr) {
      t["file"] = source_file_name(s.file);
      t["line"] = s.line;
    }
    t["wakers"] = s.wakers;
    stuck.push_back(std::move(t));
  }
  return stuck;
}

}  // namespace

const char* source_file_name(const char* path) {
  const char* slash = std::strrchr(path, '/');
  return slash != nullptr ? slash + 1 : path;
}

std::string ndjson_header(const trace_header& header) {
  json j;
  j["schema"] = trace_schema;
  j["version"] = trace_schema_version;
  j["example"] = header.example;
  j["strategy"] = header.strategy;
  json params = json::object();
  for (const auto& [name, value] : header.params) {
    std::visit([&params, &key = name](const auto& v) { params[key] = v; }, value);
  }
  j["params"] = std::move(params);
  j["seed"] = header.seed;
  j["clock"] = to_string(header.clock);
  j["unit"] = "ns";
  j["budget"] = header.budget;
  return j.dump();
}

std::string ndjson_event(const trace_recorder& trace, const trace_event& e) {
  json j;
  j["seq"] = e.seq;
  j["t"] = e.t;
  j["kind"] = to_string(e.kind);
  switch (e.kind) {
    case event_kind::runtime_start:
      j["clock"] = to_string(static_cast<clock_kind>(e.detail));
      break;
    case event_kind::runtime_end:
      j["outcome"] = to_string(static_cast<run_outcome>(e.detail));
      j["events"] = e.arg;
      break;
    case event_kind::task_spawn:
      j["task"] = e.task;
      if (e.ref != 0) j["parent"] = e.ref;
      if (e.text != 0) j["name"] = trace.text(e.text);
      add_location(j, e);
      break;
    case event_kind::task_enqueue:
      j["task"] = e.task;
      j["queue"] = "run";
      j["reason"] = to_string(static_cast<enqueue_reason>(e.detail));
      j["depth"] = e.arg;
      break;
    case event_kind::poll_begin:
      j["task"] = e.task;
      j["worker"] = e.worker;
      j["depth"] = e.arg;
      break;
    case event_kind::poll_end:
      j["task"] = e.task;
      j["worker"] = e.worker;
      j["result"] = to_string(static_cast<poll_result>(e.detail));
      add_location(j, e);
      break;
    case event_kind::task_end:
      j["task"] = e.task;
      j["outcome"] = to_string(static_cast<task_outcome>(e.detail));
      if (e.text != 0) j["message"] = trace.text(e.text);
      break;
    case event_kind::waker_clone:
    case event_kind::waker_drop:
      j["task"] = e.task;
      add_waker_source(j, e);
      break;
    case event_kind::waker_wake:
    case event_kind::waker_wake_by_ref:
      j["task"] = e.task;
      add_waker_source(j, e);
      j["effect"] = to_string(static_cast<wake_effect>(e.arg));
      break;
    case event_kind::timer_arm:
      j["timer"] = e.ref;
      if (e.task != 0) j["task"] = e.task;
      j["deadline"] = e.arg;
      add_location(j, e);
      break;
    case event_kind::timer_fire:
    case event_kind::timer_cancel:
      j["timer"] = e.ref;
      if (e.task != 0) j["task"] = e.task;
      break;
    case event_kind::io_register:
    case event_kind::io_ready:
      j["io"] = e.ref;
      j["op"] = to_string(static_cast<io_op>(e.detail));
      if (e.task != 0) j["task"] = e.task;
      if (e.kind == event_kind::io_ready) j["bytes"] = e.arg;
      break;
    case event_kind::park:
      j["worker"] = e.worker;
      if (e.detail != 0) j["until"] = e.arg;
      break;
    case event_kind::unpark:
      j["worker"] = e.worker;
      break;
    case event_kind::select_drop:
      j["task"] = e.task;
      j["branch"] = e.arg;
      add_location(j, e);
      break;
    case event_kind::deadlock:
      j["stuck"] = stuck_tasks_json(trace, e.arg);
      break;
    case event_kind::budget_exhausted:
      j["budget"] = e.arg;
      break;
  }
  if (e.cause != 0) j["cause"] = e.cause;
  return j.dump();
}

std::string ndjson_stuck_tasks(const trace_recorder& trace, std::uint64_t deadlock) {
  return stuck_tasks_json(trace, deadlock).dump();
}

void write_ndjson(std::ostream& out, const trace_header& header, const trace_recorder& trace) {
  out << ndjson_header(header) << '\n';
  for (const trace_event& e : trace.events()) out << ndjson_event(trace, e) << '\n';
}

}  // namespace wakeline
