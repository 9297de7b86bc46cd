#include "runtime.hpp"

#include <cassert>
#include <limits>

#include "scheduler/local.hpp"

namespace wakeline {

namespace {

constexpr std::uint64_t ns_per_tick = 1'000'000;  // The timer wheel's 1 ms resolution.

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

detail::task_header* as_task(const void* data) {
  return static_cast<detail::task_header*>(const_cast<void*>(data));
}

raw_waker task_clone(const void* data) {
  as_task(data)->owner->on_waker_clone(as_task(data));
  return raw_waker{data, &detail::task_waker_vtable};
}
void task_wake(const void* data) { as_task(data)->owner->on_waker_wake(as_task(data), false); }
void task_wake_by_ref(const void* data) {
  as_task(data)->owner->on_waker_wake(as_task(data), true);
}
void task_drop(const void* data) { as_task(data)->owner->on_waker_drop(as_task(data)); }

raw_waker noop_clone(const void*);
void noop(const void*) {}
constexpr raw_waker_vtable noop_vtable{&noop_clone, &noop, &noop, &noop};
raw_waker noop_clone(const void*) { return raw_waker{nullptr, &noop_vtable}; }

std::string describe(const std::exception_ptr& error) {
  try {
    std::rethrow_exception(error);
  } catch (const std::exception& e) {
    return e.what();
  } catch (...) {
    return "unknown exception";
  }
}

/// The task a waker wakes, or 0 when it is not a task's waker.
std::uint32_t task_of(const waker& w) {
  if (w.as_raw().vtable != &detail::task_waker_vtable) return 0;
  return as_task(w.as_raw().data)->id;
}

}  // namespace

namespace detail {
const raw_waker_vtable task_waker_vtable{&task_clone, &task_wake, &task_wake_by_ref, &task_drop};
constinit thread_local source_location suspend_point;
}  // namespace detail

waker noop_waker() { return waker::from_raw(raw_waker{nullptr, &noop_vtable}); }

runtime::runtime(runtime_options options)
    : options_(options), memory_limit_(signed_limit(options.memory_limit)), trace_(options.trace) {
  scheduler_ = detail::make_scheduler(*this, options_.strategy);
  local_ = dynamic_cast<detail::local_scheduler*>(scheduler_.get());
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
  assert(live_ == nullptr);
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

void runtime::register_task(detail::task_header* task, std::string_view name,
                            source_location where) {
  task->owner = this;
  task->id = ++last_task_id_;
  task->refs = 1;  // The live list's reference, released when the task ends.
  task->prev_live = live_tail_;
  if (live_tail_ != nullptr)
    live_tail_->next_live = task;
  else
    live_ = task;
  live_tail_ = task;
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

bool runtime::begin_poll(detail::poll_in_flight& poll, detail::task_header* task,
                         std::uint64_t depth, bool queued,
                         std::optional<std::uint64_t> coop_budget) {
  task->state &= ~detail::task_scheduled;
  if (task->state & (detail::task_ended | detail::task_closed)) {
    if (!(task->state & detail::task_ended)) end_task(task, task_outcome::aborted, {});
    if (queued) release_task(task);
    return false;
  }
  task->state |= detail::task_running;
  current_task_ = task;
  coop_counted_ = options_.strategy.coop_budget != 0;
  coop_left_ = coop_budget.value_or(options_.strategy.coop_budget);
  poll_extra_cost_ns_ = 0;
  poll.task = task;
  poll.queued = queued;
  poll.worker = worker_;
  poll.begin_seq = emit({.cause = task->enqueue_cause,
                         .arg = depth,
                         .task = task->id,
                         .kind = event_kind::poll_begin});
  actor saved = exchange_actor({wake_source::task, task->id, poll.begin_seq});
  detail::suspend_point = {};

  // The task's own waker, borrowed for the poll: no reference is taken, so none is dropped.
  waker borrowed = waker::from_raw(raw_waker{task, &detail::task_waker_vtable});
  poll.done = false;
  {
    context cx(borrowed);
    try {
      poll.done = task->vtable->poll(task, cx);
    } catch (...) {
      task->error = std::current_exception();
    }
  }
  (void)std::move(borrowed).into_raw();
  if (!poll.done && !task->error) task->suspended_at = detail::suspend_point;
  actor_ = saved;
  current_task_ = nullptr;
  coop_counted_ = false;
  poll.coop_left = coop_left_;
  // Real polls take their own time: the cost model is for virtual time.
  poll.cost_ns =
      virtual_clock_ != nullptr ? options_.strategy.poll_cost_ns + poll_extra_cost_ns_ : 0;
  return true;
}

void runtime::end_poll(const detail::poll_in_flight& poll) {
  detail::task_header* task = poll.task;
  std::uint16_t saved_worker = std::exchange(worker_, poll.worker);
  task->state &= ~detail::task_running;
  const bool pending = !task->error && !poll.done;
  emit({.cause = poll.begin_seq,
        .file = pending ? task->suspended_at.file : nullptr,
        .line = pending ? task->suspended_at.line : 0,
        .task = task->id,
        .kind = event_kind::poll_end,
        .detail = static_cast<std::uint8_t>(task->error ? poll_result::failed
                                            : poll.done ? poll_result::ready
                                                        : poll_result::pending)});
  if (!pending || (task->state & detail::task_closed)) {
    // The future goes: its destructors' wakes and drops are the task's, caused by its poll.
    actor saved = exchange_actor({wake_source::task, task->id, poll.begin_seq});
    current_task_ = task;
    if (task->error) {
      end_task(task, task_outcome::failed, describe(task->error));
    } else {
      end_task(task, poll.done ? task_outcome::completed : task_outcome::aborted, {});
    }
    actor_ = saved;
    current_task_ = nullptr;
  } else if (task->state & detail::task_scheduled) {
    // Woken during its own poll (a yield, or a wake from a future it polled).
    schedule(task, task->next_reason, task->enqueue_cause, true);
  }
  worker_ = saved_worker;
  if (poll.queued) release_task(task);  // The queue's reference.
}

// Flattened: the two halves and the requeue in one body, as this is every single-worker poll.
[[gnu::flatten]] void runtime::poll_now(detail::task_header* task, std::uint64_t depth,
                                        bool queued) {
  detail::poll_in_flight poll;
  if (!begin_poll(poll, task, depth, queued)) return;
  if (poll.cost_ns != 0) advance_clock(now_ns() + poll.cost_ns);
  end_poll(poll);
}

void runtime::schedule(detail::task_header* task, enqueue_reason reason, std::uint64_t cause,
                       bool after_own_poll) {
  if (local_ != nullptr) {
    local_->schedule(task, reason, cause, after_own_poll);
  } else {
    scheduler_->schedule(task, reason, cause, after_own_poll);
  }
}

void runtime::release_queued(detail::task_header* task) {
  task->state &= ~detail::task_scheduled;
  release_task(task);
}

void runtime::advance_clock(std::uint64_t ns) {
  if (virtual_clock_ != nullptr && ns > virtual_clock_->now_ns()) virtual_clock_->advance_to(ns);
}

void runtime::end_task(detail::task_header* task, task_outcome outcome, std::string_view message) {
  if (task->state & detail::task_ended) return;
  task->state |= detail::task_ended;
  task->outcome = outcome;
  ++task->refs;  // Keep the task alive while its future's destructors run.
  // Destructors may wake others (a dropped mutex guard) or cancel timers: attribute to the task.
  detail::task_header* saved_task = std::exchange(current_task_, task);
  actor saved = exchange_actor({wake_source::task, task->id, actor_.cause});
  task->vtable->drop_future(task);
  std::uint64_t seq = emit({.cause = actor_.cause,
                            .task = task->id,
                            .text = trace_.intern(message),
                            .kind = event_kind::task_end,
                            .detail = static_cast<std::uint8_t>(outcome)});
  scheduler_->task_ended(task);
  if (task->prev_live != nullptr)
    task->prev_live->next_live = task->next_live;
  else
    live_ = task->next_live;
  if (task->next_live != nullptr)
    task->next_live->prev_live = task->prev_live;
  else
    live_tail_ = task->prev_live;
  task->prev_live = task->next_live = nullptr;
  if (task->join_waiter) {
    actor_.cause = seq;
    waker w = std::move(*task->join_waiter);
    task->join_waiter.reset();
    std::move(w).wake();
  }
  actor_ = saved;
  current_task_ = saved_task;
  release_task(task);  // The live list's reference.
  release_task(task);  // The one taken above.
}

void runtime::release_task(detail::task_header* task) {
  assert(task->refs > 0);
  if (--task->refs == 0) task->vtable->dealloc(task);
}

void runtime::abort_task(detail::task_header* task) {
  if (task->state & (detail::task_ended | detail::task_closed)) return;
  task->state |= detail::task_closed;
  if (task->state & (detail::task_scheduled | detail::task_running)) return;
  if (shutting_down_) return;
  task->state |= detail::task_scheduled;
  schedule(task, enqueue_reason::abort, actor_.cause, false);
}

void runtime::yield_task(context& cx) {
  if (current_task_ == nullptr) {
    cx.waker().wake_by_ref();
    return;
  }
  current_task_->next_reason = enqueue_reason::yield;
  scheduler_->yield(cx);
}

bool runtime::coop_exhausted(context& cx) {
  emit({.cause = actor_.cause,
        .arg = options_.strategy.coop_budget,
        .task = current_task_ != nullptr ? current_task_->id : 0,
        .kind = event_kind::coop_exhausted});
  cx.waker().wake_by_ref();
  return false;
}

void runtime::on_waker_clone(detail::task_header* task) {
  ++task->refs;
  ++task->wakers;
  emit({.cause = actor_.cause,
        .task = task->id,
        .ref = actor_.id,
        .kind = event_kind::waker_clone,
        .detail = static_cast<std::uint8_t>(actor_.source)});
}

void runtime::on_waker_drop(detail::task_header* task) {
  emit({.cause = actor_.cause,
        .task = task->id,
        .ref = actor_.id,
        .kind = event_kind::waker_drop,
        .detail = static_cast<std::uint8_t>(actor_.source)});
  --task->wakers;
  release_task(task);
}

// Flattened like poll_now: a wake and the enqueue it causes are one body.
[[gnu::flatten]] void runtime::on_waker_wake(detail::task_header* task, bool by_ref) {
  wake_effect effect = wake_effect::scheduled;
  if (task->state & detail::task_ended) {
    effect = wake_effect::ended;
  } else if (task->state & detail::task_scheduled) {
    effect = wake_effect::already_scheduled;
  }
  std::uint64_t seq = emit({.cause = actor_.cause,
                            .arg = static_cast<std::uint64_t>(effect),
                            .task = task->id,
                            .ref = actor_.id,
                            .kind = by_ref ? event_kind::waker_wake_by_ref : event_kind::waker_wake,
                            .detail = static_cast<std::uint8_t>(actor_.source)});
  if (effect == wake_effect::scheduled && !shutting_down_) {
    task->state |= detail::task_scheduled;
    if (task->state & detail::task_running) {
      task->enqueue_cause = seq;  // Queued when its poll returns.
    } else {
      schedule(task, task->next_reason, seq, false);
    }
  }
  if (!by_ref) {
    --task->wakers;
    release_task(task);
  }
}

std::pair<timer_handle, bool> runtime::arm_timer(std::uint64_t deadline_ns, const waker& w,
                                                 source_location where) {
  std::uint64_t tick = (deadline_ns + ns_per_tick - 1) / ns_per_tick;
  timer_handle h{wheel_.allocate(), ++last_timer_id_};
  timer_slot& slot = wheel_.payload(h.node);
  slot.id = h.id;
  std::uint64_t seq = emit({.cause = actor_.cause,
                            .arg = tick * ns_per_tick,
                            .file = where.file,
                            .line = where.line,
                            .task = task_of(w),
                            .ref = h.id,
                            .kind = event_kind::timer_arm});
  if (!wheel_.insert(h.node, tick)) {
    slot.fired = true;
    emit({.cause = seq, .task = task_of(w), .ref = h.id, .kind = event_kind::timer_fire});
    return {h, true};
  }
  slot.waiter = w;
  return {h, false};
}

bool runtime::timer_fired(const timer_handle& h) const { return wheel_.payload(h.node).fired; }

void runtime::update_timer_waker(const timer_handle& h, const waker& w) {
  timer_slot& slot = wheel_.payload(h.node);
  if (slot.fired) return;
  if (!slot.waiter || !slot.waiter->will_wake(w)) slot.waiter = w;
}

void runtime::release_timer(const timer_handle& h) {
  timer_slot& slot = wheel_.payload(h.node);
  if (wheel_.queued(h.node)) {
    wheel_.remove(h.node);
    emit({.cause = actor_.cause,
          .task = slot.waiter ? task_of(*slot.waiter) : 0,
          .ref = slot.id,
          .kind = event_kind::timer_cancel});
  }
  slot.waiter.reset();
  wheel_.release(h.node);
}

void runtime::fire_due_timers() {
  std::uint64_t now_tick = now_ns() / ns_per_tick;
  while (auto node = wheel_.poll(now_tick)) {
    timer_slot& slot = wheel_.payload(*node);
    slot.fired = true;
    std::optional<waker> w = std::move(slot.waiter);
    slot.waiter.reset();
    std::uint64_t seq = emit({.cause = actor_.cause,
                              .task = w ? task_of(*w) : 0,
                              .ref = slot.id,
                              .kind = event_kind::timer_fire});
    actor saved = exchange_actor({wake_source::timer, slot.id, seq});
    if (w) std::move(*w).wake();
    actor_ = saved;
  }
}

std::optional<std::uint64_t> runtime::next_deadline() const {
  std::optional<std::uint64_t> next;
  if (auto tick = wheel_.next_expiration()) next = *tick * ns_per_tick;
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
    actor saved = exchange_actor(
        {wake_source::outside, 0, emit({.cause = park, .kind = event_kind::unpark})});
    fire_due_timers();
    reactor_.deliver_due(now_ns());
    actor_ = saved;
    return true;
  }
  if (virtual_clock_ == nullptr) reactor_.poll_real();
  fire_due_timers();
  reactor_.deliver_due(now_ns());
  return true;
}

void runtime::report_deadlock() {
  std::vector<stuck_task> stuck;
  for (detail::task_header* t = live_; t != nullptr; t = t->next_live) {
    stuck.push_back({t->id, t->suspended_at.file, t->suspended_at.line, t->wakers});
  }
  if (trace_.enabled()) {
    emit({.arg = trace_.add_deadlock(std::move(stuck)), .kind = event_kind::deadlock});
  }
}

void runtime::shutdown() {
  shutting_down_ = true;
  scheduler_->drain();
  while (live_ != nullptr) end_task(live_, task_outcome::cancelled, {});
}

}  // namespace wakeline
