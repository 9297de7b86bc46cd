// The type-erased task: a header the executor works with, and a typed cell that holds the future
// and, once it completes, its output. Same split as async-task's `raw.rs` (header + vtable).
//
// Task lifecycle. Numbers are the trace events each transition records.
//
//            (1) task_spawn + task_enqueue(spawn)
//   spawn ─────────────────────────────────────────> SCHEDULED
//                                                     │  (2) poll_begin
//                                                     v
//            (4) task_enqueue(wake|yield)  <───────  RUNNING  ───(5) poll_end(ready)──> COMPLETED
//        ┌──────────── SCHEDULED                      │                                    │
//        │                                            │ (3) poll_end(pending)              │ (6)
//        task_end │                                            v v └──(4) waker_wake +
//        task_enqueue(wake) ─── IDLE                                 ENDED
//
//   abort(): CLOSED is set and the task is scheduled once more; when the executor pops it, the
//   future is dropped instead of polled and task_end(aborted) is recorded. At shutdown, every
//   task that has not ended has its future dropped: task_end(cancelled).
#pragma once

#include <cstdint>
#include <exception>
#include <optional>
#include <string>

#include "../await_point.hpp"
#include "../future.hpp"
#include "../trace/event.hpp"
#include "../waker.hpp"
#include "frame_pool.hpp"

namespace wakeline {
class runtime;
}

namespace wakeline::detail {

/// In a run queue, or woken while running (then re-queued when the poll returns).
inline constexpr std::uint8_t task_scheduled = 1u << 0;
/// Being polled right now. Never set together with `task_ended`.
inline constexpr std::uint8_t task_running = 1u << 1;
/// The future is gone (completed, failed, aborted or cancelled); task_end was recorded.
inline constexpr std::uint8_t task_ended = 1u << 2;
/// abort() was called: the next time the executor pops the task it drops the future.
inline constexpr std::uint8_t task_closed = 1u << 3;

struct task_header;

/// The operations that depend on the future's type.
struct task_vtable {
  /// Polls the future once; on completion stores the output and returns true.
  bool (*poll)(task_header* task, context& cx);
  /// Destroys the future (after completion, or to cancel it).
  void (*drop_future)(task_header* task);
  /// Destroys the whole cell, including an output never taken.
  void (*dealloc)(task_header* task);
};

/// What every task has, whatever its future.
struct task_header {
  const task_vtable* vtable = nullptr;
  runtime* owner = nullptr;
  task_header* next_in_queue = nullptr;  ///< Intrusive link of the run queue.
  task_header* prev_live = nullptr;      ///< Intrusive links of the runtime's live-task list.
  task_header* next_live = nullptr;
  std::uint32_t id = 0;
  // Three bytes side by side: with them, a task cell of an `async` fits a 128-byte block.
  std::uint8_t state = 0;  ///< task_scheduled | task_running | task_ended | task_closed.
  enqueue_reason next_reason = enqueue_reason::wake;
  task_outcome outcome = task_outcome::completed;
  std::uint32_t refs = 0;    ///< Live list + run queue + join handle + wakers.
  std::uint32_t wakers = 0;  ///< Waker clones alive; 0 while pending means nobody can wake it.
  std::uint64_t enqueue_cause = 0;   ///< Seq of the wake that scheduled the task.
  await_point suspended_at;          ///< Innermost await point of the last pending poll.
  std::optional<waker> join_waiter;  ///< The task awaiting the join handle, if any.
  std::exception_ptr error;          ///< Why the task failed, for the join handle.
};

/// The part of a task that its join handle reads: the output, whatever the future's type.
template <class Output>
struct task_cell_output : task_header {
  std::optional<Output> output;
};

/// A task whose future has type `F`.
template <class F, class Output>
struct task_cell final : task_cell_output<Output> {
  union {
    F future;
  };

  explicit task_cell(F&& f) : future(std::move(f)) { this->vtable = &table; }
  ~task_cell() {}

  // One cell per spawn, freed when the last reference goes: recycle them. The cell of an async
  // function is built in its frame's block instead (task_room.hpp).
  static void* operator new(std::size_t size) { return frame_pool::allocate(size); }
  static void operator delete(void* cell, std::size_t size) noexcept {
    frame_pool::deallocate(cell, size);
  }

  static bool poll_impl(task_header* task, context& cx) {
    auto* self = static_cast<task_cell*>(task);
    auto value = poll_value(self->future, cx);
    if (!value) return false;
    self->output.emplace(std::move(*value));
    return true;
  }
  static void drop_future_impl(task_header* task) { static_cast<task_cell*>(task)->future.~F(); }
  static void dealloc_impl(task_header* task) { delete static_cast<task_cell*>(task); }

  static constexpr task_vtable table{&poll_impl, &drop_future_impl, &dealloc_impl};
};

}  // namespace wakeline::detail
