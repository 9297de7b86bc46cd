// The runtime's own part: setting up, spawning, the run loop in slices, the memory limit, the
// drivers (timers and I/O, the clock, parking) and shutdown. The task harness is in
// task/harness.cpp, the task waker in task/waker.cpp, timers in time/timer_driver.cpp.
#include "runtime.hpp"

#include <cassert>
#include <limits>

#include "scheduler/dispatch.hpp"
#include "scheduler/local.hpp"
#include "scheduler/runtime_hooks.hpp"

namespace wakeline {

namespace {

/// Makes a runtime the current one for a scope, and its memory account the one allocations
/// count against: while it runs a slice, or drops its tasks.
class current_runtime_scope {
 public:
  current_runtime_scope(runtime* rt, detail::memory_account* account)
      : previous_(std::exchange(detail::current_runtime, rt)), memory(account) {}
  ~current_runtime_scope() { detail::current_runtime = previous_; }
  current_runtime_scope(const current_runtime_scope&) = delete;
  current_runtime_scope& operator=(const current_runtime_scope&) = delete;

 private:
  runtime* previous_;

 public:
  detail::account_scope memory;  ///< Charges the scope's allocations to the runtime.
};

constexpr auto no_memory_limit = std::numeric_limits<std::int64_t>::max();

/// The limit as the account compares it: no limit is the largest figure.
std::int64_t signed_limit(std::uint64_t limit) {
  return limit == 0 || limit > static_cast<std::uint64_t>(no_memory_limit)
             ? no_memory_limit
             : static_cast<std::int64_t>(limit);
}

/// The figure of detail::thread_bytes past which a scope opened at `mark` takes an account that
/// held `held` over `limit`. Out of range means no limit in practice.
std::int64_t memory_threshold(std::int64_t limit, std::int64_t held, std::int64_t mark) {
  std::int64_t threshold = 0;
  if (limit == no_memory_limit || __builtin_sub_overflow(limit, held, &threshold) ||
      __builtin_add_overflow(threshold, mark, &threshold)) {
    return no_memory_limit;
  }
  return threshold;
}

}  // namespace

runtime::runtime(runtime_options options)
    : options_(options), memory_limit_(signed_limit(options.memory_limit)), trace_(options.trace) {
  scheduler_ = make_scheduler();
  if (options_.clock == clock_kind::virtual_time) {
    auto vc = std::make_unique<virtual_clock>();
    virtual_clock_ = vc.get();
    clock_ = std::move(vc);
  } else {
    clock_ = std::make_unique<real_clock>();
  }
}

runtime::~runtime() {
  if (started_ && !ended_) {
    // Dropped part-way through (a host stopped resuming it): cancel what is alive, as a run's
    // end would, so every destructor runs with this runtime current.
    current_runtime_scope scope(this, &memory_);
    memory_mark_ = scope.memory.mark();
    shutdown();
  }
  detail::account_scope scope(&memory_);  // The root's cell was counted at `start`.
  if (root_ != nullptr) release_task(root_);
  assert(live_.empty());
}

std::unique_ptr<detail::scheduler> runtime::make_scheduler() {
  // `local` is built here, as its own type: its hot steps are then called without a virtual
  // call (scheduler/dispatch.hpp).
  if (options_.strategy.kind == strategy_kind::local) {
    auto local = std::make_unique<detail::local_scheduler>(detail::runtime_hooks(*this));
    local_ = local.get();
    return local;
  }
  return detail::make_scheduler(detail::runtime_hooks(*this), options_.strategy);
}

std::uint64_t runtime::memory_in_use() const {
  std::int64_t held = memory_.held;
  // While it runs, what this slice allocated is still in the thread's figure.
  if (detail::current_runtime == this) held += detail::thread_bytes - memory_mark_;
  return held > 0 ? static_cast<std::uint64_t>(held) : 0;
}

runtime& runtime::current() {
  if (detail::current_runtime == nullptr) {
    throw std::logic_error("wakeline: no runtime is running on this thread (use block_on)");
  }
  return *detail::current_runtime;
}

bool runtime::may_spawn(const source_location& where) { return scheduler_->may_spawn(where); }

void runtime::register_task(detail::task_header* task, std::string_view name,
                            source_location where) {
  task->owner = this;
  task->id = ++last_task_id_;
  task->refs = 1;  // The live list's reference, released when the task ends.
  live_.push_back(task);
  std::uint32_t parent = current_task_ != nullptr ? current_task_->id : 0;
  std::uint64_t seq = emit({.cause = actor_.cause,
                            .file = where.file,
                            .line = where.line,
                            .task = task->id,
                            .ref = parent,
                            .text = trace_.intern(name),
                            .kind = event_kind::task_spawn});
  task->state |= detail::task_scheduled;
  schedule(task, enqueue_reason::spawn, seq, false);
}

void runtime::refuse_spawn(detail::task_header* task, std::string_view name,
                           source_location where) {
  // Like embassy's poisoned SpawnToken: no task exists, so no id, no task_spawn and no
  // task_end; only the join handle learns of the failure. The future is dropped unpolled.
  task->owner = this;
  task->refs = 0;  // The join handle's reference will be the only one.
  task->state = detail::task_ended;
  task->outcome = task_outcome::failed;
  const std::uint64_t pool = options_.strategy.pool_size;
  task->error = std::make_exception_ptr(
      spawn_error("spawn failed: pool of " + std::to_string(pool) + " is full (SpawnError::Busy)"));
  emit({.cause = actor_.cause,
        .arg = pool,
        .file = where.file,
        .line = where.line,
        .ref = current_task_ != nullptr ? current_task_->id : 0,
        .text = trace_.intern(name),
        .kind = event_kind::spawn_failed});
  task->vtable->drop_future(task);
}

void runtime::start_root(detail::task_header* root, std::string_view name, source_location where) {
  if (started_) {
    delete root;
    throw std::logic_error("wakeline: a runtime runs one root future");
  }
  started_ = true;
  emit({.kind = event_kind::runtime_start, .detail = static_cast<std::uint8_t>(options_.clock)});
  root_ = root;  // Before its spawn, which queues it as the strategy queues the root.
  register_task(root, name, where);
  retain_task(root);  // Held until the runtime goes, so its output and error can be read.
}

bool runtime::resume(std::uint64_t max_steps) {
  if (!started_) throw std::logic_error("wakeline: resume before start");
  if (ended_) return true;
  current_runtime_scope scope(this, &memory_);
  memory_mark_ = scope.memory.mark();
  memory_threshold_ = cancel_requested_
                          ? std::numeric_limits<std::int64_t>::min()
                          : memory_threshold(memory_limit_, memory_.held, memory_mark_);
  for (std::uint64_t step = 0; step < max_steps; ++step) {
    if (std::optional<run_outcome> outcome = run_step()) {
      outcome_ = *outcome;
      finish_run();
      return true;
    }
  }
  return false;
}

std::optional<run_outcome> runtime::run_step() {
  if (root_->state & detail::task_ended) {
    return root_->outcome == task_outcome::completed ? run_outcome::completed : run_outcome::failed;
  }
  // One comparison for two reasons to stop: a cancel sets the threshold to its lowest. Memory is
  // checked between steps, never in the allocator: a step that crosses the limit completes,
  // and the run ends cleanly before the next one.
  if (detail::thread_bytes > memory_threshold_) [[unlikely]] {
    return cancel_requested_ ? run_outcome::cancelled : run_outcome::memory_exhausted;
  }
  if (trace_.enabled() && trace_.event_count() >= options_.event_budget) {
    emit({.arg = options_.event_budget, .kind = event_kind::budget_exhausted});
    return run_outcome::budget_exhausted;
  }
  return local_ != nullptr ? local_->step() : scheduler_->step();
}

void runtime::finish_run() {
  shutdown();
  emit({.arg = trace_.event_count() + 1,
        .kind = event_kind::runtime_end,
        .detail = static_cast<std::uint8_t>(outcome_)});
  ended_ = true;
}

void runtime::yield_task(context& cx) {
  if (current_task_ == nullptr) {
    cx.waker().wake_by_ref();
    return;
  }
  current_task_->next_reason = enqueue_reason::yield;
  scheduler_->yield(cx);
}

void runtime::advance_clock(std::uint64_t ns) {
  if (virtual_clock_ != nullptr && ns > virtual_clock_->now_ns()) virtual_clock_->advance_to(ns);
}

std::optional<std::uint64_t> runtime::next_deadline() const {
  std::optional<std::uint64_t> next = timers_.next_deadline();
  if (auto t = reactor_.next_delivery(); t && (!next || *t < *next)) next = *t;
  return next;
}

bool runtime::drive(bool may_park) {
  if (may_park) {
    std::optional<std::uint64_t> next = next_deadline();
    if (!next && !reactor_.has_real_operations()) return false;
    std::uint64_t now = now_ns();
    std::uint64_t park = emit({.arg = next.value_or(0),
                               .kind = event_kind::park,
                               .detail = static_cast<std::uint8_t>(next.has_value())});
    if (virtual_clock_ != nullptr) {
      if (next) virtual_clock_->advance_to(*next);
    } else {
      std::optional<std::uint64_t> timeout;
      if (next) timeout = *next > now ? *next - now : 0;
      reactor_.wait_real(timeout);
    }
    actor_scope driver(
        *this, {wake_source::outside, 0, emit({.cause = park, .kind = event_kind::unpark})});
    timers_.fire_due(now_ns());
    reactor_.deliver_due(now_ns());
    return true;
  }
  if (virtual_clock_ == nullptr) reactor_.poll_real();
  timers_.fire_due(now_ns());
  reactor_.deliver_due(now_ns());
  return true;
}

std::optional<run_outcome> runtime::park_or_deadlock() {
  if (drive(true)) return std::nullopt;
  report_deadlock();
  return run_outcome::deadlock;
}

void runtime::report_deadlock() {
  std::vector<stuck_task> stuck;
  live_.for_each([&stuck](const detail::task_header* t) {
    stuck.push_back({t->id, t->suspended_at.file, t->suspended_at.line, t->wakers});
  });
  if (trace_.enabled()) {
    emit({.arg = trace_.add_deadlock(std::move(stuck)), .kind = event_kind::deadlock});
  }
}

void runtime::shutdown() {
  shutting_down_ = true;
  scheduler_->drain();
  while (!live_.empty()) end_task(live_.front(), task_outcome::cancelled, {});
}

}  // namespace wakeline
