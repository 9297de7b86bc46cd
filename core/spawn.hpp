// Starts a future as a task of the current runtime (tokio's `spawn`).
#pragma once

#include <string_view>

#include "join_handle.hpp"
#include "runtime.hpp"

namespace wakeline {

/// Spawns `f` as a new task named `name` (shown in the trace); returns its join handle.
/// Dropping the handle detaches the task. Under embassy a spawn into a full task pool creates
/// no task, as Rust's `Err(SpawnError::Busy)`: the handle is finished at once, and awaiting it
/// throws spawn_error.
template <future F>
join_handle<output_t<F>> spawn(F f, std::string_view name = {},
                               source_location where = source_location::current()) {
  runtime& rt = runtime::current();
  return join_handle<output_t<F>>(rt.spawn_task(std::move(f), name, where));
}

}  // namespace wakeline
