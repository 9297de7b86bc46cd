// The runtime: tasks, wakers, a timer wheel, a reactor and the trace recorder, driven by one
// loop whose scheduling decisions belong to a strategy (core/scheduler/). Under `local`:
//
//   loop:
//     pop a task from the run queue and poll it      (poll_begin / poll_end)
//     when the queue is empty, park until the next   (park / unpark)
//       timer deadline or I/O readiness, fire what    (timer_fire, io_ready -> waker_wake
//       is due, and the wakes refill the queue         -> task_enqueue)
//     stop when the root future completes, nothing can ever run again (deadlock), the
//     event budget is spent, or the program holds more memory than its limit
//
// Several workers are simulated on one thread, in virtual time: everything here is
// single-threaded. Futures reach their runtime through `runtime::current()`, like tokio's
// thread-local context.
//
// Where each part lives, named as Tokio names its own:
//   runtime.cpp            spawning, the run loop in slices, the memory limit, parking, shutdown
//   task/harness.cpp       the two halves of a poll and the end of a task (task/harness.rs)
//   task/waker.cpp         the task waker's vtable and what it records (task/waker.rs)
//   task/owned_tasks.hpp   the tasks alive (task/list.rs)
//   time/timer_driver.cpp  timers on the wheel (time/driver)
//   scheduler/             the strategies; they see the runtime through runtime_hooks.hpp
// The public interface serves programs and resources; schedulers get their own.
#pragma once

#include <cassert>
#include <cstdint>
#include <exception>
#include <limits>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "detail/memory_account.hpp"
#include "detail/task.hpp"
#include "detail/task_room.hpp"
#include "future.hpp"
#include "io/reactor.hpp"
#include "source_location.hpp"
#include "strategy.hpp"
#include "task/harness.hpp"
#include "task/owned_tasks.hpp"
#include "time/clock.hpp"
#include "time/timer_driver.hpp"
#include "trace/recorder.hpp"

namespace wakeline {

namespace detail {
class local_scheduler;
class runtime_hooks;
class scheduler;
struct task_waker_ops;
}  // namespace detail

/// How a runtime is set up.
struct runtime_options {
  clock_kind clock = clock_kind::virtual_time;
  /// Which scheduler's rules to follow, with its settings (core/strategy.hpp).
  strategy_config strategy = strategy_kind::local;
  /// Record events. Off, recording is one branch and the event budget does not apply.
  bool trace = true;
  /// The run ends with outcome `budget_exhausted` once this many events are recorded.
  std::uint64_t event_budget = 1'000'000;
  /// The run ends with outcome `memory_exhausted` at its first step after the program holds
  /// more than this many bytes: coroutine frames, task cells and the recorded trace. Allocation
  /// itself never fails because of it. 0 (or the maximum) means no limit.
  std::uint64_t memory_limit = default_memory_limit;

  /// 256 MiB: far above any example that ends, well below what a browser tab gives a module.
  static constexpr std::uint64_t default_memory_limit = std::uint64_t{256} << 20;
};

/// Thrown by `block_on` when the root future did not complete: deadlock, budget or memory.
class run_error : public std::runtime_error {
 public:
  run_error(run_outcome outcome, const std::string& what)
      : std::runtime_error(what), outcome_(outcome) {}
  run_outcome outcome() const { return outcome_; }

 private:
  run_outcome outcome_;
};

/// What awaiting the join handle of a spawn that found its task pool full throws (embassy's
/// `SpawnError::Busy`): the task was never created.
class spawn_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Who is running right now: the source recorded with every wake.
struct actor {
  wake_source source = wake_source::outside;
  std::uint32_t id = 0;     ///< Task id, timer id or I/O resource id.
  std::uint64_t cause = 0;  ///< Seq of the event that started this activity.
};

class runtime {
 public:
  explicit runtime(runtime_options options = {});
  ~runtime();
  runtime(const runtime&) = delete;
  runtime& operator=(const runtime&) = delete;

  // For programs: run a root future, spawn tasks, stop, and read how the run went.

  /// The runtime running on this thread; throws std::logic_error outside `block_on`.
  static runtime& current();
  /// The runtime running on this thread, or nullptr.
  static runtime* try_current();  // Defined below: inline, resources ask on every poll.

