// The standalone Asio peer of the comparison (bench/peers/README.md): every workload written with
// C++20 coroutines (asio::awaitable, co_spawn, use_awaitable) on one single-threaded io_context.
//
// Asio has no join handle for a task spawned with a completion handler, so where the workloads
// await many tasks at once (fan_out, yield, timers) each task's completion handler counts down a
// `countdown`, a small awaitable built with async_initiate that resumes its one waiter at zero.
// One task awaited on its own (spawn_join, chain) is spawned with use_awaitable and co_awaited,
// which is Asio's own way of joining it.
#include <sys/mman.h>
#include <ucontext.h>

#include <asio.hpp>
#include <asio/experimental/as_tuple.hpp>
#include <asio/experimental/channel.hpp>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <memory>
#include <utility>

#include "report.hpp"

namespace {

using namespace wakeline::peers;

constexpr std::string_view peer = "asio";

/// Counts tasks down to zero and then resumes the one coroutine that awaits `wait()`.
class countdown {
 public:
  /// A countdown from `count` whose waiter is resumed through `ex`.
  countdown(asio::any_io_executor ex, std::uint64_t count) : ex_(std::move(ex)), count_(count) {}

  /// The completion handler of co_spawn for a task counted here; rethrows what the task threw.
  auto on_done() {
    return [this](std::exception_ptr e) {
      if (e) std::rethrow_exception(e);
      count_down();
    };
  }

  /// One task finished; at zero the waiter is resumed (posted, so no task's completion resumes it
  /// on its own stack).
  void count_down() {
    if (--count_ == 0 && waiter_ != nullptr) {
      asio::post(ex_, [w = std::move(waiter_)] { w->complete(); });
    }
  }

  /// Completes once the count is zero.
  asio::awaitable<void> wait() {
    co_await asio::async_initiate<const asio::use_awaitable_t<>&, void()>(
        [this](auto handler) {
          if (count_ == 0) {
            asio::post(ex_, std::move(handler));
          } else {
            waiter_ = std::make_unique<erased<decltype(handler)>>(std::move(handler));
          }
        },
        asio::use_awaitable);
  }

 private:
  // Asio 1.22 has no any_completion_handler, and use_awaitable's handler is move-only.
  struct erased_handler {
    virtual ~erased_handler() = default;
    virtual void complete() = 0;
  };
  template <class Handler>
  struct erased final : erased_handler {
    explicit erased(Handler&& h) : handler(std::move(h)) {}
    void complete() override { std::move(handler)(); }
    Handler handler;
  };

