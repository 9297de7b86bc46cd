// The memory a runtime holds for its program, counted where it is allocated: coroutine frames
// and task cells (frame_pool) and the recorded trace (event_log).
//
//   allocation paths   add to / take off one per-thread figure, `thread_bytes`: one instruction
//                      each, no branch, whether a runtime runs or not
//   a runtime          opens an account_scope while it runs a slice (like runtime::current):
//                      what `thread_bytes` gained in the scope is its program's, added to its
//                      account when the scope closes; it compares `thread_bytes` with a
//                      threshold between steps, one comparison
//
// Counting never refuses an allocation: the runtime ends the run at its next step once over its
// limit. A scope closes by putting `thread_bytes` back where it found it, so an enclosing scope
// (a runtime run from inside another's task) is not charged for what the inner one did.
#pragma once

#include <cstddef>
#include <cstdint>

namespace wakeline::detail {

/// Bytes allocated minus bytes freed by the counted paths on this thread, plus what the open
/// scopes put back. Only its changes inside a scope mean anything.
inline thread_local std::int64_t thread_bytes = 0;

/// Counts `bytes` just allocated.
inline void count_allocation(std::size_t bytes) {
  thread_bytes += static_cast<std::int64_t>(bytes);
}

/// Counts `bytes` just freed.
inline void count_deallocation(std::size_t bytes) {
  thread_bytes -= static_cast<std::int64_t>(bytes);
}

/// The bytes one runtime holds for its program, as of its last closed scope.
struct memory_account {
  /// Signed: a block made outside the account and freed inside it takes away what was never
  /// added; that must not wrap around to a huge figure.
  std::int64_t held = 0;
};

/// Charges what is allocated and freed during a scope to `account`, or to nobody (nullptr).
class account_scope {
 public:
  explicit account_scope(memory_account* account) : account_(account), mark_(thread_bytes) {}
  ~account_scope() {
    if (account_ != nullptr) account_->held += thread_bytes - mark_;
    thread_bytes = mark_;
  }
  account_scope(const account_scope&) = delete;
  account_scope& operator=(const account_scope&) = delete;

  /// `thread_bytes` when the scope opened.
  std::int64_t mark() const { return mark_; }

 private:
  memory_account* account_;
  std::int64_t mark_;
};

}  // namespace wakeline::detail