  /// Runs `f` as the root task ("main") until it completes, then cancels the tasks still alive.
  /// Returns its output; rethrows its exception; throws run_error on deadlock or budget.
  /// A runtime runs one root future in its life.
  template <future F>
  output_t<F> block_on(F f, std::string_view name = "main",
                       source_location where = source_location::current());

  /// Spawns `f` as the root task without running anything; `resume` then runs the program in
  /// slices. For hosts that must get control back now and then, like a browser's event loop.
  template <future F>
  void start(F f, std::string_view name = "main",
             source_location where = source_location::current());

  /// Runs at most `max_steps` steps (a step polls one task, or parks until the next timer or I/O)
  /// of the program begun by `start`. Returns true once the run has ended; `outcome()` says how.
  /// The trace of a run is the same whatever slices it was run in.
  bool resume(std::uint64_t max_steps);

  /// True once the run has ended.
  bool ended() const { return ended_; }

  /// The exception the root task failed with, or null.
  std::exception_ptr root_error() const { return root_ != nullptr ? root_->error : nullptr; }

  /// Spawns `f` as a new task on this runtime. Prefer the free function `wakeline::spawn`.
  /// When the strategy refuses the spawn (a full pool), the task comes back already ended,
  /// failed with a spawn_error, and owned by nobody yet: give it to a join_handle at once.
  template <future F>
  detail::task_header* spawn_task(F f, std::string_view name, source_location where);

  /// Asks the run to stop before its next poll; it ends with outcome `cancelled`.
  void request_cancel() {
    cancel_requested_ = true;
    memory_threshold_ = std::numeric_limits<std::int64_t>::min();  // Seen at the next step.
  }

  /// The bytes the program holds now (frames, task cells, trace), as the memory limit counts
  /// them. Blocks made before the run (the root future's frame) are not counted.
  std::uint64_t memory_in_use() const;

  /// How the run ended; `completed` before it ends.
  run_outcome outcome() const { return outcome_; }
  trace_recorder& trace() { return trace_; }
  const trace_recorder& trace() const { return trace_; }
  const runtime_options& options() const { return options_; }
  /// The strategy's settings.
  const strategy_config& strategy() const { return options_.strategy; }
  /// Whose rules the primitives follow under this strategy (core/strategy.hpp).
  primitive_flavour primitives() const { return primitives_of(options_.strategy.kind); }

  // For resources (timers, channels, I/O, select, join handles): the poll in progress, the
  // drivers, and the events they record.

  /// The virtual clock is read directly (it is final): every traced event reads the time.
  std::uint64_t now_ns() const {
    return virtual_clock_ != nullptr ? virtual_clock_->now_ns() : clock_->now_ns();
  }
  /// The time as the code of the poll in progress reads it: the clock plus the CPU work
  /// (`busy`) that poll has done so far, as Tokio's clock moves on while a task computes.
  /// Deadlines counted from now and `Instant::now()` read this; events are stamped with
  /// now_ns(), at the poll's beginning (a multi-worker trace stays in time order).
  std::uint64_t code_now_ns() const {
    const bool computing = current_task_ != nullptr && virtual_clock_ != nullptr;
    return now_ns() + (computing ? poll_extra_cost_ns_ : 0);
  }
  wakeline::reactor& reactor() { return reactor_; }
  wakeline::timer_driver& timers() { return timers_; }

  /// The task being polled, or nullptr.
  detail::task_header* current_task() const { return current_task_; }
  /// Who a wake made right now would be attributed to; `actor_scope` changes it for a scope.
  const actor& current_actor() const { return actor_; }

  /// Records an event at the current time on the current worker. Returns its seq. Always
  /// inlined, so that with the trace off the event is never even built.
  [[gnu::always_inline]] std::uint64_t emit(const trace_event& e) {
    if (!trace_.enabled()) return 0;
    return record_now(e, worker_);
  }

  /// Gives other tasks a turn (`yield_now`): under `local` the task is queued again at once;
  /// under tokio's rules its wake is deferred until after the next driver poll.
  void yield_task(context& cx);

  /// Adds `ns` of virtual time to the poll in progress: the task computes (`wakeline::busy`).
  void add_poll_cost(std::uint64_t ns) { poll_extra_cost_ns_ += ns; }