  asio::any_io_executor ex_;
  std::uint64_t count_;
  std::unique_ptr<erased_handler> waiter_;
};

/// Creates an io_context, runs `body` in it to the end and destroys it: the timed part of every
/// workload.
template <class Body>
std::uint64_t run_timed(Body body) {
  return time_ns([&] {
    asio::io_context ctx(1);
    asio::co_spawn(ctx, body(), [](std::exception_ptr e) {
      if (e) std::rethrow_exception(e);
    });
    ctx.run();
  });
}

asio::awaitable<void> empty_task() { co_return; }

asio::awaitable<void> spawn_join(std::uint64_t tasks) {
  auto ex = co_await asio::this_coro::executor;
  for (std::uint64_t i = 0; i < tasks; ++i) {
    co_await asio::co_spawn(ex, empty_task(), asio::use_awaitable);
  }
}

asio::awaitable<void> fan_out(std::uint64_t tasks) {
  auto ex = co_await asio::this_coro::executor;
  countdown done(ex, tasks);
  for (std::uint64_t i = 0; i < tasks; ++i) asio::co_spawn(ex, empty_task(), done.on_done());
  co_await done.wait();
}

// Link `depth` spawns the link below it and awaits it; link 1 is the last, so link n makes n tasks.
asio::awaitable<void> chain_link(std::uint64_t depth) {
  if (depth <= 1) co_return;
  co_await asio::co_spawn(co_await asio::this_coro::executor, chain_link(depth - 1),
                          asio::use_awaitable);
}

// Asio's yield_now: go to the back of the io_context's queue.
asio::awaitable<void> yield_loop(std::uint64_t yields) {
  auto ex = co_await asio::this_coro::executor;
  for (std::uint64_t i = 0; i < yields; ++i) co_await asio::post(ex, asio::use_awaitable);
}

asio::awaitable<void> two_yielders(std::uint64_t yields_each) {
  auto ex = co_await asio::this_coro::executor;
  countdown done(ex, 2);
  asio::co_spawn(ex, yield_loop(yields_each), done.on_done());
  asio::co_spawn(ex, yield_loop(yields_each), done.on_done());
  co_await done.wait();
}

using int_channel = asio::experimental::channel<void(asio::error_code, int)>;

asio::awaitable<void> pinger(int_channel& tx, int_channel& rx, std::uint64_t rounds) {
  for (std::uint64_t i = 0; i < rounds; ++i) {
    co_await tx.async_send(asio::error_code{}, static_cast<int>(i), asio::use_awaitable);
    co_await rx.async_receive(asio::use_awaitable);
  }
  tx.close();  // the ponger's receive ends with an error, as a Rust receiver's recv returns None
}

asio::awaitable<void> ponger(int_channel& rx, int_channel& tx) {
  for (;;) {
    auto [ec, v] = co_await rx.async_receive(asio::experimental::as_tuple(asio::use_awaitable));
    if (ec) co_return;
    co_await tx.async_send(asio::error_code{}, v, asio::use_awaitable);
  }
}

asio::awaitable<void> ping_pong(std::uint64_t rounds) {
  auto ex = co_await asio::this_coro::executor;
  int_channel to_pong(ex, 1);
  int_channel to_ping(ex, 1);
  countdown done(ex, 2);
  asio::co_spawn(ex, pinger(to_pong, to_ping, rounds), done.on_done());
  asio::co_spawn(ex, ponger(to_pong, to_ping), done.on_done());
  co_await done.wait();
}

/// Virtual time for Asio: the clock always reads the end of time, so every armed timer is due and
/// the io_context's timer queue (a heap ordered by expiry) hands them out in deadline order.
struct virtual_clock {
  using rep = std::int64_t;
  using period = std::nano;
  using duration = std::chrono::nanoseconds;
  using time_point = std::chrono::time_point<virtual_clock, duration>;
  static constexpr bool is_steady = true;
  static time_point now() noexcept { return time_point::max(); }
};

/// Never waits for real time: the reactor polls its timer queue without blocking.
struct virtual_wait_traits {
  static virtual_clock::duration to_wait_duration(const virtual_clock::duration&) {
    return virtual_clock::duration::zero();
  }
  static virtual_clock::duration to_wait_duration(const virtual_clock::time_point&) {
    return virtual_clock::duration::zero();
  }
};

using virtual_timer = asio::basic_waitable_timer<virtual_clock, virtual_wait_traits>;

/// The order the virtual timers fired in, checked after the run: Asio must hand them out by
/// deadline as a virtual clock would.
struct firing_order {
  virtual_clock::time_point last{};
  std::uint64_t out_of_order = 0;
};

asio::awaitable<void> virtual_sleeper(virtual_clock::time_point deadline, firing_order& order) {
  virtual_timer timer(co_await asio::this_coro::executor, deadline);
  co_await timer.async_wait(asio::use_awaitable);
  if (deadline < order.last) ++order.out_of_order;
  order.last = deadline;
}

asio::awaitable<void> many_sleeps(std::uint64_t tasks, firing_order& order) {
  auto ex = co_await asio::this_coro::executor;
  const virtual_clock::time_point epoch{};
  timer_durations durations;
  countdown done(ex, tasks);
  for (std::uint64_t i = 0; i < tasks; ++i) {
    asio::co_spawn(ex, virtual_sleeper(epoch + durations.next(), order), done.on_done());
  }
  co_await done.wait();
}

asio::awaitable<void> sleep_for_an_hour(std::uint64_t& started) {
  asio::steady_timer timer(co_await asio::this_coro::executor, std::chrono::hours(1));
  ++started;
  co_await timer.async_wait(asio::use_awaitable);
}

// Resident bytes that `tasks` coroutines asleep on real one-hour timers add to a running
// io_context. Destroying the io_context destroys the pending waits and with them the coroutines.
std::uint64_t pending_memory(std::uint64_t tasks) {
  asio::io_context ctx(1);
  const std::uint64_t before = resident_bytes();
  std::uint64_t started = 0;
  for (std::uint64_t i = 0; i < tasks; ++i) {
    asio::co_spawn(ctx, sleep_for_an_hour(started), asio::detached);
  }
  while (ctx.poll() > 0) {
  }
  const std::uint64_t after = resident_bytes();
  if (started != tasks) {
    std::fprintf(stderr, "asio: only %llu of %llu sleepers started\n",
                 static_cast<unsigned long long>(started), static_cast<unsigned long long>(tasks));
    std::exit(1);
  }
  ctx.stop();
  return after > before ? after - before : 0;
}

/// The stack `run_on_large_stack` gives the workloads: reserved, and committed only as far as
/// `chain` reaches.
constexpr std::size_t large_stack_bytes = std::size_t{1} << 30;

/// Runs `body(opts)` on a stack of `large_stack_bytes` and returns its exit status.
///
/// co_spawn starts a task with dispatch, which runs it at once on the spawner's stack, and
/// resumes an awaiting parent the same way once the task has been suspended: 100,000 links of
/// `chain` nest that deep, past a default 8 MiB stack (Tokio and Wakeline queue the task
/// instead). The stack is switched on the main thread rather than given to a new thread, so that
/// malloc keeps its main arena and its single-threaded fast path, as the other peers have.
int run_on_large_stack(int (*body)(const options&), const options& opts) {
  void* stack = mmap(nullptr, large_stack_bytes, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (stack == MAP_FAILED) {
    std::fprintf(stderr, "asio: cannot reserve a %zu-byte stack\n", large_stack_bytes);
    return 1;
  }
  static int (*call_body)(const options&);
  static const options* call_opts;
  static int status;
  call_body = body;
  call_opts = &opts;
  ucontext_t caller;
  ucontext_t callee;
  getcontext(&callee);
  callee.uc_stack.ss_sp = stack;
  callee.uc_stack.ss_size = large_stack_bytes;
  callee.uc_link = &caller;
  makecontext(
      &callee, [] { status = call_body(*call_opts); }, 0);
  swapcontext(&caller, &callee);
  munmap(stack, large_stack_bytes);
  return status;
}

int run_workloads(const options& opts) {
  if (opts.wants("spawn_join")) {
    const std::uint64_t n = opts.size(spawn_join_ops);
    report_time(peer, "spawn_join", n, run_timed([n] { return spawn_join(n); }));
  }
  if (opts.wants("fan_out")) {
    const std::uint64_t n = opts.size(fan_out_ops);
    report_time(peer, "fan_out", n, run_timed([n] { return fan_out(n); }));
  }
  if (opts.wants("chain")) {
    const std::uint64_t n = opts.size(chain_ops);
    report_time(peer, "chain", n, run_timed([n] { return chain_link(n); }));
  }
  if (opts.wants("yield")) {
    const std::uint64_t n = opts.size(yield_ops);
    report_time(peer, "yield", n, run_timed([n] { return two_yielders(n / 2); }));
  }
  if (opts.wants("channel")) {
    const std::uint64_t n = opts.size(channel_ops);
    report_time(peer, "channel", n, run_timed([n] { return ping_pong(n / 2); }));
  }
  if (opts.wants("timers")) {
    const std::uint64_t n = opts.size(timer_ops);
    firing_order order;
    const std::uint64_t ns = run_timed([n, &order] { return many_sleeps(n, order); });
    if (order.out_of_order != 0) {
      std::fprintf(stderr, "asio: %llu virtual timers fired before an earlier deadline\n",
                   static_cast<unsigned long long>(order.out_of_order));
      return 1;
    }
    report_time(peer, "timers", n, ns);
  }
  // In a process of its own (README), so no earlier workload's freed memory is counted.
  if (opts.only == "pending_task_memory") {
    const std::uint64_t n = opts.size(pending_tasks);
    report_memory(peer, n, pending_memory(n));
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const options opts = parse_options(argc, argv);
  if (opts.trace) {
    std::fprintf(stderr, "asio: --trace is not supported: Asio records no events\n");
    return 2;
  }
  return run_on_large_stack(run_workloads, opts);
}
