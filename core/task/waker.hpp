// The waker of a task (Tokio's task/waker.rs): a raw waker whose data is the task's header and
// whose vtable tells the runtime, which records every clone, wake and drop (core/task/waker.cpp).
#pragma once

#include <cstdint>

#include "../waker.hpp"

namespace wakeline::detail {

/// The waker vtable of tasks: every slot records its trace event.
extern const raw_waker_vtable task_waker_vtable;

/// The task `w` wakes, or 0 when it is not a task's waker.
std::uint32_t task_id_of(const waker& w);

}  // namespace wakeline::detail
