// Wakeline's side of the peer comparison (bench/peers/README.md): the workloads on the `local`
// strategy and the virtual clock, with the trace off, or on with `--trace` (reported as
// `wakeline+trace`). Each prints one line as report.hpp describes.
#include <cstdint>
#include <limits>
#include <string_view>
#include <vector>

#include "report.hpp"
#include "sync/mpsc.hpp"
#include "wakeline.hpp"

namespace {

using namespace wakeline;
using namespace std::chrono_literals;

runtime_options options_for(bool trace) {
  return runtime_options{.clock = clock_kind::virtual_time,
                         .strategy = strategy_kind::local,
                         .trace = trace,
                         .event_budget = std::numeric_limits<std::uint64_t>::max(),
                         // A million traced timers hold more than the default 256 MiB.
                         .memory_limit = 0};
}

async<void> empty_task() { co_return; }

async<void> spawn_join(std::uint64_t ops) {
  for (std::uint64_t i = 0; i < ops; ++i) co_await spawn(empty_task());
}

async<void> fan_out(std::uint64_t ops) {
  std::vector<join_handle<void>> handles;
  handles.reserve(ops);
  for (std::uint64_t i = 0; i < ops; ++i) handles.push_back(spawn(empty_task()));
  for (auto& h : handles) co_await h;
}

async<void> chain_link(std::uint64_t depth) {
  if (depth > 0) co_await spawn(chain_link(depth - 1));
}

async<void> yielder(std::uint64_t yields) {
  for (std::uint64_t i = 0; i < yields; ++i) co_await yield_now();
}

async<void> two_yielders(std::uint64_t ops) {
  auto a = spawn(yielder(ops / 2));
  auto b = spawn(yielder(ops - ops / 2));
  co_await a;
  co_await b;
}

async<void> pinger(mpsc::sender<std::uint64_t> tx, mpsc::receiver<std::uint64_t> rx,
                   std::uint64_t rounds) {
  for (std::uint64_t i = 0; i < rounds; ++i) {
    (void)co_await tx.send(i);
    co_await rx.recv();
  }
}

async<void> ponger(mpsc::receiver<std::uint64_t> rx, mpsc::sender<std::uint64_t> tx) {
  while (auto v = co_await rx.recv()) (void)co_await tx.send(*v);
}

async<void> channel_ping_pong(std::uint64_t messages) {
  auto [to_pong, pong_rx] = mpsc::channel<std::uint64_t>(1);
  auto [to_ping, ping_rx] = mpsc::channel<std::uint64_t>(1);
  auto a = spawn(pinger(std::move(to_pong), std::move(ping_rx), messages / 2));
  auto b = spawn(ponger(std::move(pong_rx), std::move(to_ping)));
  co_await a;
  co_await b;
}

async<void> sleeper(std::chrono::nanoseconds d) { co_await sleep(d); }

async<void> timers(std::uint64_t ops) {
  peers::timer_durations durations;
  std::vector<join_handle<void>> handles;
  handles.reserve(ops);
  for (std::uint64_t i = 0; i < ops; ++i) handles.push_back(spawn(sleeper(durations.next())));
  for (auto& h : handles) co_await h;
}

// Spawns `tasks` sleepers of an hour, lets each be polled once (they arm their timers), and
// measures what they added to the resident set. Returning detaches them; dropping the runtime
// cancels them.
async<void> pending_sleepers(std::uint64_t tasks, std::uint64_t& bytes) {
  const std::uint64_t before = peers::resident_bytes();
  for (std::uint64_t i = 0; i < tasks; ++i) (void)spawn(sleeper(3600s));
  co_await sleep(1ms);
  bytes = peers::resident_bytes() - before;
}

template <class Root>
void timed(const peers::options& opts, std::string_view workload, std::uint64_t full_ops,
           Root (*root)(std::uint64_t)) {
  if (!opts.wants(workload)) return;
  const std::uint64_t ops = opts.size(full_ops);
  const std::uint64_t ns = peers::time_ns([&] {
    runtime rt(options_for(opts.trace));
    rt.block_on(root(ops));
  });
  peers::report_time(opts.trace ? "wakeline+trace" : "wakeline", workload, ops, ns);
}

}  // namespace

int main(int argc, char** argv) {
  const peers::options opts = peers::parse_options(argc, argv);
  timed(opts, "spawn_join", peers::spawn_join_ops, spawn_join);
  timed(opts, "fan_out", peers::fan_out_ops, fan_out);
  timed(opts, "chain", peers::chain_ops, chain_link);
  timed(opts, "yield", peers::yield_ops, two_yielders);
  timed(opts, "channel", peers::channel_ops, channel_ping_pong);
  timed(opts, "timers", peers::timer_ops, timers);
  // In a process of its own only: earlier workloads' freed memory would hide part of it.
  if (opts.only == "pending_task_memory") {
    const std::uint64_t tasks = opts.size(peers::pending_tasks);
    std::uint64_t bytes = 0;
    runtime rt(options_for(opts.trace));
    rt.block_on(pending_sleepers(tasks, bytes));
    peers::report_memory(opts.trace ? "wakeline+trace" : "wakeline", tasks, bytes);
  }
  return 0;
}
