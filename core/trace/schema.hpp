// The event schema: for every event kind, its name and the fields its NDJSON line carries, in
// order, with where each is stored in a trace_event, how it is written and when it is left out.
// This table is the one description of the trace format; the NDJSON writer, the Chrome writer's
// event args and the WebAssembly module's record decoders are all driven by it
// (docs/trace-format.md documents it for readers).
//
// Adding an event kind: add it to `event_kind` (event.hpp) and a row to the table in schema.cpp;
// the compiler checks that every kind has its row. What is genuinely new about the kind (how the
// page narrates and draws it, how the Chrome writer shows it) is written where that lives.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

#include "event.hpp"

namespace wakeline {

/// Where a field's value is stored in a trace_event (and in the wasm module's wire records).
enum class field_slot : std::uint8_t { arg, task, ref, line, text, file, worker, detail };

/// How a field's value is written.
enum class field_format : std::uint8_t {
  number,       ///< The slot's value as a JSON number.
  name,         ///< The slot's value as a name from one of the enums below (`field_spec::names`).
  text,         ///< The recorder's string at the slot's index, escaped.
  file,         ///< The source file's name, without its directories.
  stuck_tasks,  ///< The deadlock's stuck tasks as a JSON array (`arg` is the deadlock's index;
                ///< the wasm module sends the array as text in the `text` slot).
};

/// The enums whose values the trace writes as names.
enum class name_list : std::uint8_t {
  none,
  clock,
  run_outcome,
  queue,
  enqueue_reason,
  poll_result,
  task_outcome,
  wake_source,
  wake_effect,
  io_op,
  output_stream
};
inline constexpr name_list last_name_list = name_list::output_stream;

/// When a field appears in its event's line.
enum class field_presence : std::uint8_t {
  always,
  nonzero,           ///< Only when its own value is not 0.
  when_nonzero,      ///< Only when the value in `field_spec::condition` is not 0.
  when_worker_queue  ///< Only when the queue in `field_spec::condition` belongs to one worker.
};

/// One field of an event kind.
struct field_spec {
  std::string_view name;
  field_slot slot = field_slot::arg;
  field_format format = field_format::number;
  name_list names = name_list::none;
  field_presence presence = field_presence::always;
  field_slot condition = field_slot::arg;  ///< For the `when_*` presences.
};

/// The most fields any kind has.
inline constexpr std::size_t max_event_fields = 6;

/// One event kind: its name (NDJSON's `kind`) and its fields after `seq`, `t` and `kind`, in
/// order. Every line ends with `cause` when it is not 0.
struct kind_schema {
  event_kind kind;
  std::string_view name;
  std::array<field_spec, max_event_fields> field_storage{};
  std::uint8_t field_count = 0;

  constexpr std::span<const field_spec> fields() const {
    return {field_storage.data(), field_count};
  }
};

/// Every kind, in the order of `event_kind`'s values.
std::span<const kind_schema> event_schema();
const kind_schema& schema_of(event_kind kind);

/// The names of one enum, in order of value; `name_list::none` has none.
std::span<const std::string_view> names_of(name_list list);
/// The name list's own name, as the wasm module exports it ("queue", "wake_effect", ...).
std::string_view to_string(name_list list);
std::string_view to_string(field_slot slot);
std::string_view to_string(field_format format);
std::string_view to_string(field_presence presence);

/// The value a slot holds, as a number: `file` is 1 when the event has a location.
constexpr std::uint64_t slot_value(const trace_event& e, field_slot slot) {
  switch (slot) {
    case field_slot::arg:
      return e.arg;
    case field_slot::task:
      return e.task;
    case field_slot::ref:
      return e.ref;
    case field_slot::line:
      return e.line;
    case field_slot::text:
      return e.text;
    case field_slot::file:
      return e.file != nullptr ? 1 : 0;
    case field_slot::worker:
      return e.worker;
    case field_slot::detail:
      return e.detail;
  }
  return 0;
}

/// True when `field` appears in the line of `e`.
constexpr bool field_present(const field_spec& field, const trace_event& e) {
  switch (field.presence) {
    case field_presence::always:
      return true;
    case field_presence::nonzero:
      return slot_value(e, field.slot) != 0;
    case field_presence::when_nonzero:
      return slot_value(e, field.condition) != 0;
    case field_presence::when_worker_queue:
      return owned_by_worker(static_cast<queue_kind>(slot_value(e, field.condition)));
  }
  return false;
}

}  // namespace wakeline
