#include "tokio_multi_thread.hpp"

#include <algorithm>
#include <limits>

#include "../context.hpp"
#include "../runtime.hpp"

namespace wakeline::detail {

namespace {

// tokio 1.29's self-tuning: aim for a look at the inject queue every 200 µs of polling, and
// between 2 and 127 polls apart (MAX_TASKS_POLLED_PER_GLOBAL_QUEUE_INTERVAL).
constexpr std::uint64_t target_global_queue_interval_ns = 200'000;
constexpr std::uint64_t max_tuned_interval = 127;
constexpr std::uint64_t min_tuned_interval = 2;

std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

}  // namespace

tokio_multi_thread_scheduler::tokio_multi_thread_scheduler(runtime& rt)
    : scheduler(rt), workers_(rt.strategy().workers) {
  for (std::size_t w = 0; w < workers_.size(); ++w) {
    workers_[w].rng = 0x5eed0000 + w;
    workers_[w].lifo_enabled = rt_.strategy().lifo_slot != 0;
  }
  unparked_ = workers_.size();
}

// --- Queues ---------------------------------------------------------------------------------

void tokio_multi_thread_scheduler::schedule(task_header* task, enqueue_reason reason,
                                            std::uint64_t cause, bool after_own_poll) {
  if (task == rt_.root_task()) {
    // The block_on future is polled by its own thread, which a wake unparks.
    root_woken_ = true;
    rt_.record_enqueue(task, reason, cause, queue_kind::block_on, 0);
    return;
  }
  rt_.retain_task(task);  // The queue's reference.
  if (acting_ != no_worker) {
    // A task woken during its own poll is yielded back (`yield_now` in tokio's harness); a
    // deferred yield's wake is an ordinary wake.
    schedule_local(static_cast<std::uint16_t>(acting_), task, reason, cause, after_own_poll);
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
  if (should_notify && !acting_in_park_) notify_parked();
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
  std::uint64_t overflow = rt_.emit_on(w, {.cause = cause,
                                           .arg = moved + 1,
                                           .kind = event_kind::queue_overflow});
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
  unpark(w, true);
}

void tokio_multi_thread_scheduler::notify_if_work_pending() {
  bool pending = !inject_.empty();
  for (const worker& other : workers_) pending = pending || !other.queue.empty();
  if (pending) notify_parked();
}

void tokio_multi_thread_scheduler::unpark(std::uint16_t w, bool searching) {
  worker& me = workers_[w];
  // A worker woken by its own driver may notify itself; it is awake already.
  if (me.state == phase::parked) rt_.emit_on(w, {.cause = me.park_seq, .kind = event_kind::unpark});
  me.state = phase::active;
  if (driver_owner_ == w) driver_owner_ = no_worker;
  me.searching = searching;
  if (searching) rt_.emit_on(w, {.kind = event_kind::search_begin});
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

std::optional<run_outcome> tokio_multi_thread_scheduler::step() {
  const std::uint64_t now = rt_.now_ns();
  // Polls whose time is up end first, the earliest first, then the lowest worker.
  int due = no_worker;
  for (std::size_t w = 0; w < workers_.size(); ++w) {
    const worker& me = workers_[w];
    if (me.state == phase::running && me.busy_until <= now &&
        (due == no_worker || me.busy_until < workers_[due].busy_until)) {
      due = static_cast<int>(w);
    }
  }
  if (root_running_ && root_busy_until_ <= now &&
      (due == no_worker || root_busy_until_ <= workers_[due].busy_until)) {
    root_running_ = false;
    acting_ = no_worker;
    rt_.end_poll(root_poll_);
    return std::nullopt;
  }
  if (due != no_worker) {
    finish(static_cast<std::uint16_t>(due));
    return std::nullopt;
  }
  if (root_woken_ && !root_running_) {
    poll_root();
    return std::nullopt;
  }
  // Workers ready now take turns.
  for (std::size_t i = 0; i < workers_.size(); ++i) {
    auto w = static_cast<std::uint16_t>((next_actor_ + i) % workers_.size());
    if (workers_[w].state != phase::active) continue;
    next_actor_ = static_cast<std::uint16_t>((w + 1) % workers_.size());
    act(w);
    return std::nullopt;
  }
  // Nobody can act now: time moves to the next poll's end or the driver's next deadline.
  std::optional<std::uint64_t> poll_end;
  for (const worker& me : workers_) {
    if (me.state == phase::running && (!poll_end || me.busy_until < *poll_end)) {
      poll_end = me.busy_until;
    }
  }
  if (root_running_ && (!poll_end || root_busy_until_ < *poll_end)) poll_end = root_busy_until_;
  if (driver_owner_ == no_worker && !poll_end && sleepers_.size() == workers_.size()) {
    // Every worker asleep: the last to park took the driver, unless a guard is needed here.
    driver_owner_ = sleepers_.front();
  }
  std::optional<std::uint64_t> deadline;
  if (driver_owner_ != no_worker) deadline = rt_.next_deadline();
  if (poll_end && (!deadline || *poll_end <= *deadline)) {
    rt_.advance_clock(*poll_end);
    return std::nullopt;
  }
  if (deadline) {
    rt_.advance_clock(*deadline);
    wake_driver_owner();
    return std::nullopt;
  }
  rt_.report_deadlock();
  return run_outcome::deadlock;
}

void tokio_multi_thread_scheduler::poll_root() {
  root_woken_ = false;
  acting_ = no_worker;
  rt_.set_worker(static_cast<std::uint16_t>(workers_.size()));
  std::optional<poll_in_flight> poll = rt_.begin_poll(rt_.root_task(), 0, false);
  rt_.set_worker(0);
  if (!poll) return;
  if (poll->cost_ns == 0) {
    rt_.end_poll(*poll);
    return;
  }
  root_poll_ = *poll;
  root_running_ = true;
  root_busy_until_ = rt_.now_ns() + poll->cost_ns;
}

void tokio_multi_thread_scheduler::act(std::uint16_t w) {
  worker& me = workers_[w];
  if (me.in_run_task) {
    continue_run_task(w);
    if (me.in_run_task) return;  // It began a LIFO poll.
  }
  ++me.tick;
  if (me.tick % rt_.strategy().event_interval == 0) look_at_driver(w, driver_owner_ == no_worker);
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
    look_at_driver(w, driver_owner_ == no_worker);
    return;
  }
  park(w);
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
  begin(w, task, me.queue.size(), config.coop_budget != 0 ? std::optional(me.coop_left) : std::nullopt);
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

void tokio_multi_thread_scheduler::begin(std::uint16_t w, task_header* task, std::uint64_t depth,
                                         std::optional<std::uint64_t> coop_budget) {
  worker& me = workers_[w];
  acting_ = w;
  rt_.set_worker(w);
  std::optional<poll_in_flight> poll = rt_.begin_poll(task, depth, true, coop_budget);
  rt_.set_worker(0);
  acting_ = no_worker;
  if (!poll) return;
  me.poll = *poll;
  me.state = phase::running;
  me.busy_until = rt_.now_ns() + poll->cost_ns;
  if (poll->cost_ns == 0) finish(w);
}

void tokio_multi_thread_scheduler::finish(std::uint16_t w) {
  worker& me = workers_[w];
  me.state = phase::active;
  me.coop_left = me.poll.coop_left;
  me.poll_time_avg = (me.poll.cost_ns + 9 * me.poll_time_avg) / 10;
  acting_ = w;
  rt_.end_poll(me.poll);
  acting_ = no_worker;
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

void tokio_multi_thread_scheduler::park(std::uint16_t w) {
  worker& me = workers_[w];
  if (me.lifo != nullptr || !me.queue.empty()) return;  // Work to do first.
  bool was_searching = me.searching;
  stop_searching(w);
  --unparked_;
  sleepers_.push_back(w);
  me.state = phase::parked;
  std::optional<std::uint64_t> until;
  if (driver_owner_ == no_worker) {
    driver_owner_ = w;
    until = rt_.next_deadline();
  }
  me.park_seq = rt_.emit_on(w, {.arg = until.value_or(0),
                                .kind = event_kind::park,
                                .detail = static_cast<std::uint8_t>(until.has_value())});
  // The last searcher to park looks at every queue once more.
  if (was_searching && searching_ == 0) notify_if_work_pending();
}

void tokio_multi_thread_scheduler::look_at_driver(std::uint16_t w, bool fire_timers) {
  // `park_timeout` with a zero timeout: timers fire if this worker gets the driver, then the
  // deferred yields wake; both land in this worker's LIFO slot and queue.
  worker& me = workers_[w];
  acting_ = w;
  acting_in_park_ = true;
  rt_.set_worker(w);
  if (fire_timers) rt_.drive(false);
  std::vector<waker> due = std::exchange(me.deferred, {});
  actor saved = rt_.exchange_actor({wake_source::outside, 0, rt_.current_actor().cause});
  for (waker& d : due) std::move(d).wake();
  rt_.exchange_actor(saved);
  rt_.set_worker(0);
  acting_in_park_ = false;
  acting_ = no_worker;
  if (!me.searching && !me.queue.empty()) notify_parked();
}

void tokio_multi_thread_scheduler::wake_driver_owner() {
  auto w = static_cast<std::uint16_t>(driver_owner_);
  worker& me = workers_[w];
  driver_owner_ = no_worker;
  me.state = phase::active;
  rt_.emit_on(w, {.cause = me.park_seq, .kind = event_kind::unpark});
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
  // Nothing for it: back to sleep on the driver.
  me.state = phase::parked;
  driver_owner_ = w;
  std::optional<std::uint64_t> until = rt_.next_deadline();
  me.park_seq = rt_.emit_on(w, {.arg = until.value_or(0),
                                .kind = event_kind::park,
                                .detail = static_cast<std::uint8_t>(until.has_value())});
}

void tokio_multi_thread_scheduler::yield(context& cx) {
  if (acting_ == no_worker) {
    cx.waker().wake_by_ref();
    return;
  }
  worker& me = workers_[static_cast<std::size_t>(acting_)];
  me.deferred.push_back(cx.waker());
  rt_.emit({.cause = rt_.current_actor().cause,
            .arg = me.deferred.size(),
            .task = rt_.current_task()->id,
            .ref = static_cast<std::uint32_t>(queue_kind::deferred),
            .kind = event_kind::task_enqueue,
            .detail = static_cast<std::uint8_t>(enqueue_reason::yield)});
}

void tokio_multi_thread_scheduler::drain() {
  // Polls still running end first, in time order, as the workers finish them before stopping.
  for (;;) {
    int next = no_worker;
    for (std::size_t w = 0; w < workers_.size(); ++w) {
      if (workers_[w].state == phase::running &&
          (next == no_worker || workers_[w].busy_until < workers_[next].busy_until)) {
        next = static_cast<int>(w);
      }
    }
    if (next == no_worker) break;
    rt_.advance_clock(workers_[next].busy_until);
    finish(static_cast<std::uint16_t>(next));
  }
  if (root_running_) {
    root_running_ = false;
    rt_.advance_clock(root_busy_until_);
    rt_.end_poll(root_poll_);
  }
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
