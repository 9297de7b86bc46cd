// One recorded scheduler event: a compact struct, turned into JSON only when written out. The
// fields each kind carries, and the names of these enums, are in the event schema (schema.cpp);
// docs/trace-format.md documents every kind and how its fields appear in NDJSON.
#pragma once

#include <cstdint>

namespace wakeline {

/// Every kind of event the runtime records. Names match the NDJSON `kind` field.
enum class event_kind : std::uint8_t {
  runtime_start,
  runtime_end,
  task_spawn,
  task_enqueue,
  poll_begin,
  poll_end,
  task_end,
  waker_clone,
  waker_wake,
  waker_wake_by_ref,
  waker_drop,
  timer_arm,
  timer_fire,
  timer_cancel,
  io_register,
  io_ready,
  park,
  unpark,
  select_drop,
  deadlock,
  budget_exhausted,
  coop_exhausted,
  // Multi-worker and embedded strategies (core/scheduler/).
  steal,           ///< A worker took tasks from another queue (`worker` thief, `ref` victim).
  queue_overflow,  ///< A full local queue moved tasks to the shared queue.
  search_begin,    ///< A worker with nothing to run started looking for work to steal.
  search_end,      ///< It stopped looking: it found work, or parks.
  batch_begin,     ///< An executor took the tasks queued so far as one batch.
  batch_end,
  pend,          ///< A wake asked the executor to run (embassy's pender).
  spawn_failed,  ///< A spawn found its task pool full (embassy's SpawnError::Busy).
  // Programs of the language (lang/).
  output,  ///< A task printed text (`println!`): `text`, on `stream` (detail), at file:line.
};

/// Why a task entered a run queue: spawned, woken, yielded, aborted; or moved there from
/// another queue by a steal, by a full queue's overflow, out of the LIFO slot because a newer
/// task took it, or because the coop budget of the polls run from the slot was spent. (Once a
/// worker has run 3 LIFO polls in a row, its next wakes go to the queue as plain wakes.)
enum class enqueue_reason : std::uint8_t {
  spawn,
  wake,
  yield,
  abort,
  steal,
  overflow,
  lifo_displaced,
  lifo_limit
};

/// Where a woken task waits to be polled: the run queue of a single-worker executor; the root's
/// "woken" flag, under strategies that poll the root future outside the queue (tokio's
/// block_on); the list of deferred yields, woken after the next driver poll (tokio's yield_now);
/// a worker's own queue; a worker's LIFO slot; tokio's shared inject queue; smol's global
/// queue; an embassy executor's queue of pool tasks.
enum class queue_kind : std::uint8_t { run, block_on, deferred, local, lifo, inject, global, pool };

/// Who called a waker: the task being polled, a timer firing, I/O readiness, or nobody inside.
enum class wake_source : std::uint8_t { outside, task, timer, io };

/// What one poll of a task returned.
enum class poll_result : std::uint8_t { pending, ready, failed };

/// What a wake did to its task.
enum class wake_effect : std::uint8_t { scheduled, already_scheduled, ended };

/// How a task ended.
enum class task_outcome : std::uint8_t { completed, cancelled, aborted, failed };

/// How a whole run ended.
/// `memory_exhausted`: the program held more than the runtime's memory limit (runaway spawns).
enum class run_outcome : std::uint8_t {
  completed,
  deadlock,
  budget_exhausted,
  failed,
  cancelled,
  memory_exhausted
};

/// The operation an I/O event is about.
enum class io_op : std::uint8_t { accept, connect, read, write };

/// Where a program's printed text goes: `println!`/`print!` or `eprintln!`.
enum class output_stream : std::uint8_t { out, err };

/// The last value of each enum that has names, for code that lists them all.
inline constexpr event_kind last_event_kind = event_kind::output;
inline constexpr enqueue_reason last_enqueue_reason = enqueue_reason::lifo_limit;
inline constexpr queue_kind last_queue_kind = queue_kind::pool;
inline constexpr run_outcome last_run_outcome = run_outcome::memory_exhausted;

/// A recorded event. Fields that do not apply to a kind stay zero; `arg` and `ref` mean
/// different things per kind (the event schema says which, schema.cpp).
struct trace_event {
  std::uint64_t seq = 0;    ///< Global order, from 1.
  std::uint64_t t = 0;      ///< Time in ns since the runtime started (virtual or real).
  std::uint64_t cause = 0;  ///< Seq of the event that caused this one, 0 if none.
  std::uint64_t arg = 0;    ///< Kind-specific number: deadline, budget, count, id.
  const char* file = nullptr;
  std::uint32_t line = 0;
  std::uint32_t task = 0;  ///< The task the event is about, 0 if none.
  std::uint32_t ref = 0;   ///< Kind-specific id: parent task, timer, waker source, I/O resource.
  std::uint32_t text = 0;  ///< Index into the recorder's string table, 0 if none.
  std::uint16_t worker = 0;
  event_kind kind = event_kind::runtime_start;
  std::uint8_t detail = 0;  ///< Kind-specific small enum: reason, result, source, outcome, op.
};

/// True for the queues that belong to one worker: their events name it.
constexpr bool owned_by_worker(queue_kind queue) {
  return queue == queue_kind::local || queue == queue_kind::lifo;
}

const char* to_string(event_kind kind);
const char* to_string(enqueue_reason reason);
const char* to_string(queue_kind queue);
const char* to_string(wake_source source);
const char* to_string(poll_result result);
const char* to_string(wake_effect effect);
const char* to_string(task_outcome outcome);
const char* to_string(run_outcome outcome);
const char* to_string(io_op op);

}  // namespace wakeline
