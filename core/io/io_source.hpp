// An I/O resource as the trace sees it: an id, the task that starts waiting on one of its
// operations (io_register), the operation becoming ready (io_ready), and the wake that
// readiness makes, attributed to the resource. The TCP streams of io/ are built on it; a
// program's own device (a pin's interrupt, a timer peripheral, a socket of its own) uses it to
// show its waits in the trace as Wakeline's own I/O does.
#pragma once

#include <cstdint>
#include <utility>

#include "../runtime.hpp"
#include "../waker.hpp"

namespace wakeline {

class io_source {
 public:
  /// A new resource of `rt`'s reactor.
  explicit io_source(runtime& rt) : rt_(&rt), id_(rt.reactor().new_resource()) {}
  /// The resource `id` of `rt`'s reactor, made earlier.
  io_source(runtime& rt, std::uint32_t id) : rt_(&rt), id_(id) {}

  /// The resource's id in the trace (`io` of its events).
  std::uint32_t id() const { return id_; }

  /// Records that the task being polled starts waiting for `op` (io_register). Returns the
  /// event's seq, 0 with the trace off.
  std::uint64_t record_wait(io_op op) const {
    detail::task_header* task = rt_->current_task();
    return rt_->emit({.cause = rt_->current_actor().cause,
                      .task = task != nullptr ? task->id : 0,
                      .ref = id_,
                      .kind = event_kind::io_register,
                      .detail = static_cast<std::uint8_t>(op)});
  }

  /// Records that `op` is ready, `bytes` moved (io_ready), caused by event `cause`, for the
  /// task that waited (0: none named). Returns the event's seq.
  std::uint64_t record_ready(io_op op, std::uint64_t bytes, std::uint64_t cause,
                             std::uint32_t task = 0) const {
    return rt_->emit({.cause = cause,
                      .arg = bytes,
                      .task = task,
                      .ref = id_,
                      .kind = event_kind::io_ready,
                      .detail = static_cast<std::uint8_t>(op)});
  }

  /// Wakes `w` as this resource: the wake is attributed to it, caused by its io_ready `ready`.
  void wake(waker w, std::uint64_t ready) const {
    actor_scope readiness(*rt_, {wake_source::io, id_, ready});
    std::move(w).wake();
  }

 private:
  runtime* rt_;
  std::uint32_t id_;
};

}  // namespace wakeline
