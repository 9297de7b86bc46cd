// What every C++ peer program of the comparison (bench/peers/) shares with the Rust one
// (bench/peers/rust): the workloads' names and sizes, the timer durations, the command line and
// the line each measurement prints. bench/peers/README.md describes the protocol; keep the Rust
// side (src/protocol.rs) in step with this file.
#pragma once

#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>

namespace wakeline::peers {

/// Operations per run of each timed workload. The same everywhere, so times compare per op.
inline constexpr std::uint64_t spawn_join_ops = 100'000;   ///< spawn one empty task, await it
inline constexpr std::uint64_t fan_out_ops = 100'000;      ///< spawn all, then await all
inline constexpr std::uint64_t chain_ops = 100'000;        ///< each task spawns and awaits the next
inline constexpr std::uint64_t yield_ops = 1'000'000;      ///< yields, two tasks taking turns
inline constexpr std::uint64_t channel_ops = 1'000'000;    ///< messages through two channels
inline constexpr std::uint64_t timer_ops = 1'000'000;      ///< tasks that each sleep once
inline constexpr std::uint64_t pending_tasks = 1'000'000;  ///< sleeping tasks held for memory

/// The distinct pseudo-random sleep of the timers workload, 1 ms to 100 s (xorshift64 from
/// 0x9E3779B97F4A7C15, as bench/workloads.hpp), so timers land on every level of a wheel.
struct timer_durations {
  std::uint64_t state = 0x9E3779B97F4A7C15ull;
  std::chrono::nanoseconds next() {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return std::chrono::nanoseconds(1'000'000 + state % 100'000'000'000ull);
  }
};

/// The command line every peer program takes: `--only NAME` runs one workload, `--divide N`
/// divides every size by N (a quick smoke run), `--trace` records events where the peer can.
struct options {
  std::string_view only;
  std::uint64_t divide = 1;
  bool trace = false;

  bool wants(std::string_view workload) const { return only.empty() || only == workload; }
  std::uint64_t size(std::uint64_t full) const { return full / divide > 0 ? full / divide : 1; }
};

/// Parses the command line; prints a usage line and exits with 2 on anything else.
inline options parse_options(int argc, char** argv) {
  options out;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--only" && i + 1 < argc) {
      out.only = argv[++i];
    } else if (arg == "--divide" && i + 1 < argc) {
      out.divide = std::strtoull(argv[++i], nullptr, 10);
      if (out.divide == 0) out.divide = 1;
    } else if (arg == "--trace") {
      out.trace = true;
    } else {
      std::fprintf(stderr, "usage: %s [--only WORKLOAD] [--divide N] [--trace]\n", argv[0]);
      std::exit(2);
    }
  }
  return out;
}

/// Prints one timed measurement: `ops` operations took `ns` nanoseconds of wall time, runtime
/// creation and teardown included.
inline void report_time(std::string_view peer, std::string_view workload, std::uint64_t ops,
                        std::uint64_t ns) {
  std::printf("{\"peer\":\"%.*s\",\"workload\":\"%.*s\",\"ops\":%llu,\"ns\":%llu}\n",
              static_cast<int>(peer.size()), peer.data(), static_cast<int>(workload.size()),
              workload.data(), static_cast<unsigned long long>(ops),
              static_cast<unsigned long long>(ns));
  std::fflush(stdout);
}

/// Prints the resident memory that `tasks` pending tasks added, in bytes.
inline void report_memory(std::string_view peer, std::uint64_t tasks, std::uint64_t bytes) {
  std::printf(
      "{\"peer\":\"%.*s\",\"workload\":\"pending_task_memory\",\"tasks\":%llu,"
      "\"bytes\":%llu}\n",
      static_cast<int>(peer.size()), peer.data(), static_cast<unsigned long long>(tasks),
      static_cast<unsigned long long>(bytes));
  std::fflush(stdout);
}

/// The process's resident set in bytes, from /proc/self/statm (0 if it cannot be read).
inline std::uint64_t resident_bytes() {
  std::FILE* f = std::fopen("/proc/self/statm", "r");
  if (f == nullptr) return 0;
  unsigned long long size = 0, resident = 0;
  const int read = std::fscanf(f, "%llu %llu", &size, &resident);
  std::fclose(f);
  return read == 2 ? resident * static_cast<std::uint64_t>(sysconf(_SC_PAGESIZE)) : 0;
}

/// Wall time of `body()` in nanoseconds.
template <class F>
std::uint64_t time_ns(F&& body) {
  const auto start = std::chrono::steady_clock::now();
  body();
  return static_cast<std::uint64_t>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start)
          .count());
}

}  // namespace wakeline::peers