  /// Cooperative scheduling (tokio's coop): a resource about to complete asks first. False
  /// means the task's budget for this poll is spent: the task has been woken, and the resource
  /// must return pending. Strategies without a budget always say true.
  bool coop_poll_proceed(context& cx) {
    if (!coop_counted_ || coop_left_ != 0) [[likely]]
      return true;
    return coop_exhausted(cx);
  }

  /// Spends one unit of the budget; call when the resource completes.
  void coop_made_progress() {
    if (coop_counted_) --coop_left_;  // Not 0: coop_poll_proceed said yes.
  }

  /// True while the poll in progress may still complete a resource operation (tokio's
  /// `coop::has_budget_remaining`, runtime/coop.rs:106-110).
  bool coop_has_budget() const { return !coop_counted_ || coop_left_ != 0; }

  /// Runs `f` with no budget counted, then puts the budget back as it was (tokio's
  /// `coop::with_unconstrained`, runtime/coop.rs:74-100).
  template <class F>
  decltype(auto) coop_unconstrained(F&& f) {
    struct restore {
      runtime& rt;
      bool counted;
      ~restore() { rt.coop_counted_ = counted; }
    } restored{*this, std::exchange(coop_counted_, false)};
    return std::forward<F>(f)();
  }

  // Task operations used by join_handle (the harness, core/task/harness.cpp).
  void abort_task(detail::task_header* task);
  void retain_task(detail::task_header* task) { ++task->refs; }
  void release_task(detail::task_header* task) {
    assert(task->refs > 0);
    if (--task->refs == 0) task->vtable->dealloc(task);
  }

 private:
  // Schedulers reach the runtime through their hooks (scheduler/runtime_hooks.hpp), the
  // task waker through its vtable (task/waker.cpp), and an actor scope sets who runs.
  friend class detail::runtime_hooks;
  friend struct detail::task_waker_ops;
  friend class actor_scope;

  /// Stamps `e` with the current time and `worker`, and records it.
  std::uint64_t record_now(trace_event e, std::uint16_t worker) {
    e.t = now_ns();
    e.worker = worker;
    return trace_.record(e);
  }

  // Spawning and the run loop (runtime.cpp).
  bool may_spawn(const source_location& where);
  void register_task(detail::task_header* task, std::string_view name, source_location where);
  void refuse_spawn(detail::task_header* task, std::string_view name, source_location where);
  void start_root(detail::task_header* root, std::string_view name, source_location where);
  std::unique_ptr<detail::scheduler> make_scheduler();
  std::optional<run_outcome> run_step();
  void finish_run();
  void shutdown();

  // The harness (task/harness.cpp): a poll's two halves, the end of a task.
  bool begin_poll(detail::poll_in_flight& poll, detail::task_header* task, std::uint64_t depth,
                  bool queued, std::optional<std::uint64_t> coop_budget = std::nullopt);
  void end_poll(const detail::poll_in_flight& poll);
  void poll_now(detail::task_header* task, std::uint64_t depth, bool queued);
  void end_task(detail::task_header* task, task_outcome outcome, std::string_view message);
  bool coop_exhausted(context& cx);
  /// Hands a runnable task to the scheduler (scheduler/dispatch.hpp).
  void schedule(detail::task_header* task, enqueue_reason reason, std::uint64_t cause,
                bool after_own_poll);

  // The task waker (task/waker.cpp).
  void on_waker_clone(detail::task_header* task);
  void on_waker_wake(detail::task_header* task, bool by_ref);
  void on_waker_drop(detail::task_header* task);

  // The drivers (runtime.cpp): timers and I/O, the clock, and parking.
  bool drive(bool may_park);
  std::optional<std::uint64_t> next_deadline() const;
  void advance_clock(std::uint64_t ns);
  std::optional<run_outcome> park_or_deadlock();
  void report_deadlock();

  runtime_options options_;
  /// What the program holds: frames, task cells, the trace (detail/memory_account.hpp).
  detail::memory_account memory_;
  /// The limit as a signed figure; "none" is the largest.
  std::int64_t memory_limit_;
  /// detail::thread_bytes when the slice in progress began, and the figure past which the
  /// program is over its limit: checking is one comparison per step.
  std::int64_t memory_mark_ = 0;
  std::int64_t memory_threshold_ = 0;
  trace_recorder trace_;
  std::unique_ptr<clock> clock_;
  virtual_clock* virtual_clock_ = nullptr;  ///< Same object as clock_ when time is virtual.
  wakeline::timer_driver timers_{*this};
  wakeline::reactor reactor_;

