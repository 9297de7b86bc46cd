#include "timer_driver.hpp"

#include "../runtime.hpp"
#include "../task/waker.hpp"

namespace wakeline {

std::pair<timer_handle, bool> timer_driver::arm(std::uint64_t deadline_ns, const waker& w,
                                                source_location where) {
  return arm_for(deadline_ns, &w, where);
}

std::pair<timer_handle, bool> timer_driver::arm_unwoken(std::uint64_t deadline_ns,
                                                        source_location where) {
  return arm_for(deadline_ns, nullptr, where);
}

std::pair<timer_handle, bool> timer_driver::arm_for(std::uint64_t deadline_ns, const waker* w,
                                                    source_location where) {
  const std::uint64_t tick = (deadline_ns + ns_per_tick - 1) / ns_per_tick;
  timer_handle h{wheel_.allocate(), ++last_id_};
  timer_slot& slot = wheel_.payload(h.node);
  slot.id = h.id;
  // Without a waker, the timer is the task's that arms it, as a reset's is.
  const detail::task_header* current = rt_.current_task();
  const std::uint32_t task = w != nullptr         ? detail::task_id_of(*w)
                             : current != nullptr ? current->id
                                                  : 0;
  std::uint64_t seq = rt_.emit({.cause = rt_.current_actor().cause,
                                .arg = tick * ns_per_tick,
                                .file = where.file,
                                .line = where.line,
                                .task = task,
                                .ref = h.id,
                                .kind = event_kind::timer_arm});
  if (!wheel_.insert(h.node, tick)) {
    slot.fired = true;
    rt_.emit({.cause = seq, .task = task, .ref = h.id, .kind = event_kind::timer_fire});
    return {h, true};
  }
  if (w != nullptr) slot.waiter = *w;
  return {h, false};
}

void timer_driver::update_waker(const timer_handle& h, const waker& w) {
  timer_slot& slot = wheel_.payload(h.node);
  if (slot.fired) return;
  if (!slot.waiter || !slot.waiter->will_wake(w)) slot.waiter = w;
}

void timer_driver::keep_waker(const timer_handle& h, const waker& w) {
  timer_slot& slot = wheel_.payload(h.node);
  if (!slot.waiter || !slot.waiter->will_wake(w)) slot.waiter = w;
}

bool timer_driver::reset(timer_handle& h, std::uint64_t deadline_ns, source_location where) {
  timer_slot& slot = wheel_.payload(h.node);
  // The task the timer wakes, or else the one resetting it: its next poll registers its waker.
  const detail::task_header* current = rt_.current_task();
  const std::uint32_t task = slot.waiter          ? detail::task_id_of(*slot.waiter)
                             : current != nullptr ? current->id
                                                  : 0;
  const std::uint64_t tick = (deadline_ns + ns_per_tick - 1) / ns_per_tick;
  const bool pending = wheel_.queued(h.node);
  const std::uint64_t filed_for = slot.extended_tick != 0 ? slot.extended_tick
                                  : pending               ? wheel_.when(h.node)
                                                          : 0;
  // Tokio's `extend_expiration` (entry.rs:252-272): a pending timer moved later stays filed.
  const bool extend = pending && tick >= filed_for && rt_.primitives() == primitive_flavour::tokio;
  if (pending) {
    if (!extend) wheel_.remove(h.node);
    rt_.emit({.cause = rt_.current_actor().cause,
              .task = task,
              .ref = slot.id,
              .kind = event_kind::timer_cancel});
  }
  slot.extended_tick = extend ? tick : 0;
  h.id = ++last_id_;
  slot.id = h.id;
  slot.fired = false;
  std::uint64_t seq = rt_.emit({.cause = rt_.current_actor().cause,
                                .arg = tick * ns_per_tick,
                                .file = where.file,
                                .line = where.line,
                                .task = task,
                                .ref = h.id,
                                .kind = event_kind::timer_arm});
  if (extend || wheel_.insert(h.node, tick)) return false;
  // Already due: fired in the reset's own call (Tokio's `reregister`, Elapsed -> `fire`).
  slot.fired = true;
  std::optional<waker> w = std::move(slot.waiter);
  slot.waiter.reset();
  rt_.emit({.cause = seq, .task = task, .ref = h.id, .kind = event_kind::timer_fire});
  actor_scope timer(rt_, {wake_source::timer, h.id, seq});
  if (w) std::move(*w).wake();
  return true;
}

void timer_driver::release(const timer_handle& h) {
  timer_slot& slot = wheel_.payload(h.node);
  if (wheel_.queued(h.node)) {
    wheel_.remove(h.node);
    rt_.emit({.cause = rt_.current_actor().cause,
              .task = slot.waiter ? detail::task_id_of(*slot.waiter) : 0,
              .ref = slot.id,
              .kind = event_kind::timer_cancel});
  }
  slot.waiter.reset();
  wheel_.release(h.node);
}

void timer_driver::fire_due(std::uint64_t now_ns) {
  const std::uint64_t now_tick = now_ns / ns_per_tick;
  while (auto node = wheel_.poll(now_tick)) {
    timer_slot& slot = wheel_.payload(*node);
    if (slot.extended_tick > now_tick) {
      // Reset to a later tick while it waited here: filed again now, behind that tick's timers
      // (Tokio's `mark_pending` failing, entry.rs:167-190).
      wheel_.insert(*node, std::exchange(slot.extended_tick, 0));
      continue;
    }
    slot.extended_tick = 0;
    slot.fired = true;
    std::optional<waker> w = std::move(slot.waiter);
    slot.waiter.reset();
    std::uint64_t seq = rt_.emit({.cause = rt_.current_actor().cause,
                                  .task = w ? detail::task_id_of(*w) : 0,
                                  .ref = slot.id,
                                  .kind = event_kind::timer_fire});
    actor_scope timer(rt_, {wake_source::timer, slot.id, seq});
    if (w) std::move(*w).wake();
  }
}

std::optional<std::uint64_t> timer_driver::next_deadline() const {
  if (auto tick = wheel_.next_expiration()) return *tick * ns_per_tick;
  return std::nullopt;
}

}  // namespace wakeline
