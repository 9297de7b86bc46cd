#include "ndjson_reader.hpp"

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "header.hpp"
#include "schema.hpp"

namespace wakeline {

namespace {

using json = nlohmann::ordered_json;

class line_reader {
 public:
  explicit line_reader(read_trace& trace) : trace_(trace) {
    for (const kind_schema& row : event_schema()) kinds_.emplace(row.name, &row);
  }

  void header(std::string_view line) {
    json h = parse(line);
    if (!h.is_object() || h.value("schema", json()) != trace_schema ||
        h.value("version", json()) != trace_schema_version ||
        !h.value("example", json()).is_string()) {
      fail("is not a wakeline-trace header of version " + std::to_string(trace_schema_version));
    }
    trace_.header = std::move(h);
  }

  void event(std::string_view line) {
    const json j = parse(line);
    if (!j.is_object()) fail("is not a JSON object");
    trace_event e;
    const std::string kind =
        j.value("kind", json()).is_string() ? j["kind"].get<std::string>() : "";
    const auto row = kinds_.find(kind);
    if (row == kinds_.end()) fail("has no known event kind");
    e.kind = row->second->kind;
    if (number(j, "seq") != trace_.events.event_count() + 1) fail("does not follow the seq before");
    e.t = number(j, "t");
    e.cause = j.contains("cause") ? number(j, "cause") : 0;
    for (const field_spec& field : row->second->fields()) {
      if (!j.contains(field.name)) {
        if (field.presence == field_presence::always) {
          fail(kind + " has no \"" + std::string(field.name) + "\"");
        }
        continue;
      }
      set(e, field, j[std::string(field.name)]);
      // A field shown only when another slot is set says that slot was set: park's `until`
      // is the only sign that the park had a deadline (its detail).
      if (field.presence == field_presence::when_nonzero && slot_value(e, field.condition) == 0) {
        store(e, field.condition, 1);
      }
    }
    trace_.events.record(e);
  }

  [[noreturn]] void fail(const std::string& problem) const {
    throw trace_read_error("line " + std::to_string(line_) + " " + problem);
  }

  void next_line() { ++line_; }

 private:
  json parse(std::string_view line) const {
    json j = json::parse(line, nullptr, false);
    if (j.is_discarded()) fail("is not JSON");
    return j;
  }

  std::uint64_t number(const json& j, const char* key) const {
    const auto it = j.find(key);
    if (it == j.end() || !it->is_number_unsigned()) {
      fail(std::string("has no \"") + key + "\" that is a whole number >= 0");
    }
    return it->get<std::uint64_t>();
  }

  std::string text(const json& value, std::string_view key) const {
    if (!value.is_string()) fail("has a \"" + std::string(key) + "\" that is not text");
    return value.get<std::string>();
  }

  const char* file(const std::string& name) {
    auto [it, fresh] = file_of_.try_emplace(name, nullptr);
    if (fresh) it->second = trace_.files.emplace_back(name).c_str();
    return it->second;
  }

  void set(trace_event& e, const field_spec& field, const json& value) {
    std::uint64_t v = 0;
    switch (field.format) {
      case field_format::number: {
        if (!value.is_number_unsigned())
          fail("has a \"" + std::string(field.name) + "\" that is not a whole number >= 0");
        v = value.get<std::uint64_t>();
        break;
      }
      case field_format::name: {
        const std::string name = text(value, field.name);
        const auto names = names_of(field.names);
        std::size_t i = 0;
        while (i < names.size() && names[i] != name) ++i;
        if (i == names.size()) fail("has an unknown \"" + std::string(field.name) + "\"");
        v = i;
        break;
      }
      case field_format::text:
        v = trace_.events.intern(text(value, field.name));
        break;
      case field_format::file:
        e.file = file(text(value, field.name));
        return;
      case field_format::stuck_tasks:
        v = stuck_tasks(value);
        break;
    }
    store(e, field.slot, v);
  }

  std::uint64_t stuck_tasks(const json& value) {
    if (!value.is_array()) fail("has a \"stuck\" that is not a list");
    std::vector<stuck_task> stuck;
    for (const json& t : value) {
      if (!t.is_object()) fail("has a stuck task that is not an object");
      stuck_task s;
      s.task = static_cast<std::uint32_t>(number(t, "task"));
      s.wakers = static_cast<std::uint32_t>(number(t, "wakers"));
      if (t.contains("file")) {
        s.file = file(text(t["file"], "file"));
        s.line = static_cast<std::uint32_t>(number(t, "line"));
      }
      stuck.push_back(s);
    }
    return trace_.events.add_deadlock(std::move(stuck));
  }

  // Stores `v` in its slot, refusing what does not fit, so a read trace writes back unchanged.
  void store(trace_event& e, field_slot slot, std::uint64_t v) const {
    auto fits = [&](std::uint64_t max) {
      if (v > max) fail("has a value too large for its field");
      return v;
    };
    switch (slot) {
      case field_slot::arg:
        e.arg = v;
        break;
      case field_slot::task:
        e.task = static_cast<std::uint32_t>(fits(UINT32_MAX));
        break;
      case field_slot::ref:
        e.ref = static_cast<std::uint32_t>(fits(UINT32_MAX));
        break;
      case field_slot::line:
        e.line = static_cast<std::uint32_t>(fits(UINT32_MAX));
        break;
      case field_slot::text:
        e.text = static_cast<std::uint32_t>(fits(UINT32_MAX));
        break;
      case field_slot::worker:
        e.worker = static_cast<std::uint16_t>(fits(UINT16_MAX));
        break;
      case field_slot::detail:
        e.detail = static_cast<std::uint8_t>(fits(UINT8_MAX));
        break;
      case field_slot::file:
        break;  // Set from its name in `set`.
    }
  }

  read_trace& trace_;
  std::unordered_map<std::string_view, const kind_schema*> kinds_;
  std::unordered_map<std::string, const char*> file_of_;
  std::size_t line_ = 0;
};

}  // namespace

read_trace read_ndjson(std::string_view text) {
  read_trace trace;
  line_reader reader(trace);
  bool header = true;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    const std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    reader.next_line();
    if (line.empty()) continue;
    if (header) {
      reader.header(line);
      header = false;
    } else {
      reader.event(line);
    }
  }
  if (header) throw trace_read_error("the trace is empty: it has no header line");
  return trace;
}

}  // namespace wakeline
