// Time behind an interface, as in tokio's time/clock.rs: the same executor runs on a virtual
// clock (tests, examples, the browser) and on the real one (native demos with real sockets).
#pragma once

#include <chrono>
#include <cstdint>

namespace wakeline {

/// Which clock a runtime uses.
enum class clock_kind : std::uint8_t {
  /// Time stands still while tasks run and jumps to the next deadline when all are idle.
  virtual_time,
  /// std::chrono::steady_clock; idle waits really wait.
  real_time,
};

/// The clock's name in traces and on the command line: "virtual" or "real".
inline const char* to_string(clock_kind kind) {
  return kind == clock_kind::virtual_time ? "virtual" : "real";
}

/// Nanoseconds since the runtime started.
class clock {
 public:
  virtual ~clock() = default;
  virtual std::uint64_t now_ns() const = 0;
};

/// A clock that only moves when told to.
class virtual_clock final : public clock {
 public:
  std::uint64_t now_ns() const override { return now_; }
  /// Jumps forward; never backwards.
  void advance_to(std::uint64_t t) {
    if (t > now_) now_ = t;
  }

 private:
  std::uint64_t now_ = 0;
};

/// Real time since construction.
class real_clock final : public clock {
 public:
  real_clock() : start_(std::chrono::steady_clock::now()) {}
  std::uint64_t now_ns() const override {
    return static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                          std::chrono::steady_clock::now() - start_)
                                          .count());
  }
  std::chrono::steady_clock::time_point start() const { return start_; }

 private:
  std::chrono::steady_clock::time_point start_;
};

}  // namespace wakeline
