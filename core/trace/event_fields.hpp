// Walks the fields of one event as the schema (schema.hpp) lays them out, for the writers: the
// NDJSON line writer and the Chrome writer's event args both see the same fields, in the same
// order, with the same values.
#pragma once

#include <cstdint>
#include <string_view>

#include "ndjson_writer.hpp"
#include "recorder.hpp"
#include "schema.hpp"

namespace wakeline {

/// The name of `value` in `list`, or "unknown" for a value outside the enum.
inline std::string_view value_name(name_list list, std::uint64_t value) {
  const std::span<const std::string_view> names = names_of(list);
  return value < names.size() ? names[value] : std::string_view("unknown");
}

/// Calls `out` once for each field of `e` that its line carries, in order, with the field's
/// key and value:
///   out.number(key, std::uint64_t)
///   out.name(key, std::string_view)  an enum's name: nothing to escape
///   out.text(key, std::string_view)  anything: the writer escapes it
///   out.raw(key, std::string)        JSON text (a deadlock's stuck tasks)
template <class Out>
void visit_event_fields(const trace_recorder& trace, const trace_event& e, Out& out) {
  for (const field_spec& field : schema_of(e.kind).fields()) {
    if (!field_present(field, e)) continue;
    const std::uint64_t value = slot_value(e, field.slot);
    switch (field.format) {
      case field_format::number:
        out.number(field.name, value);
        break;
      case field_format::name:
        out.name(field.name, value_name(field.names, value));
        break;
      case field_format::text:
        out.text(field.name, trace.text(static_cast<std::uint32_t>(value)));
        break;
      case field_format::file:
        out.text(field.name, source_file_name(e.file));
        break;
      case field_format::stuck_tasks:
        out.raw(field.name, ndjson_stuck_tasks(trace, value));
        break;
    }
  }
}

}  // namespace wakeline
