#include "builtins.hpp"

#include <array>
#include <utility>

namespace wakeline::lang {

namespace {

// Every path a builtin answers to. Tokio re-exports std's Duration, so both spell it.
constexpr std::pair<std::string_view, builtin> paths[] = {
    {"tokio::spawn", builtin::spawn},
    {"tokio::task::spawn", builtin::spawn},
    {"tokio::time::sleep", builtin::sleep},
    {"tokio::time::sleep_until", builtin::sleep_until},
    {"tokio::time::timeout", builtin::timeout},
    {"tokio::time::timeout_at", builtin::timeout_at},
    {"tokio::time::interval", builtin::interval},
    {"tokio::time::interval_at", builtin::interval_at},
    {"tokio::time::MissedTickBehavior::Burst", builtin::missed_tick_burst},
    {"tokio::time::MissedTickBehavior::Delay", builtin::missed_tick_delay},
    {"tokio::time::MissedTickBehavior::Skip", builtin::missed_tick_skip},
    {"tokio::task::yield_now", builtin::yield_now},
    {"tokio::sync::mpsc::channel", builtin::mpsc_channel},
    {"tokio::sync::mpsc::unbounded_channel", builtin::mpsc_unbounded},
    {"tokio::sync::oneshot::channel", builtin::oneshot_channel},
    {"tokio::sync::Mutex::new", builtin::tokio_mutex_new},
    {"tokio::sync::Semaphore::new", builtin::semaphore_new},
    {"tokio::sync::Notify::new", builtin::notify_new},
    {"std::sync::Mutex::new", builtin::std_mutex_new},
    {"std::sync::Arc::new", builtin::arc_new},
    {"std::sync::Arc::clone", builtin::arc_clone},
    {"std::time::Duration::from_secs", builtin::duration_from_secs},
    {"std::time::Duration::from_millis", builtin::duration_from_millis},
    {"std::time::Duration::from_micros", builtin::duration_from_micros},
    {"std::time::Duration::from_nanos", builtin::duration_from_nanos},
    {"tokio::time::Duration::from_secs", builtin::duration_from_secs},
    {"tokio::time::Duration::from_millis", builtin::duration_from_millis},
    {"tokio::time::Duration::from_micros", builtin::duration_from_micros},
    {"tokio::time::Duration::from_nanos", builtin::duration_from_nanos},
    {"tokio::time::Instant::now", builtin::instant_now},
    {"std::time::Instant::now", builtin::instant_now},
    {"Vec::new", builtin::vec_new},
    {"Vec::with_capacity", builtin::vec_with_capacity},
    {"String::new", builtin::string_new},
    {"String::from", builtin::string_from},
    {"drop", builtin::drop},
    {"std::mem::drop", builtin::drop},
    {"Box::new", builtin::box_new},
    {"Pin::new", builtin::box_new},
    {"std::pin::Pin::new", builtin::box_new},
    {"Box::pin", builtin::box_new},
    {"std::boxed::Box::new", builtin::box_new},
    {"std::boxed::Box::pin", builtin::box_new},
    {"work", builtin::work},
};

constexpr std::array<std::string_view, static_cast<std::size_t>(builtin::count)> names = [] {
  std::array<std::string_view, static_cast<std::size_t>(builtin::count)> n{};
  for (const auto& [path, b] : paths) {
    if (n[static_cast<std::size_t>(b)].empty()) n[static_cast<std::size_t>(b)] = path;
  }
  n[static_cast<std::size_t>(builtin::range)] = "..";
  n[static_cast<std::size_t>(builtin::range_inclusive)] = "..=";
  n[static_cast<std::size_t>(builtin::assert_eq)] = "assert_eq!";
  n[static_cast<std::size_t>(builtin::assert_ne)] = "assert_ne!";
  return n;
}();

}  // namespace

std::optional<builtin> find_builtin(std::string_view full_path) {
  for (const auto& [path, b] : paths) {
    if (path == full_path) return b;
  }
  return std::nullopt;
}

std::string_view builtin_path(builtin b) { return names[static_cast<std::size_t>(b)]; }

}  // namespace wakeline::lang
