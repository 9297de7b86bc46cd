// Small futures for combinator tests, whose polls and drops a test can count.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "wakeline.hpp"

namespace wakeline::support {

/// A counting future: logs its name on every poll and completes with the number of polls on
/// its `needed`-th, waking itself in between so that it is polled again.
struct counted {
  std::string name;
  int needed;
  std::vector<std::string>* log;
  int polls = 0;

  /// Logs the poll, then completes or asks to be polled again.
  wakeline::poll<int> poll(context& cx) {
    log->push_back(name);
    if (++polls >= needed) return polls;
    cx.waker().wake_by_ref();
    return poll_pending;
  }
};

/// Counts its destructions in `*drops`: placed in a coroutine frame, it shows when the frame
/// (the future) is dropped.
struct drop_guard {
  int* drops;
  ~drop_guard() { ++*drops; }
};

/// Completes with `value` after sleeping for `delay`.
inline async<int> after(std::chrono::milliseconds delay, int value) {
  co_await sleep(delay);
  co_return value;
}

/// Like after(), and counts in `*drops` when its frame is destroyed, finished or not.
inline async<int> guarded_after(std::chrono::milliseconds delay, int value, int* drops) {
  drop_guard guard{drops};
  co_await sleep(delay);
  co_return value;
}

}  // namespace wakeline::support
