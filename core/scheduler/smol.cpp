#include "smol.hpp"

#include <algorithm>

#include "../detail/splitmix64.hpp"

namespace wakeline::detail {

namespace {

// `Runner::runnable`: every 64 tasks found, a share of the global queue moves to the local one.
constexpr std::uint64_t global_steal_interval = 64;

}  // namespace

smol_scheduler::smol_scheduler(runtime_hooks rt)
    : worker_pool(rt, rt.strategy().workers), workers_(rt.strategy().workers) {
  for (std::size_t w = 0; w < workers_.size(); ++w) workers_[w].rng = 0x5e01000 + w;
}

void smol_scheduler::schedule(task_header* task, enqueue_reason reason, std::uint64_t cause,
                              bool /*after_own_poll*/) {
  if (schedule_root(task, reason, cause)) return;
  rt_.retain_task(task);  // The queue's reference.
  global_.push_back(task);
  rt_.record_enqueue(task, reason, cause, queue_kind::global, global_.size());
  notify();
}

void smol_scheduler::notify() {
  if (notified_ != no_worker || sleepers_.empty()) return;
  std::uint16_t w = sleepers_.back();
  sleepers_.pop_back();
  notified_ = w;
  unpark(w);
}

void smol_scheduler::act(std::uint16_t w) {
  worker& me = workers_[w];
  if (notified_ == w) notified_ = no_worker;
  if (me.run_polls == rt_.strategy().polls_per_yield) {
    // The `run` loop yields; its block_on looks at timers and I/O before polling it again.
    me.run_polls = 0;
    bool driver_free = true;
    for (std::size_t v = 0; v < worker_count(); ++v) {
      driver_free = driver_free && !parked_on_driver(static_cast<std::uint16_t>(v));
    }
    if (driver_free) in_park_routine(w, [this] { rt_.drive(false); });
    return;
  }
  std::uint64_t depth = 0;
  task_header* task = find_task(w, depth);
  if (task == nullptr) {
    sleepers_.push_back(w);
    park(w);
    return;
  }
  notify();  // Another worker picks up where this one leaves off.
  if (++me.ticks % global_steal_interval == 0) steal(w, global_, queue_kind::global, no_worker);
  ++me.run_polls;
  begin(w, task, depth);
}

task_header* smol_scheduler::find_task(std::uint16_t w, std::uint64_t& depth) {
  worker& me = workers_[w];
  auto pop_local = [&me, &depth]() -> task_header* {
    if (me.local.empty()) return nullptr;
    task_header* task = me.local.front();
    me.local.pop_front();
    depth = me.local.size();
    return task;
  };
  if (task_header* task = pop_local()) return task;
  if (!global_.empty()) {
    task_header* task = global_.front();
    global_.pop_front();
    steal(w, global_, queue_kind::global, no_worker);
    depth = me.local.size();
    return task;
  }
  const std::size_t n = workers_.size();
  const std::size_t start = splitmix64(me.rng) % n;
  for (std::size_t i = 0; i < n; ++i) {
    std::size_t v = (start + i) % n;
    if (v == w) continue;
    steal(w, workers_[v].local, queue_kind::local, static_cast<int>(v));
    if (task_header* task = pop_local()) return task;
  }
  return nullptr;
}

void smol_scheduler::steal(std::uint16_t w, std::deque<task_header*>& from, queue_kind kind,
                           int victim) {
  worker& me = workers_[w];
  std::uint64_t count = (from.size() + 1) / 2;
  count = std::min<std::uint64_t>(count, rt_.strategy().local_queue_capacity - me.local.size());
  if (count == 0) return;
  std::uint64_t seq =
      rt_.emit_on(w, {.arg = count,
                      .ref = victim == no_worker ? 0 : static_cast<std::uint32_t>(victim),
                      .kind = event_kind::steal,
                      .detail = static_cast<std::uint8_t>(kind)});
  for (std::uint64_t i = 0; i < count; ++i) {
    task_header* task = from.front();
    from.pop_front();
    me.local.push_back(task);
    rt_.record_enqueue(task, enqueue_reason::steal, seq, queue_kind::local, me.local.size(), w);
  }
}

void smol_scheduler::driver_deadline(std::uint16_t w) {
  in_park_routine(w, [this] { rt_.drive(false); });
  // Woken by its reactor, the worker searches again; a wake has notified it if it found work.
  auto sleeping = std::find(sleepers_.begin(), sleepers_.end(), w);
  if (sleeping != sleepers_.end()) sleepers_.erase(sleeping);
}

void smol_scheduler::drain() {
  finish_polls_in_flight();
  for (worker& me : workers_) {
    for (task_header* task : me.local) rt_.release_queued(task);
    me.local.clear();
  }
  for (task_header* task : global_) rt_.release_queued(task);
  global_.clear();
}

}  // namespace wakeline::detail
