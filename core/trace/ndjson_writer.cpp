#include "ndjson_writer.hpp"

#include <cstring>
#include <nlohmann/json.hpp>
#include <ostream>

#include "../strategy.hpp"
#include "detail/json_line.hpp"
#include "event_fields.hpp"
#include "header_json.hpp"

namespace wakeline {

using json = nlohmann::ordered_json;

const char* source_file_name(const char* path) {
  const char* slash = std::strrchr(path, '/');
  return slash != nullptr ? slash + 1 : path;
}

json header_json(const trace_header& header) {
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
  // The primitives' flavour is the strategy's; written only when it is not the textbook one, so
  // that traces of the other strategies read as before.
  if (auto kind = parse_strategy(header.strategy);
      kind && primitives_of(*kind) != primitive_flavour::textbook) {
    j["primitives"] = std::string(to_string(primitives_of(*kind)));
  }
  j["params"] = object_of(header.params);
  j["seed"] = header.seed;
  j["clock"] = to_string(header.clock);
  j["unit"] = "ns";
  j["budget"] = header.budget;
  if (header.memory_limit != trace_header::default_memory_limit) {
    j["memory_limit"] = header.memory_limit;
  }
  return j;
}

std::string ndjson_header(const trace_header& header) { return header_json(header).dump(); }

void append_ndjson_event(std::string& out, const trace_recorder& trace, const trace_event& e) {
  detail::json_line j(out);
  j.number("seq", e.seq);
  j.number("t", e.t);
  j.name("kind", to_string(e.kind));
  visit_event_fields(trace, e, j);
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
