#include "schema.hpp"

#include <initializer_list>

#include "../time/clock.hpp"

namespace wakeline {

namespace {

using slot = field_slot;

// The field shapes the table is made of.
constexpr field_spec number(std::string_view name, field_slot s) {
  return {name, s, field_format::number};
}
constexpr field_spec number_if_nonzero(std::string_view name, field_slot s) {
  return {name, s, field_format::number, name_list::none, field_presence::nonzero};
}
constexpr field_spec named(std::string_view name, field_slot s, name_list names) {
  return {name, s, field_format::name, names};
}
constexpr field_spec text_if_any(std::string_view name) {
  return {name, slot::text, field_format::text, name_list::none, field_presence::nonzero};
}
// A worker's id, on events about a queue that belongs to one worker.
constexpr field_spec worker_of_queue(std::string_view name, field_slot id, field_slot queue) {
  return {name, id, field_format::number, name_list::none, field_presence::when_worker_queue,
          queue};
}

constexpr field_spec task = number("task", slot::task);
constexpr field_spec task_if_any = number_if_nonzero("task", slot::task);
constexpr field_spec worker = number("worker", slot::worker);
constexpr field_spec parent = number_if_nonzero("parent", slot::ref);
constexpr field_spec count = number("count", slot::arg);
// The source location: `file` and `line`, both absent when the event has none.
constexpr field_spec file{"file", slot::file, field_format::file, name_list::none,
                          field_presence::nonzero};
constexpr field_spec line{
    "line",    slot::line, field_format::number, name_list::none, field_presence::when_nonzero,
    slot::file};
// Who called a waker: `by`, and `by_id` unless that was nobody inside the runtime.
constexpr field_spec by = named("by", slot::detail, name_list::wake_source);
constexpr field_spec by_id{
    "by_id",     slot::ref, field_format::number, name_list::none, field_presence::when_nonzero,
    slot::detail};

constexpr kind_schema row(event_kind kind, std::string_view name,
                          std::initializer_list<field_spec> fields) {
  kind_schema k{kind, name};
  for (const field_spec& f : fields) k.field_storage[k.field_count++] = f;
  return k;
}

using enum event_kind;

constexpr std::array schema{
    row(runtime_start, "runtime_start", {named("clock", slot::detail, name_list::clock)}),
    row(runtime_end, "runtime_end",
        {named("outcome", slot::detail, name_list::run_outcome), number("events", slot::arg)}),
    row(task_spawn, "task_spawn", {task, parent, text_if_any("name"), file, line}),
    row(task_enqueue, "task_enqueue",
        {task, named("queue", slot::ref, name_list::queue),
         worker_of_queue("worker", slot::worker, slot::ref),
         named("reason", slot::detail, name_list::enqueue_reason), number("depth", slot::arg)}),
    row(poll_begin, "poll_begin", {task, worker, number("depth", slot::arg)}),
    // `state`: the suspend state of a program's future (lang/), by rustc's numbers.
    row(poll_end, "poll_end",
        {task, worker, named("result", slot::detail, name_list::poll_result), file, line,
         number_if_nonzero("state", slot::ref)}),
    row(task_end, "task_end",
        {task, named("outcome", slot::detail, name_list::task_outcome), text_if_any("message")}),
    row(waker_clone, "waker_clone", {task, by, by_id}),
    row(waker_wake, "waker_wake",
        {task, by, by_id, named("effect", slot::arg, name_list::wake_effect)}),
    row(waker_wake_by_ref, "waker_wake_by_ref",
        {task, by, by_id, named("effect", slot::arg, name_list::wake_effect)}),
    row(waker_drop, "waker_drop", {task, by, by_id}),
    row(timer_arm, "timer_arm",
        {number("timer", slot::ref), task_if_any, number("deadline", slot::arg), file, line}),
    row(timer_fire, "timer_fire", {number("timer", slot::ref), task_if_any}),
    row(timer_cancel, "timer_cancel", {number("timer", slot::ref), task_if_any}),
    row(io_register, "io_register",
        {number("io", slot::ref), named("op", slot::detail, name_list::io_op), task_if_any}),
    row(io_ready, "io_ready",
        {number("io", slot::ref), named("op", slot::detail, name_list::io_op), task_if_any,
         number("bytes", slot::arg)}),
    // `until` is the deadline a worker parks until; detail is 1 when it has one.
    row(park, "park",
        {worker,
         {"until", slot::arg, field_format::number, name_list::none, field_presence::when_nonzero,
          slot::detail}}),
    row(unpark, "unpark", {worker}),
    row(select_drop, "select_drop", {task, number("branch", slot::arg), file, line}),
    row(deadlock, "deadlock", {{"stuck", slot::arg, field_format::stuck_tasks}}),
    row(budget_exhausted, "budget_exhausted", {number("budget", slot::arg)}),
    row(coop_exhausted, "coop_exhausted", {task, number("budget", slot::arg)}),
    row(steal, "steal",
        {worker, named("from", slot::detail, name_list::queue),
         worker_of_queue("victim", slot::ref, slot::detail), count}),
    row(queue_overflow, "queue_overflow", {worker, count}),
    row(search_begin, "search_begin", {worker}),
    row(search_end, "search_end", {worker}),
    row(batch_begin, "batch_begin", {worker, count}),
    row(batch_end, "batch_end", {worker}),
    row(pend, "pend", {worker, task}),
    row(spawn_failed, "spawn_failed",
        {parent, text_if_any("name"), number("pool", slot::arg), file, line}),
    row(output, "output",
        {task_if_any,
         named("stream", slot::detail, name_list::output_stream),
         {"text", slot::text, field_format::text},
         file,
         line}),
};

constexpr bool every_kind_in_order() {
  if (schema.size() != static_cast<std::size_t>(last_event_kind) + 1) return false;
  for (std::size_t i = 0; i < schema.size(); ++i) {
    if (static_cast<std::size_t>(schema[i].kind) != i) return false;
  }
  return true;
}
static_assert(every_kind_in_order(), "every event_kind needs its row, in the enum's order");

// The names of each enum, in order of value.
constexpr std::string_view clock_names[] = {"virtual", "real"};
constexpr std::string_view run_outcome_names[] = {"completed", "deadlock",  "budget_exhausted",
                                                  "failed",    "cancelled", "memory_exhausted"};
constexpr std::string_view queue_names[] = {"run",  "block_on", "deferred", "local",
                                            "lifo", "inject",   "global",   "pool"};
constexpr std::string_view enqueue_reason_names[] = {
    "spawn", "wake", "yield", "abort", "steal", "overflow", "lifo_displaced", "lifo_limit"};
constexpr std::string_view poll_result_names[] = {"pending", "ready", "failed"};
constexpr std::string_view task_outcome_names[] = {"completed", "cancelled", "aborted", "failed"};
constexpr std::string_view wake_source_names[] = {"outside", "task", "timer", "io"};
constexpr std::string_view wake_effect_names[] = {"scheduled", "already_scheduled", "ended"};
constexpr std::string_view io_op_names[] = {"accept", "connect", "read", "write"};
constexpr std::string_view output_stream_names[] = {"stdout", "stderr"};

static_assert(std::size(clock_names) == static_cast<std::size_t>(clock_kind::real_time) + 1);
static_assert(std::size(run_outcome_names) == static_cast<std::size_t>(last_run_outcome) + 1);
static_assert(std::size(queue_names) == static_cast<std::size_t>(last_queue_kind) + 1);
static_assert(std::size(enqueue_reason_names) == static_cast<std::size_t>(last_enqueue_reason) + 1);
static_assert(std::size(poll_result_names) == static_cast<std::size_t>(poll_result::failed) + 1);
static_assert(std::size(task_outcome_names) == static_cast<std::size_t>(task_outcome::failed) + 1);
static_assert(std::size(wake_source_names) == static_cast<std::size_t>(wake_source::io) + 1);
static_assert(std::size(wake_effect_names) == static_cast<std::size_t>(wake_effect::ended) + 1);
static_assert(std::size(io_op_names) == static_cast<std::size_t>(io_op::write) + 1);
static_assert(std::size(output_stream_names) == static_cast<std::size_t>(output_stream::err) + 1);

// The name of value `value` in `names`, or "unknown" for a value outside the enum.
template <std::size_t N>
const char* name_in(const std::string_view (&names)[N], std::uint8_t value) {
  return value < N ? names[value].data() : "unknown";
}

}  // namespace

std::span<const kind_schema> event_schema() { return schema; }

const kind_schema& schema_of(event_kind kind) { return schema[static_cast<std::size_t>(kind)]; }

std::span<const std::string_view> names_of(name_list list) {
  switch (list) {
    case name_list::none:
      return {};
    case name_list::clock:
      return clock_names;
    case name_list::run_outcome:
      return run_outcome_names;
    case name_list::queue:
      return queue_names;
    case name_list::enqueue_reason:
      return enqueue_reason_names;
    case name_list::poll_result:
      return poll_result_names;
    case name_list::task_outcome:
      return task_outcome_names;
    case name_list::wake_source:
      return wake_source_names;
    case name_list::wake_effect:
      return wake_effect_names;
    case name_list::io_op:
      return io_op_names;
    case name_list::output_stream:
      return output_stream_names;
  }
  return {};
}

std::string_view to_string(name_list list) {
  switch (list) {
    case name_list::none:
      return "none";
    case name_list::clock:
      return "clock_kind";
    case name_list::run_outcome:
      return "run_outcome";
    case name_list::queue:
      return "queue_kind";
    case name_list::enqueue_reason:
      return "enqueue_reason";
    case name_list::poll_result:
      return "poll_result";
    case name_list::task_outcome:
      return "task_outcome";
    case name_list::wake_source:
      return "wake_source";
    case name_list::wake_effect:
      return "wake_effect";
    case name_list::io_op:
      return "io_op";
    case name_list::output_stream:
      return "output_stream";
  }
  return "unknown";
}

std::string_view to_string(field_slot s) {
  switch (s) {
    case slot::arg:
      return "arg";
    case slot::task:
      return "task";
    case slot::ref:
      return "ref";
    case slot::line:
      return "line";
    case slot::text:
      return "text";
    case slot::file:
      return "file";
    case slot::worker:
      return "worker";
    case slot::detail:
      return "detail";
  }
  return "unknown";
}

std::string_view to_string(field_format format) {
  switch (format) {
    case field_format::number:
      return "number";
    case field_format::name:
      return "name";
    case field_format::text:
      return "text";
    case field_format::file:
      return "file";
    case field_format::stuck_tasks:
      return "stuck_tasks";
  }
  return "unknown";
}

std::string_view to_string(field_presence presence) {
  switch (presence) {
    case field_presence::always:
      return "always";
    case field_presence::nonzero:
      return "nonzero";
    case field_presence::when_nonzero:
      return "when_nonzero";
    case field_presence::when_worker_queue:
      return "when_worker_queue";
  }
  return "unknown";
}

const char* to_string(event_kind kind) {
  const auto index = static_cast<std::size_t>(kind);
  return index < schema.size() ? schema[index].name.data() : "unknown";
}
const char* to_string(enqueue_reason reason) {
  return name_in(enqueue_reason_names, static_cast<std::uint8_t>(reason));
}
const char* to_string(queue_kind queue) {
  return name_in(queue_names, static_cast<std::uint8_t>(queue));
}
const char* to_string(wake_source source) {
  return name_in(wake_source_names, static_cast<std::uint8_t>(source));
}
const char* to_string(poll_result result) {
  return name_in(poll_result_names, static_cast<std::uint8_t>(result));
}
const char* to_string(wake_effect effect) {
  return name_in(wake_effect_names, static_cast<std::uint8_t>(effect));
}
const char* to_string(task_outcome outcome) {
  return name_in(task_outcome_names, static_cast<std::uint8_t>(outcome));
}
const char* to_string(run_outcome outcome) {
  return name_in(run_outcome_names, static_cast<std::uint8_t>(outcome));
}
const char* to_string(io_op op) { return name_in(io_op_names, static_cast<std::uint8_t>(op)); }

}  // namespace wakeline
