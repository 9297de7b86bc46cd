// The task waker (Tokio's task/waker.rs): its vtable, and what the runtime records and does
// for each slot. A clone and a drop count references; a wake schedules the task unless it is
// queued already or has ended. The no-op waker is here too: the other waker the runtime makes.
#include "waker.hpp"

#include "../runtime.hpp"
#include "../scheduler/dispatch.hpp"

namespace wakeline {

namespace detail {

/// The vtable's slots: a task waker's data is its task's header.
struct task_waker_ops {
  static task_header* task_of(const void* data) {
    return static_cast<task_header*>(const_cast<void*>(data));
  }
  static raw_waker clone(const void* data) {
    task_of(data)->owner->on_waker_clone(task_of(data));
    return raw_waker{data, &task_waker_vtable};
  }
  static void wake(const void* data) { task_of(data)->owner->on_waker_wake(task_of(data), false); }
  static void wake_by_ref(const void* data) {
    task_of(data)->owner->on_waker_wake(task_of(data), true);
  }
  static void drop(const void* data) { task_of(data)->owner->on_waker_drop(task_of(data)); }
};

const raw_waker_vtable task_waker_vtable{&task_waker_ops::clone, &task_waker_ops::wake,
                                         &task_waker_ops::wake_by_ref, &task_waker_ops::drop};

std::uint32_t task_id_of(const waker& w) {
  if (w.as_raw().vtable != &task_waker_vtable) return 0;
  return task_waker_ops::task_of(w.as_raw().data)->id;
}

}  // namespace detail

namespace {

raw_waker noop_clone(const void*);
void noop(const void*) {}
constexpr raw_waker_vtable noop_vtable{&noop_clone, &noop, &noop, &noop};
raw_waker noop_clone(const void*) { return raw_waker{nullptr, &noop_vtable}; }

}  // namespace

waker noop_waker() { return waker::from_raw(raw_waker{nullptr, &noop_vtable}); }

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

// Flattened: a wake and the enqueue it causes are one body.
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

}  // namespace wakeline
