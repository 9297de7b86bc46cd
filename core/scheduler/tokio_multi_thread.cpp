#include "tokio_multi_thread.hpp"

#include <algorithm>
#include <limits>

#include "../context.hpp"
#include "../detail/splitmix64.hpp"

namespace wakeline::detail {

namespace {

// tokio 1.29's self-tuning: aim for a look at the inject queue every 200 µs of polling, and
// between 2 and 127 polls apart (MAX_TASKS_POLLED_PER_GLOBAL_QUEUE_INTERVAL).
constexpr std::uint64_t target_global_queue_interval_ns = 200'000;
constexpr std::uint64_t max_tuned_interval = 127;
constexpr std::uint64_t min_tuned_interval = 2;

}  // namespace

tokio_multi_thread_scheduler::tokio_multi_thread_scheduler(runtime_hooks rt)
    : worker_pool(rt, rt.strategy().workers), workers_(rt.strategy().workers) {
  for (std::size_t w = 0; w < workers_.size(); ++w) {
    workers_[w].rng = 0x5eed0000 + w;
    workers_[w].lifo_enabled = rt_.strategy().lifo_slot != 0;
  }
  unparked_ = workers_.size();
}

// --- Queues ---------------------------------------------------------------------------------

void tokio_multi_thread_scheduler::schedule(task_header* task, enqueue_reason reason,
                                            std::uint64_t cause, bool after_own_poll) {
  if (schedule_root(task, reason, cause)) return;
  rt_.retain_task(task);  // The queue's reference.
  if (acting() != no_worker) {
    // A task woken during its own poll is yielded back (`yield_now` in tokio's harness); a
    // deferred yield's wake is an ordinary wake.
    schedule_local(static_cast<std::uint16_t>(acting()), task, reason, cause, after_own_poll);
    return;
  }
  push_inject(task, reason, cause);
  notify_parked();
}

void tokio_multi_thread_scheduler::schedule_local(std::uint16_t w, task_header* task,
                                                  enqueue_reason reason, std::uint64_t cause,
                                                  bool is_yield) {
  worker& me = workers_[w];
  bool should_notify = true;
  if (is_yield || !me.lifo_enabled) {
    push_back(w, task, reason, cause);
  } else {
    task_header* displaced = std::exchange(me.lifo, task);
    should_notify = displaced != nullptr;
    if (displaced != nullptr) push_back(w, displaced, enqueue_reason::lifo_displaced, cause);
    rt_.record_enqueue(task, reason, cause, queue_kind::lifo, 1, w);
  }
  // A driver firing timers for a parked worker holds notifications back until it returns.
  if (should_notify && !acting_in_park()) notify_parked();
}

void tokio_multi_thread_scheduler::push_back(std::uint16_t w, task_header* task,
                                             enqueue_reason reason, std::uint64_t cause) {
  worker& me = workers_[w];
  const std::uint64_t capacity = rt_.strategy().local_queue_capacity;
  if (me.queue.size() < capacity) {
    me.queue.push_back(task);
    rt_.record_enqueue(task, reason, cause, queue_kind::local, me.queue.size(), w);
    return;
  }
  // push_overflow: the older half of the queue and the new task move to the inject queue.
  const std::uint64_t moved = capacity / 2;
  std::uint64_t overflow =
      rt_.emit_on(w, {.cause = cause, .arg = moved + 1, .kind = event_kind::queue_overflow});
  for (std::uint64_t i = 0; i < moved; ++i) {
    task_header* t = me.queue.front();
    me.queue.pop_front();
    push_inject(t, enqueue_reason::overflow, overflow);
  }
  push_inject(task, enqueue_reason::overflow, overflow);
}

void tokio_multi_thread_scheduler::push_inject(task_header* task, enqueue_reason reason,
                                               std::uint64_t cause) {
  inject_.push_back(task);
  rt_.record_enqueue(task, reason, cause, queue_kind::inject, inject_.size());
}

void tokio_multi_thread_scheduler::notify_parked() {
  // `worker_to_notify`: a searching worker will find the work and wake the next one itself.
  if (searching_ != 0 || unparked_ >= workers_.size() || sleepers_.empty()) return;
  std::uint16_t w = sleepers_.back();
  sleepers_.pop_back();
  ++unparked_;
  ++searching_;
  wake_searching(w);
}

void tokio_multi_thread_scheduler::notify_if_work_pending() {
  bool pending = !inject_.empty();
  for (const worker& other : workers_) pending = pending || !other.queue.empty();
  if (pending) notify_parked();
}

void tokio_multi_thread_scheduler::wake_searching(std::uint16_t w) {
  unpark(w);  // A worker woken by its own driver may notify itself; it is awake already.
  workers_[w].searching = true;
  rt_.emit_on(w, {.kind = event_kind::search_begin});
}

void tokio_multi_thread_scheduler::stop_searching(std::uint16_t w) {
  worker& me = workers_[w];
  if (!me.searching) return;
  me.searching = false;
  --searching_;
  rt_.emit_on(w, {.kind = event_kind::search_end});
}

std::uint64_t tokio_multi_thread_scheduler::global_queue_interval(const worker& me) const {
  if (rt_.strategy().self_tuning == 0) return rt_.strategy().global_queue_interval;
  if (me.poll_time_avg == 0) return max_tuned_interval;
  return std::clamp(target_global_queue_interval_ns / me.poll_time_avg, min_tuned_interval,
                    max_tuned_interval);
}

// --- The loop -------------------------------------------------------------------------------

bool tokio_multi_thread_scheduler::driver_free() const {
  for (std::size_t w = 0; w < worker_count(); ++w) {
    if (parked_on_driver(static_cast<std::uint16_t>(w))) return false;
  }
  return true;
}

void tokio_multi_thread_scheduler::act(std::uint16_t w) {
  worker& me = workers_[w];
  if (me.in_run_task) {
    continue_run_task(w);
    if (me.in_run_task) return;  // It began a LIFO poll.
  }
  ++me.tick;
  if (me.tick % rt_.strategy().event_interval == 0) look_at_driver(w, driver_free());
  std::uint64_t depth = 0;
  if (task_header* task = next_task(w, depth)) {
    run_task(w, task, depth);
    return;
  }
  if (task_header* task = steal_work(w, depth)) {
    run_task(w, task, depth);
    return;
  }
  if (!me.deferred.empty()) {
    look_at_driver(w, driver_free());
    return;
  }
  park_worker(w);
}

// The loop of `run_task` after a poll: the LIFO slot's task runs next while the budget lasts.
void tokio_multi_thread_scheduler::continue_run_task(std::uint16_t w) {
  worker& me = workers_[w];
  const strategy_config& config = rt_.strategy();
  task_header* task = std::exchange(me.lifo, nullptr);
  if (task != nullptr && config.coop_budget != 0 && me.coop_left == 0) {
    push_back(w, task, enqueue_reason::lifo_limit, task->enqueue_cause);
    task = nullptr;
  }
  if (task == nullptr) {
    me.in_run_task = false;
    me.lifo_enabled = config.lifo_slot != 0;
    return;
  }
  if (++me.lifo_polls >= config.max_lifo_polls) me.lifo_enabled = false;
  begin(w, task, me.queue.size(),
        config.coop_budget != 0 ? std::optional(me.coop_left) : std::nullopt);
}

void tokio_multi_thread_scheduler::run_task(std::uint16_t w, task_header* task,
                                            std::uint64_t depth) {
  worker& me = workers_[w];
  if (me.searching) {
    stop_searching(w);
    if (searching_ == 0) notify_parked();  // The last searcher found work: wake another.
  }
  me.in_run_task = true;
  me.lifo_polls = 0;
  begin(w, task, depth, std::nullopt);
}

void tokio_multi_thread_scheduler::poll_ended(std::uint16_t w, const poll_in_flight& poll) {
  worker& me = workers_[w];
  me.coop_left = poll.coop_left;
  me.poll_time_avg = (poll.cost_ns + 9 * me.poll_time_avg) / 10;
}

task_header* tokio_multi_thread_scheduler::next_task(std::uint16_t w, std::uint64_t& depth) {
  worker& me = workers_[w];
  auto from_inject = [this, &depth]() -> task_header* {
    if (inject_.empty()) return nullptr;
    task_header* task = inject_.front();
    inject_.pop_front();
    depth = inject_.size();
    return task;
  };
  auto from_local = [&me, &depth]() -> task_header* {
    if (task_header* task = std::exchange(me.lifo, nullptr)) {
      depth = me.queue.size();
      return task;
    }
    if (me.queue.empty()) return nullptr;
    task_header* task = me.queue.front();
    me.queue.pop_front();
    depth = me.queue.size();
    return task;
  };
  if (me.tick % global_queue_interval(me) == 0) {
    if (task_header* task = from_inject()) return task;
    return from_local();
  }
  if (task_header* task = from_local()) return task;
  return from_inject();
}

task_header* tokio_multi_thread_scheduler::steal_work(std::uint16_t w, std::uint64_t& depth) {
  worker& me = workers_[w];
  if (!me.searching) {
    if (2 * searching_ >= workers_.size()) return nullptr;  // Half the workers search already.
    ++searching_;
    me.searching = true;
    rt_.emit_on(w, {.kind = event_kind::search_begin});
  }
  const std::uint64_t capacity = rt_.strategy().local_queue_capacity;
  const std::size_t n = workers_.size();
  const std::size_t start = splitmix64(me.rng) % n;
  // A thief whose own queue is more than half full steals nothing (`steal_into`).
  for (std::size_t i = 0; i < n && me.queue.size() <= capacity / 2; ++i) {
    std::size_t v = (start + i) % n;
    worker& victim = workers_[v];
    if (v == w || victim.queue.empty()) continue;
    std::uint64_t count = victim.queue.size() - victim.queue.size() / 2;
    std::uint64_t steal = rt_.emit_on(w, {.arg = count,
                                          .ref = static_cast<std::uint32_t>(v),
                                          .kind = event_kind::steal,
                                          .detail = static_cast<std::uint8_t>(queue_kind::local)});
    // The last task taken runs now; the others join the thief's queue in order.
    for (std::uint64_t k = 0; k + 1 < count; ++k) {
      task_header* t = victim.queue.front();
      victim.queue.pop_front();
      me.queue.push_back(t);
      rt_.record_enqueue(t, enqueue_reason::steal, steal, queue_kind::local, me.queue.size(), w);
    }
    task_header* task = victim.queue.front();
    victim.queue.pop_front();
    task->enqueue_cause = steal;
    depth = me.queue.size();
    return task;
  }
  if (inject_.empty()) return nullptr;
  task_header* task = inject_.front();
  inject_.pop_front();
  depth = inject_.size();
  return task;
}

void tokio_multi_thread_scheduler::park_worker(std::uint16_t w) {
  worker& me = workers_[w];
  if (me.lifo != nullptr || !me.queue.empty()) return;  // Work to do first.
  bool was_searching = me.searching;
  stop_searching(w);
  --unparked_;
  sleepers_.push_back(w);
  park(w);
  // The last searcher to park looks at every queue once more.
  if (was_searching && searching_ == 0) notify_if_work_pending();
}

void tokio_multi_thread_scheduler::look_at_driver(std::uint16_t w, bool fire_timers) {
  // `park_timeout` with a zero timeout: timers fire if this worker gets the driver, then the
  // deferred yields wake; both land in this worker's LIFO slot and queue.
  worker& me = workers_[w];
  in_park_routine(w, [this, &me, fire_timers] {
    if (fire_timers) rt_.drive(false);
    me.deferred.wake(rt_);
  });
  if (!me.searching && !me.queue.empty()) notify_parked();
}

void tokio_multi_thread_scheduler::driver_deadline(std::uint16_t w) {
  worker& me = workers_[w];
  look_at_driver(w, true);
  // `transition_from_parked`.
  auto sleeping = std::find(sleepers_.begin(), sleepers_.end(), w);
  if (me.lifo != nullptr) {
    // Woken by its own driver with a task in its slot, it runs it without searching (unless a
    // notification picked it meanwhile and made it a searcher).
    if (sleeping != sleepers_.end()) {
      sleepers_.erase(sleeping);
      ++unparked_;
    }
    return;
  }
  if (sleeping == sleepers_.end()) return;  // Notified meanwhile: it wakes searching.
  park(w);                                  // Nothing for it: back to sleep on the driver.
}

void tokio_multi_thread_scheduler::yield(context& cx) {
  if (acting() == no_worker) {
    cx.waker().wake_by_ref();
    return;
  }
  worker& me = workers_[static_cast<std::size_t>(acting())];
  me.deferred.defer(rt_, cx);
}

void tokio_multi_thread_scheduler::drain() {
  finish_polls_in_flight();
  for (worker& me : workers_) {
    me.deferred.clear();
    if (task_header* task = std::exchange(me.lifo, nullptr)) rt_.release_queued(task);
    for (task_header* task : me.queue) rt_.release_queued(task);
    me.queue.clear();
  }
  for (task_header* task : inject_) rt_.release_queued(task);
  inject_.clear();
}

}  // namespace wakeline::detail
