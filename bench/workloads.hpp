// The runtime's micro-benchmark workloads, shared by the Google Benchmark program
// (runtime_bench.cpp) and the plain driver that also runs in WebAssembly (micro_main.cpp), so
// native and wasm numbers measure the same code.
//
// Each workload runs `size` operations in a fresh runtime on the virtual clock (setup and
// teardown included) and returns a value that depends on the whole run, so the optimiser cannot
// drop any of it.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <limits>
#include <string_view>
#include <vector>

#include "sync/mpsc.hpp"
#include "wakeline.hpp"

namespace wakeline::bench {

/// A runtime on the virtual clock, recording events or not, without an event budget or a memory
/// limit.
inline runtime_options bench_options(bool trace) {
  return runtime_options{.clock = clock_kind::virtual_time,
                         .trace = trace,
                         // Large runs must not stop at the default budget of a million events.
                         .event_budget = std::numeric_limits<std::uint64_t>::max(),
                         .memory_limit = 0};
}

/// Makes `value` observable to the optimiser at this point (Google Benchmark's DoNotOptimize,
/// which the wasm driver cannot link), so a loop whose results are otherwise unused still runs.
inline void keep(std::uint64_t value) { asm volatile("" : : "r,m"(value) : "memory"); }

/// What a finished run leaves behind: its event count and the virtual time it reached.
inline std::uint64_t run_digest(const runtime& rt) {
  return rt.trace().event_count() + static_cast<std::uint64_t>(rt.now_ns());
}

namespace detail {

inline async<void> empty_task() { co_return; }

inline async<void> spawn_and_join(int tasks) {
  std::vector<join_handle<void>> handles;
  handles.reserve(static_cast<std::size_t>(tasks));
  for (int i = 0; i < tasks; ++i) handles.push_back(spawn(empty_task()));
  for (auto& h : handles) co_await h;
}

inline async<void> yield_loop(int yields) {
  for (int i = 0; i < yields; ++i) co_await yield_now();
}

inline async<void> two_yielders(int yields_each) {
  auto a = spawn(yield_loop(yields_each));
  auto b = spawn(yield_loop(yields_each));
  co_await a;
  co_await b;
}

inline async<void> pinger(mpsc::sender<int> tx, mpsc::receiver<int> rx, int rounds) {
  for (int i = 0; i < rounds; ++i) {
    (void)co_await tx.send(i);
    co_await rx.recv();
  }
}

inline async<void> ponger(mpsc::receiver<int> rx, mpsc::sender<int> tx) {
  while (auto v = co_await rx.recv()) (void)co_await tx.send(*v);
}

inline async<void> ping_pong(int rounds) {
  auto [to_pong, pong_rx] = mpsc::channel<int>(1);
  auto [to_ping, ping_rx] = mpsc::channel<int>(1);
  auto a = spawn(pinger(std::move(to_pong), std::move(ping_rx), rounds));
  auto b = spawn(ponger(std::move(pong_rx), std::move(to_ping)));
  co_await a;
  co_await b;
}

inline async<void> sleeper(std::chrono::nanoseconds d) { co_await sleep(d); }

inline async<void> many_sleeps(int tasks) {
  // Distinct pseudo-random durations up to 100 s, so timers land on every level of the wheel.
  std::uint64_t x = 0x9E3779B97F4A7C15ull;
  std::vector<join_handle<void>> handles;
  handles.reserve(static_cast<std::size_t>(tasks));
  for (int i = 0; i < tasks; ++i) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    auto ns = std::chrono::nanoseconds(1'000'000 + x % 100'000'000'000ull);
    handles.push_back(spawn(sleeper(ns)));
  }
  for (auto& h : handles) co_await h;
}

}  // namespace detail

/// Main spawns `tasks` empty tasks, then awaits each handle: one op is one spawn plus its join.
inline std::uint64_t spawn_join(int tasks, bool trace) {
  runtime rt(bench_options(trace));
  rt.block_on(detail::spawn_and_join(tasks));
  return run_digest(rt);
}

/// Two tasks take turns through yield_now, `yields` in all: one op is one yield (pending,
/// re-queue, poll again).
inline std::uint64_t yield_ping_pong(int yields, bool trace) {
  runtime rt(bench_options(trace));
  rt.block_on(detail::two_yielders(yields / 2));
  return run_digest(rt);
}

/// Two tasks bounce a value through two bounded channels of capacity 1, `messages` in all: one op
/// is one message (a send, the wake of the receiver, its recv).
inline std::uint64_t mpsc_ping_pong(int messages, bool trace) {
  runtime rt(bench_options(trace));
  rt.block_on(detail::ping_pong(messages / 2));
  return run_digest(rt);
}

/// `tasks` tasks each sleep a different virtual duration: one op is a spawn, a timer armed and
/// fired, the wake and the join.
inline std::uint64_t virtual_sleeps(int tasks, bool trace) {
  runtime rt(bench_options(trace));
  rt.block_on(detail::many_sleeps(tasks));
  return run_digest(rt);
}

/// `events` calls of trace_recorder::record into a fresh recorder (its growth included).
inline std::uint64_t trace_record(int events, bool trace) {
  trace_recorder recorder(trace);
  for (int i = 0; i < events; ++i) {
    // Kept one by one: with the trace off the loop would otherwise fold away entirely.
    keep(recorder.record(trace_event{.t = static_cast<std::uint64_t>(i),
                                     .cause = static_cast<std::uint64_t>(i),
                                     .task = static_cast<std::uint32_t>(i & 63),
                                     .kind = event_kind::waker_wake}));
  }
  return recorder.event_count();
}

/// One workload as both drivers run it.
struct workload {
  std::string_view name;  ///< Its Google Benchmark name, without the `/trace:N` argument.
  int size;               ///< Operations per run: the argument given to `run`.
  std::uint64_t (*run)(int size, bool trace);
};

/// Every workload, in the order both drivers report them.
inline constexpr std::array<workload, 5> workloads{{
    {"BM_SpawnJoin", 10'000, spawn_join},
    {"BM_YieldPingPong", 100'000, yield_ping_pong},
    {"BM_MpscPingPong", 100'000, mpsc_ping_pong},
    {"BM_VirtualSleeps", 100'000, virtual_sleeps},
    {"BM_TraceRecord", 100'000, trace_record},
}};

}  // namespace wakeline::bench
