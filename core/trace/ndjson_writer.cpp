#include "ndjson_writer.hpp"

#include <cstring>
#include <nlohmann/json.hpp>
#include <ostream>

#include "detail/json_line.hpp"

namespace wakeline {

using json = nlohmann::ordered_json;

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
  auto object_of = [](const std::vector<std::pair<std::string, param_value>>& values) {
    json object = json::object();
    for (const auto& [name, value] : values) {
      std::visit([&object, &key = name](const auto& v) { object[key] = v; }, value);
    }
    return object;
  };
  j["strategy_params"] = object_of(header.strategy_params);
  j["params"] = object_of(header.params);
  j["seed"] = header.seed;
  j["clock"] = to_string(header.clock);
  j["unit"] = "ns";
  j["budget"] = header.budget;
  if (header.memory_limit != trace_header::default_memory_limit) {
    j["memory_limit"] = header.memory_limit;
  }
  return j.dump();
}

void append_ndjson_event(std::string& out, const trace_recorder& trace, const trace_event& e) {
  detail::json_line j(out);
  auto location = [&j, &e] {
    if (e.file == nullptr) return;
    j.text("file", source_file_name(e.file));
    j.number("line", e.line);
  };
  auto waker_source = [&j, &e] {
    auto source = static_cast<wake_source>(e.detail);
    j.name("by", to_string(source));
    if (source != wake_source::outside) j.number("by_id", e.ref);
  };
  j.number("seq", e.seq);
  j.number("t", e.t);
  j.name("kind", to_string(e.kind));
  switch (e.kind) {
    case event_kind::runtime_start:
      j.name("clock", to_string(static_cast<clock_kind>(e.detail)));
      break;
    case event_kind::runtime_end:
      j.name("outcome", to_string(static_cast<run_outcome>(e.detail)));
      j.number("events", e.arg);
      break;
    case event_kind::task_spawn:
      j.number("task", e.task);
      if (e.ref != 0) j.number("parent", e.ref);
      if (e.text != 0) j.text("name", trace.text(e.text));
      location();
      break;
    case event_kind::task_enqueue:
      j.number("task", e.task);
      j.name("queue", to_string(static_cast<queue_kind>(e.ref)));
      if (owned_by_worker(static_cast<queue_kind>(e.ref))) j.number("worker", e.worker);
      j.name("reason", to_string(static_cast<enqueue_reason>(e.detail)));
      j.number("depth", e.arg);
      break;
    case event_kind::poll_begin:
      j.number("task", e.task);
      j.number("worker", e.worker);
      j.number("depth", e.arg);
      break;
    case event_kind::poll_end:
      j.number("task", e.task);
      j.number("worker", e.worker);
      j.name("result", to_string(static_cast<poll_result>(e.detail)));
      location();
      break;
    case event_kind::task_end:
      j.number("task", e.task);
      j.name("outcome", to_string(static_cast<task_outcome>(e.detail)));
      if (e.text != 0) j.text("message", trace.text(e.text));
      break;
    case event_kind::waker_clone:
    case event_kind::waker_drop:
      j.number("task", e.task);
      waker_source();
      break;
    case event_kind::waker_wake:
    case event_kind::waker_wake_by_ref:
      j.number("task", e.task);
      waker_source();
      j.name("effect", to_string(static_cast<wake_effect>(e.arg)));
      break;
    case event_kind::timer_arm:
      j.number("timer", e.ref);
      if (e.task != 0) j.number("task", e.task);
      j.number("deadline", e.arg);
      location();
      break;
    case event_kind::timer_fire:
    case event_kind::timer_cancel:
      j.number("timer", e.ref);
      if (e.task != 0) j.number("task", e.task);
      break;
    case event_kind::io_register:
    case event_kind::io_ready:
      j.number("io", e.ref);
      j.name("op", to_string(static_cast<io_op>(e.detail)));
      if (e.task != 0) j.number("task", e.task);
      if (e.kind == event_kind::io_ready) j.number("bytes", e.arg);
      break;
    case event_kind::park:
      j.number("worker", e.worker);
      if (e.detail != 0) j.number("until", e.arg);
      break;
    case event_kind::unpark:
      j.number("worker", e.worker);
      break;
    case event_kind::select_drop:
      j.number("task", e.task);
      j.number("branch", e.arg);
      location();
      break;
    case event_kind::deadlock:
      j.raw("stuck", ndjson_stuck_tasks(trace, e.arg));
      break;
    case event_kind::budget_exhausted:
      j.number("budget", e.arg);
      break;
    case event_kind::coop_exhausted:
      j.number("task", e.task);
      j.number("budget", e.arg);
      break;
    case event_kind::steal:
      j.number("worker", e.worker);
      j.name("from", to_string(static_cast<queue_kind>(e.detail)));
      if (owned_by_worker(static_cast<queue_kind>(e.detail))) j.number("victim", e.ref);
      j.number("count", e.arg);
      break;
    case event_kind::queue_overflow:
    case event_kind::batch_begin:
      j.number("worker", e.worker);
      j.number("count", e.arg);
      break;
    case event_kind::search_begin:
    case event_kind::search_end:
    case event_kind::batch_end:
      j.number("worker", e.worker);
      break;
    case event_kind::pend:
      j.number("worker", e.worker);
      j.number("task", e.task);
      break;
    case event_kind::spawn_failed:
      if (e.ref != 0) j.number("parent", e.ref);
      if (e.text != 0) j.text("name", trace.text(e.text));
      j.number("pool", e.arg);
      location();
      break;
  }
  if (e.cause != 0) j.number("cause", e.cause);
  j.close();
}

std::string ndjson_event(const trace_recorder& trace, const trace_event& e) {
  std::string line;
  append_ndjson_event(line, trace, e);
  return line;
}

std::string ndjson_stuck_tasks(const trace_recorder& trace, std::uint64_t deadlock) {
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
  return stuck.dump();
}

void write_ndjson(std::ostream& out, const trace_header& header, const trace_recorder& trace) {
  out << ndjson_header(header) << '\n';
  // Lines are gathered into blocks, so the stream sees a few large writes.
  constexpr std::size_t block = 1 << 16;
  std::string lines;
  lines.reserve(block + 1024);
  for (const trace_event& e : trace.events()) {
    append_ndjson_event(lines, trace, e);
    lines += '\n';
    if (lines.size() >= block) {
      out.write(lines.data(), static_cast<std::streamsize>(lines.size()));
      lines.clear();
    }
  }
  out.write(lines.data(), static_cast<std::streamsize>(lines.size()));
}

}  // namespace wakeline