  std::unique_ptr<detail::scheduler> scheduler_;
  /// The same object as scheduler_ under the `local` strategy, else null: its hot steps are
  /// called without a virtual call (scheduler/local.hpp).
  detail::local_scheduler* local_ = nullptr;
  std::uint16_t worker_ = 0;
  detail::owned_tasks live_;  ///< Tasks whose future has not ended.
  std::uint32_t last_task_id_ = 0;
  detail::task_header* current_task_ = nullptr;
  actor actor_;
  run_outcome outcome_ = run_outcome::completed;
  detail::task_header* root_ = nullptr;  ///< Held from `start` until the runtime is destroyed.
  bool started_ = false;
  bool ended_ = false;
  bool shutting_down_ = false;
  bool cancel_requested_ = false;
  std::uint64_t coop_left_ = 0;  ///< Budget left in this poll; unlimited when not counted.
  bool coop_counted_ = false;
  std::uint64_t poll_extra_cost_ns_ = 0;  ///< `busy` time declared by the poll in progress.
};

/// Who runs for the length of a scope: the wakes made in it are attributed to `who` (a timer
/// firing, I/O readiness, the driver, a task's drop); who ran before is restored at its end.
class actor_scope {
 public:
  actor_scope(runtime& rt, actor who) : rt_(rt), saved_(std::exchange(rt.actor_, who)) {}
  ~actor_scope() { rt_.actor_ = saved_; }
  actor_scope(const actor_scope&) = delete;
  actor_scope& operator=(const actor_scope&) = delete;

 private:
  runtime& rt_;
  actor saved_;
};

namespace detail {
/// The runtime running on this thread, set while it runs a slice or drops its tasks.
inline thread_local runtime* current_runtime = nullptr;

}  // namespace detail

template <future F>
detail::task_header* runtime::spawn_task(F f, std::string_view name, source_location where) {
  using cell = detail::task_cell<F, value_t<F>>;
  cell* task = nullptr;
  if constexpr (detail::has_task_room<F>) {
    if (void* frame = f.frame()) task = detail::task_room<cell>::build_cell(frame, std::move(f));
  }
  if (task == nullptr) task = new cell(std::move(f));
  if (may_spawn(where)) {
    register_task(task, name, where);
  } else {
    refuse_spawn(task, name, where);
  }
  return task;
}

inline runtime* runtime::try_current() { return detail::current_runtime; }

namespace detail {
/// The root task's operations: its cell's, except that its future is dropped outside any memory
/// account. The host built it before the run, so its frame was never counted; its free must not
/// be taken off either, or a completed run would not balance to zero. Other tasks pay nothing.
template <class F, class Output>
struct root_task {
  using cell = task_cell<F, Output>;
  static void drop_future(task_header* task) {
    account_scope uncounted(nullptr);
    cell::drop_future_impl(task);
  }
  static constexpr task_vtable table{&cell::poll_impl, &drop_future, &cell::dealloc_impl};
};
}  // namespace detail

template <future F>
void runtime::start(F f, std::string_view name, source_location where) {
  // The root's cell and the first events are the program's too.
  detail::account_scope scope(&memory_);
  auto* root = new detail::task_cell<F, value_t<F>>(std::move(f));
  root->vtable = &detail::root_task<F, value_t<F>>::table;
  start_root(root, name, where);
}

template <future F>
output_t<F> runtime::block_on(F f, std::string_view name, source_location where) {
  start(std::move(f), name, where);
  resume(std::numeric_limits<std::uint64_t>::max());
  if (outcome_ == run_outcome::deadlock) throw run_error(outcome_, "wakeline: deadlock");
  if (outcome_ == run_outcome::budget_exhausted)
    throw run_error(outcome_, "wakeline: event budget exhausted");
  if (outcome_ == run_outcome::memory_exhausted)
    throw run_error(outcome_, "wakeline: memory limit exceeded");
  if (root_->error) std::rethrow_exception(root_->error);
  if constexpr (!std::is_void_v<output_t<F>>) {
    return std::move(*static_cast<detail::task_cell<F, value_t<F>>*>(root_)->output);
  }
}

}  // namespace wakeline
