// Mirrors tests/fidelity/tokio/src/scenarios.rs; keep the two in step. Tasks take their
// arguments by value so that every coroutine frame owns what it uses, like Rust's `async move`.
#include "scenarios.hpp"

#include <array>
#include <chrono>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <vector>

#include "wakeline.hpp"

namespace wakeline::fidelity {

namespace {

using std::chrono::milliseconds;

milliseconds ms(std::int64_t n) { return milliseconds(n); }

void check(bool condition, const char* what) {
  if (!condition) throw std::logic_error(what);
}

async<void> yield_three_times() {
  for (int i = 0; i < 3; ++i) co_await yield_now();
}

// Two tasks and the root yield in turn.
async<void> yields() {
  auto a = spawn(yield_three_times());
  auto b = spawn(yield_three_times());
  co_await yield_now();
  co_await a;
  co_await b;
}

async<void> sleep_twice(milliseconds first, milliseconds second) {
  co_await sleep(first);
  co_await sleep(second);
}

// Three tasks sleep to the same deadlines, twice.
async<void> timers_equal() {
  std::vector<join_handle<void>> handles;
  for (int i = 0; i < 3; ++i) handles.push_back(spawn(sleep_twice(ms(10), ms(10))));
  for (auto& h : handles) co_await h;
}

// Three tasks sleep to different deadlines; the root sleeps less than all of them.
async<void> timers_unequal() {
  std::vector<join_handle<void>> handles;
  for (std::int64_t d : {30, 10, 20}) handles.push_back(spawn(sleep_twice(ms(d), ms(15))));
  co_await sleep(ms(5));
  for (auto& h : handles) co_await h;
}

async<void> produce(mpsc::sender<std::uint32_t> tx) {
  for (std::uint32_t i = 0; i < 6; ++i) check((co_await tx.send(i)).is_ok(), "send failed");
}

async<void> consume_pausing(mpsc::receiver<std::uint32_t> rx) {
  int n = 0;
  while (co_await rx.recv()) {
    n += 1;
    if (n % 2 == 0) co_await sleep(ms(1));
  }
}

// A producer fills a channel of capacity 2 faster than the consumer empties it.
async<void> channel_backpressure() {
  auto [tx, rx] = mpsc::channel<std::uint32_t>(2);
  auto producer = spawn(produce(std::move(tx)));
  auto consumer = spawn(consume_pausing(std::move(rx)));
  co_await producer;
  co_await consumer;
}

async<bool> timed_out(milliseconds limit, milliseconds work) {
  co_return !(co_await timeout(limit, sleep(work))).has_value();
}

// Timeouts that expire, that do not, and that tie with the inner sleep.
async<void> timeout_race() {
  auto late = spawn(timed_out(ms(10), ms(20)));
  auto early = spawn(timed_out(ms(20), ms(10)));
  auto tie = spawn(timed_out(ms(10), ms(10)));
  check(co_await late, "late did not time out");
  check(!co_await early, "early timed out");
  check(!co_await tie, "tie timed out");
}

async<std::uint64_t> yield_then_sleep(std::uint64_t k) {
  for (std::uint64_t i = 0; i < k; ++i) co_await yield_now();
  co_await sleep(ms(static_cast<std::int64_t>(2 * k)));
  co_return k;
}

// The root awaits four children in the reverse of the order they end.
async<void> join_children() {
  std::vector<join_handle<std::uint64_t>> handles;
  for (std::uint64_t k = 1; k <= 4; ++k) handles.push_back(spawn(yield_then_sleep(k)));
  std::uint64_t sum = 0;
  while (!handles.empty()) {
    sum += co_await handles.back();
    handles.pop_back();
  }
  check(sum == 10, "wrong sum");
}

async<void> lock_twice(std::shared_ptr<mutex<std::uint32_t>> counter) {
  for (int i = 0; i < 2; ++i) {
    auto guard = co_await counter->lock();
    co_await sleep(ms(1));
    *guard += 1;
  }
}

// Three tasks take turns on a mutex that each holds across a sleep.
async<void> mutex_contention() {
  auto counter = std::make_shared<mutex<std::uint32_t>>(0);
  std::vector<join_handle<void>> handles;
  for (int i = 0; i < 3; ++i) handles.push_back(spawn(lock_twice(counter)));
  for (auto& h : handles) co_await h;
  check(*co_await counter->lock() == 6, "wrong count");
}

async<void> tick(mpsc::sender<std::uint32_t> tx) {
  for (std::uint32_t i = 0; i < 3; ++i) {
    co_await sleep(ms(8));
    check((co_await tx.send(i)).is_ok(), "send failed");
  }
}

// The root selects (biased) between a channel fed every 8 ms and a fresh 7 ms sleep.
async<void> select() {
  auto [tx, rx] = mpsc::channel<std::uint32_t>(1);
  auto ticker = spawn(tick(std::move(tx)));
  int timeouts = 0;
  for (;;) {
    auto won = co_await wakeline::select(rx.recv(), sleep(ms(7)));
    if (won.index() == 0) {
      if (!std::get<0>(won)) break;
    } else {
      timeouts += 1;
    }
  }
  check(timeouts == 3, "wrong timeout count");
  co_await ticker;
}

async<void> nested_d() { co_await yield_now(); }

async<void> nested_b() {
  auto d = spawn(nested_d());
  co_await d;
}

async<void> nested_c() { co_await sleep(ms(1)); }

async<void> nested_a() {
  auto b = spawn(nested_b());
  auto c = spawn(nested_c());
  co_await b;
  co_await c;
}

// Tasks spawn tasks: root -> a -> (b -> d, c).
async<void> nested_spawn() {
  auto a = spawn(nested_a());
  co_await a;
}

// Wakes its own task during the poll, `times` times, then completes.
struct self_wake {
  unsigned times;
  wakeline::poll<void> poll(context& cx) {
    if (times == 0) return poll_ready();
    times -= 1;
    cx.waker().wake_by_ref();
    return poll_pending;
  }
};

// One task wakes itself while it runs; another yields beside it.
async<void> woken_while_running() {
  auto a = spawn(self_wake{3});
  auto b = spawn(yield_three_times());
  co_await a;
  co_await b;
}

async<void> nothing() { co_return; }

// A child wakes the root while another child keeps re-queueing itself.
async<void> root_woken_behind_queue() {
  auto a = spawn(nothing());
  auto b = spawn(self_wake{2});
  co_await a;
  co_await b;
}

async<void> pass_on(oneshot::receiver<std::uint32_t> input, oneshot::sender<std::uint32_t> tx) {
  auto v = co_await input;
  check(v.has_value(), "chain broken");
  (void)tx.send(*v + 1);
}

// A value passed along 100 tasks through oneshot channels, each wake starting the next.
async<void> wake_chain() {
  constexpr std::uint32_t len = 100;
  auto [first_tx, first_rx] = oneshot::channel<std::uint32_t>();
  oneshot::receiver<std::uint32_t> rx = std::move(first_rx);
  std::vector<join_handle<void>> handles;
  for (std::uint32_t i = 0; i < len; ++i) {
    auto [tx, next_rx] = oneshot::channel<std::uint32_t>();
    handles.push_back(spawn(pass_on(std::move(rx), std::move(tx))));
    rx = std::move(next_rx);
  }
  check(first_tx.send(0), "first send failed");
  auto last = co_await rx;
  check(last == len, "wrong chain length");
  for (auto& h : handles) co_await h;
}

// 70 tasks that end at their first poll; the root waits for each in turn.
async<void> many_ready_tasks() {
  std::vector<join_handle<void>> handles;
  for (int i = 0; i < 70; ++i) handles.push_back(spawn(nothing()));
  for (auto& h : handles) co_await h;
}

async<std::uint32_t> drain(mpsc::receiver<std::uint32_t> rx) {
  std::uint32_t n = 0;
  while (co_await rx.recv()) n += 1;
  co_return n;
}

// A task drains 200 buffered values without awaiting anything that is pending.
async<void> coop_budget() {
  auto [tx, rx] = mpsc::unbounded_channel<std::uint32_t>();
  for (std::uint32_t i = 0; i < 200; ++i) check(tx.send(i).is_ok(), "send failed");
  { auto dropped = std::move(tx); }
  auto drained = spawn(drain(std::move(rx)));
  auto other = spawn(nothing());
  check(co_await drained == 200, "wrong count");
  co_await other;
}

constexpr std::array all{
    scenario{"yields", yields},
    scenario{"timers_equal", timers_equal},
    scenario{"timers_unequal", timers_unequal},
    scenario{"channel_backpressure", channel_backpressure},
    scenario{"timeout_race", timeout_race},
    scenario{"join_children", join_children},
    scenario{"mutex_contention", mutex_contention},
    scenario{"select", select},
    scenario{"nested_spawn", nested_spawn},
    scenario{"woken_while_running", woken_while_running},
    scenario{"root_woken_behind_queue", root_woken_behind_queue},
    scenario{"wake_chain", wake_chain},
    scenario{"many_ready_tasks", many_ready_tasks},
    scenario{"coop_budget", coop_budget},
};

}  // namespace

std::span<const scenario> scenarios() { return all; }

}  // namespace wakeline::fidelity
