// The functions a program may call by path: Tokio's, the standard library's and the prelude's
// (`work`). Lowering resolves a path, through the program's `use` lines, to one of these; the
// interpreter (library.cpp) runs them. Methods are not listed: they are found at run time on
// the receiver, as Rust's method resolution finds them on its type.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace wakeline::lang {

enum class builtin : std::uint8_t {
  spawn,              // tokio::spawn
  sleep,              // tokio::time::sleep
  sleep_until,        // tokio::time::sleep_until
  timeout,            // tokio::time::timeout
  timeout_at,         // tokio::time::timeout_at
  interval,           // tokio::time::interval
  interval_at,        // tokio::time::interval_at
  missed_tick_burst,  // tokio::time::MissedTickBehavior::Burst: a value, not a function
  missed_tick_delay,
  missed_tick_skip,
  yield_now,           // tokio::task::yield_now
  mpsc_channel,        // tokio::sync::mpsc::channel
  mpsc_unbounded,      // tokio::sync::mpsc::unbounded_channel
  oneshot_channel,     // tokio::sync::oneshot::channel
  tokio_mutex_new,     // tokio::sync::Mutex::new
  semaphore_new,       // tokio::sync::Semaphore::new
  notify_new,          // tokio::sync::Notify::new
  std_mutex_new,       // std::sync::Mutex::new
  arc_new,             // std::sync::Arc::new
  arc_clone,           // std::sync::Arc::clone
  duration_from_secs,  // std::time::Duration::from_secs
  duration_from_millis,
  duration_from_micros,
  duration_from_nanos,
  instant_now,  // tokio::time::Instant::now (virtual time)
  vec_new,      // Vec::new
  vec_with_capacity,
  string_new,   // String::new
  string_from,  // String::from
  drop,         // drop, std::mem::drop
  box_new,      // Box::new, Box::pin, Pin::new: the value itself (boxes and pins are not modelled)
  work,         // the prelude's CPU work: costs virtual time, never yields
  range,        // a..b (lowering's own)
  range_inclusive,
  assert_eq,  // assert_eq! (lowering's own): panics with Rust's message
  assert_ne,
  count,
};

/// The builtin a full path names (`tokio::time::sleep`), or none.
std::optional<builtin> find_builtin(std::string_view full_path);

/// The path a builtin is known by, for messages.
std::string_view builtin_path(builtin b);

/// Whether a builtin is a value named by its path (`MissedTickBehavior::Burst`), not a
/// function: lowering makes it where the path is written, and refuses a call of it.
inline bool is_builtin_value(builtin b) {
  return b == builtin::missed_tick_burst || b == builtin::missed_tick_delay ||
         b == builtin::missed_tick_skip;
}

}  // namespace wakeline::lang
