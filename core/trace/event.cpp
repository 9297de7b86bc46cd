#include "event.hpp"

namespace wakeline {

const char* to_string(event_kind kind) {
  switch (kind) {
    case event_kind::runtime_start: return "runtime_start";
    case event_kind::runtime_end: return "runtime_end";
    case event_kind::task_spawn: return "task_spawn";
    case event_kind::task_enqueue: return "task_enqueue";
    case event_kind::poll_begin: return "poll_begin";
    case event_kind::poll_end: return "poll_end";
    case event_kind::task_end: return "task_end";
    case event_kind::waker_clone: return "waker_clone";
    case event_kind::waker_wake: return "waker_wake";
    case event_kind::waker_wake_by_ref: return "waker_wake_by_ref";
    case event_kind::waker_drop: return "waker_drop";
    case event_kind::timer_arm: return "timer_arm";
    case event_kind::timer_fire: return "timer_fire";
    case event_kind::timer_cancel: return "timer_cancel";
    case event_kind::io_register: return "io_register";
    case event_kind::io_ready: return "io_ready";
    case event_kind::park: return "park";
    case event_kind::unpark: return "unpark";
    case event_kind::select_drop: return "select_drop";
    case event_kind::deadlock: return "deadlock";
    case event_kind::budget_exhausted: return "budget_exhausted";
    case event_kind::coop_exhausted: return "coop_exhausted";
    case event_kind::steal: return "steal";
    case event_kind::queue_overflow: return "queue_overflow";
    case event_kind::search_begin: return "search_begin";
    case event_kind::search_end: return "search_end";
    case event_kind::batch_begin: return "batch_begin";
    case event_kind::batch_end: return "batch_end";
    case event_kind::pend: return "pend";
    case event_kind::spawn_failed: return "spawn_failed";
  }
  return "unknown";
}

const char* to_string(enqueue_reason reason) {
  switch (reason) {
    case enqueue_reason::spawn: return "spawn";
    case enqueue_reason::wake: return "wake";
    case enqueue_reason::yield: return "yield";
    case enqueue_reason::abort: return "abort";
    case enqueue_reason::steal: return "steal";
    case enqueue_reason::overflow: return "overflow";
    case enqueue_reason::lifo_displaced: return "lifo_displaced";
    case enqueue_reason::lifo_limit: return "lifo_limit";
  }
  return "unknown";
}

const char* to_string(queue_kind queue) {
  switch (queue) {
    case queue_kind::run: return "run";
    case queue_kind::block_on: return "block_on";
    case queue_kind::deferred: return "deferred";
    case queue_kind::local: return "local";
    case queue_kind::lifo: return "lifo";
    case queue_kind::inject: return "inject";
    case queue_kind::global: return "global";
    case queue_kind::pool: return "pool";
  }
  return "unknown";
}

const char* to_string(wake_source source) {
  switch (source) {
    case wake_source::outside: return "outside";
    case wake_source::task: return "task";
    case wake_source::timer: return "timer";
    case wake_source::io: return "io";
  }
  return "unknown";
}

const char* to_string(poll_result result) {
  switch (result) {
    case poll_result::pending: return "pending";
    case poll_result::ready: return "ready";
    case poll_result::failed: return "failed";
  }
  return "unknown";
}

const char* to_string(wake_effect effect) {
  switch (effect) {
    case wake_effect::scheduled: return "scheduled";
    case wake_effect::already_scheduled: return "already_scheduled";
    case wake_effect::ended: return "ended";
  }
  return "unknown";
}

const char* to_string(task_outcome outcome) {
  switch (outcome) {
    case task_outcome::completed: return "completed";
    case task_outcome::cancelled: return "cancelled";
    case task_outcome::aborted: return "aborted";
    case task_outcome::failed: return "failed";
  }
  return "unknown";
}

const char* to_string(run_outcome outcome) {
  switch (outcome) {
    case run_outcome::completed: return "completed";
    case run_outcome::deadlock: return "deadlock";
    case run_outcome::budget_exhausted: return "budget_exhausted";
    case run_outcome::failed: return "failed";
    case run_outcome::cancelled: return "cancelled";
    case run_outcome::memory_exhausted: return "memory_exhausted";
  }
  return "unknown";
}

const char* to_string(io_op op) {
  switch (op) {
    case io_op::accept: return "accept";
    case io_op::connect: return "connect";
    case io_op::read: return "read";
    case io_op::write: return "write";
  }
  return "unknown";
}

}  // namespace wakeline
