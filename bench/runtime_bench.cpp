// Micro-benchmarks of the runtime's hot paths, each with the trace on and off (argument `trace`).
// One runtime per benchmark iteration runs many operations; the `per_op` counter is the time of
// one operation (spawn+join, yield, sleep, recorded event), runtime setup and teardown included.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdint>
#include <limits>
#include <vector>

#include "sync/mpsc.hpp"
#include "wakeline.hpp"

namespace {

using namespace wakeline;

runtime_options options_for(const benchmark::State& state) {
  return runtime_options{.clock = clock_kind::virtual_time,
                         .trace = state.range(0) != 0,
                         // Large runs must not stop at the default budget of a million events.
                         .event_budget = std::numeric_limits<std::uint64_t>::max()};
}

// Reports the mean time of one operation, `ops` operations per iteration.
void report_per_op(benchmark::State& state, std::int64_t ops) {
  state.SetItemsProcessed(state.iterations() * ops);
  state.counters["per_op"] = benchmark::Counter(
      static_cast<double>(ops),
      benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

async<void> empty_task() { co_return; }

async<void> spawn_and_join(int tasks) {
  std::vector<join_handle<void>> handles;
  handles.reserve(static_cast<std::size_t>(tasks));
  for (int i = 0; i < tasks; ++i) handles.push_back(spawn(empty_task()));
  for (auto& h : handles) co_await h;
}

// Main spawns N empty tasks, then awaits each handle: one op is one spawn plus its join.
void BM_SpawnJoin(benchmark::State& state) {
  constexpr int tasks = 10'000;
  for (auto _ : state) {
    runtime rt(options_for(state));
    rt.block_on(spawn_and_join(tasks));
    benchmark::DoNotOptimize(rt.trace().event_count());
  }
  report_per_op(state, tasks);
}
BENCHMARK(BM_SpawnJoin)->ArgName("trace")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

async<void> yield_loop(int yields) {
  for (int i = 0; i < yields; ++i) co_await yield_now();
}

async<void> two_yielders(int yields_each) {
  auto a = spawn(yield_loop(yields_each));
  auto b = spawn(yield_loop(yields_each));
  co_await a;
  co_await b;
}

// Two tasks take turns through yield_now: one op is one yield (pending, re-queue, poll again).
void BM_YieldPingPong(benchmark::State& state) {
  constexpr int yields_each = 50'000;
  for (auto _ : state) {
    runtime rt(options_for(state));
    rt.block_on(two_yielders(yields_each));
    benchmark::DoNotOptimize(rt.trace().event_count());
  }
  report_per_op(state, 2 * yields_each);
}
BENCHMARK(BM_YieldPingPong)->ArgName("trace")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

async<void> pinger(mpsc::sender<int> tx, mpsc::receiver<int> rx, int rounds) {
  for (int i = 0; i < rounds; ++i) {
    (void)co_await tx.send(i);
    co_await rx.recv();
  }
}

async<void> ponger(mpsc::receiver<int> rx, mpsc::sender<int> tx) {
  while (auto v = co_await rx.recv()) (void)co_await tx.send(*v);
}

async<void> ping_pong(int rounds) {
  auto [to_pong, pong_rx] = mpsc::channel<int>(1);
  auto [to_ping, ping_rx] = mpsc::channel<int>(1);
  auto a = spawn(pinger(std::move(to_pong), std::move(ping_rx), rounds));
  auto b = spawn(ponger(std::move(pong_rx), std::move(to_ping)));
  co_await a;
  co_await b;
}

// Two tasks bounce a value through two bounded channels of capacity 1: one op is one message
// (a send, the wake of the receiver, its recv).
void BM_MpscPingPong(benchmark::State& state) {
  constexpr int rounds = 50'000;
  for (auto _ : state) {
    runtime rt(options_for(state));
    rt.block_on(ping_pong(rounds));
    benchmark::DoNotOptimize(rt.trace().event_count());
  }
  report_per_op(state, 2 * rounds);
}
BENCHMARK(BM_MpscPingPong)->ArgName("trace")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

async<void> sleeper(std::chrono::nanoseconds d) { co_await sleep(d); }

async<void> many_sleeps(int tasks) {
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

// 100,000 tasks each sleep a different virtual duration: one op is a spawn, a timer armed and
// fired, the wake and the join.
void BM_VirtualSleeps(benchmark::State& state) {
  constexpr int tasks = 100'000;
  for (auto _ : state) {
    runtime rt(options_for(state));
    rt.block_on(many_sleeps(tasks));
    benchmark::DoNotOptimize(rt.trace().event_count());
  }
  report_per_op(state, tasks);
}
BENCHMARK(BM_VirtualSleeps)->ArgName("trace")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// The cost of one trace_recorder::record into a fresh recorder (its growth included).
void BM_TraceRecord(benchmark::State& state) {
  constexpr int events = 100'000;
  for (auto _ : state) {
    trace_recorder recorder(state.range(0) != 0);
    for (int i = 0; i < events; ++i) {
      benchmark::DoNotOptimize(recorder.record(trace_event{
          .t = static_cast<std::uint64_t>(i),
          .cause = static_cast<std::uint64_t>(i),
          .task = static_cast<std::uint32_t>(i & 63),
          .kind = event_kind::waker_wake}));
    }
    benchmark::DoNotOptimize(recorder.event_count());
  }
  report_per_op(state, events);
}
BENCHMARK(BM_TraceRecord)->ArgName("trace")->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
