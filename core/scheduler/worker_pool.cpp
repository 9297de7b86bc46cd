#include "worker_pool.hpp"

namespace wakeline::detail {

worker_pool::worker_pool(runtime_hooks rt, std::size_t workers) : scheduler(rt), slots_(workers) {}

void worker_pool::poll_ended(std::uint16_t, const poll_in_flight&) {}

bool worker_pool::schedule_root(task_header* task, enqueue_reason reason, std::uint64_t cause) {
  if (task != rt_.root_task()) return false;
  // The block_on future is polled by its own thread, which a wake unparks.
  root_woken_ = true;
  rt_.record_enqueue(task, reason, cause, queue_kind::block_on, 0);
  return true;
}

std::optional<run_outcome> worker_pool::step() {
  const std::uint64_t now = rt_.now_ns();
  int due = no_worker;
  for (std::size_t w = 0; w < slots_.size(); ++w) {
    const slot& s = slots_[w];
    if (s.state == phase::running && s.busy_until <= now &&
        (due == no_worker || s.busy_until < slots_[due].busy_until)) {
      due = static_cast<int>(w);
    }
  }
  if (root_running_ && root_busy_until_ <= now &&
      (due == no_worker || root_busy_until_ <= slots_[due].busy_until)) {
    finish_root();
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
  for (std::size_t i = 0; i < slots_.size(); ++i) {
    auto w = static_cast<std::uint16_t>((next_actor_ + i) % slots_.size());
    if (slots_[w].state != phase::active) continue;
    next_actor_ = static_cast<std::uint16_t>((w + 1) % slots_.size());
    act(w);
    return std::nullopt;
  }
  // Nobody can act now: time moves to the next poll's end or the driver's next deadline.
  std::optional<std::uint64_t> poll_end;
  for (const slot& s : slots_) {
    if (s.state == phase::running && (!poll_end || s.busy_until < *poll_end))
      poll_end = s.busy_until;
  }
  if (root_running_ && (!poll_end || root_busy_until_ < *poll_end)) poll_end = root_busy_until_;
  if (driver_owner_ == no_worker && !poll_end) {
    // Every worker asleep: one of them sleeps on the driver (the first to park took it; this
    // only guards the simulation against losing it).
    for (std::size_t w = 0; w < slots_.size() && driver_owner_ == no_worker; ++w) {
      if (slots_[w].state == phase::parked) driver_owner_ = static_cast<int>(w);
    }
  }
  std::optional<std::uint64_t> deadline;
  if (driver_owner_ != no_worker) deadline = rt_.next_deadline();
  if (poll_end && (!deadline || *poll_end <= *deadline)) {
    rt_.advance_clock(*poll_end);
    return std::nullopt;
  }
  if (deadline) {
    rt_.advance_clock(*deadline);
    auto w = static_cast<std::uint16_t>(driver_owner_);
    driver_owner_ = no_worker;
    slots_[w].state = phase::active;
    rt_.emit_on(w, {.cause = slots_[w].park_seq, .kind = event_kind::unpark});
    driver_deadline(w);
    return std::nullopt;
  }
  rt_.report_deadlock();
  return run_outcome::deadlock;
}

void worker_pool::begin(std::uint16_t w, task_header* task, std::uint64_t depth,
                        std::optional<std::uint64_t> coop_budget) {
  slot& s = slots_[w];
  acting_ = w;
  rt_.set_worker(w);
  bool polled = rt_.begin_poll(s.poll, task, depth, true, coop_budget);
  rt_.set_worker(0);
  acting_ = no_worker;
  if (!polled) return;
  s.state = phase::running;
  s.busy_until = rt_.now_ns() + s.poll.cost_ns;
  if (s.poll.cost_ns == 0) finish(w);
}

void worker_pool::finish(std::uint16_t w) {
  slot& s = slots_[w];
  s.state = phase::active;
  acting_ = w;
  rt_.end_poll(s.poll);
  acting_ = no_worker;
  poll_ended(w, s.poll);
}

void worker_pool::poll_root() {
  root_woken_ = false;
  acting_ = no_worker;
  rt_.set_worker(static_cast<std::uint16_t>(slots_.size()));
  bool polled = rt_.begin_poll(root_poll_, rt_.root_task(), 0, false);
  rt_.set_worker(0);
  if (!polled) return;
  root_running_ = true;
  root_busy_until_ = rt_.now_ns() + root_poll_.cost_ns;
  if (root_poll_.cost_ns == 0) finish_root();
}

void worker_pool::finish_root() {
  root_running_ = false;
  acting_ = no_worker;
  rt_.end_poll(root_poll_);
}

void worker_pool::park(std::uint16_t w) {
  slot& s = slots_[w];
  s.state = phase::parked;
  std::optional<std::uint64_t> until;
  if (driver_owner_ == no_worker) {
    driver_owner_ = w;
    until = rt_.next_deadline();
  }
  s.park_seq = rt_.emit_on(w, {.arg = until.value_or(0),
                               .kind = event_kind::park,
                               .detail = static_cast<std::uint8_t>(until.has_value())});
}

void worker_pool::unpark(std::uint16_t w) {
  slot& s = slots_[w];
  if (s.state == phase::parked) rt_.emit_on(w, {.cause = s.park_seq, .kind = event_kind::unpark});
  if (s.state != phase::running) s.state = phase::active;
  if (driver_owner_ == w) driver_owner_ = no_worker;
}

void worker_pool::set_worker(std::uint16_t w) { rt_.set_worker(w); }

void worker_pool::finish_polls_in_flight() {
  for (;;) {
    int next = no_worker;
    for (std::size_t w = 0; w < slots_.size(); ++w) {
      if (slots_[w].state == phase::running &&
          (next == no_worker || slots_[w].busy_until < slots_[next].busy_until)) {
        next = static_cast<int>(w);
      }
    }
    if (next == no_worker) break;
    rt_.advance_clock(slots_[next].busy_until);
    finish(static_cast<std::uint16_t>(next));
  }
  if (root_running_) {
    rt_.advance_clock(root_busy_until_);
    finish_root();
  }
}

}  // namespace wakeline::detail
