// Mirrors tests/fidelity/tokio/src/primitives.rs; keep the two in step. The scenarios aim at the
// primitives and macros rather than at the scheduler: the order of the wakes each one makes, the
// wakers it keeps, what dropping its future does. docs/tokio-fidelity.md lists the Tokio rule
// each one proves.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <utility>
#include <vector>

#include "scenarios.hpp"
#include "wakeline.hpp"

namespace wakeline::fidelity {

namespace {

using std::chrono::milliseconds;

milliseconds ms(std::int64_t n) { return milliseconds(n); }

void check(bool condition, const char* what) {
  if (!condition) throw std::logic_error(what);
}

async<void> receive_all(mpsc::receiver<std::uint32_t> rx) {
  for (;;) {
    std::optional<std::uint32_t> v = co_await rx.recv();
    if (!v) break;
  }
}

// A consumer task that receives until the channel ends.
join_handle<void> consumer(mpsc::receiver<std::uint32_t> rx) {
  return spawn(receive_all(std::move(rx)));
}

// Sends `n` values, sleeping `d` ms before each but the first.
async<void> send_sleeping(mpsc::unbounded_sender<std::uint32_t> tx, std::uint32_t n,
                          std::int64_t d) {
  for (std::uint32_t i = 0; i < n; ++i) {
    if (i > 0) co_await sleep(ms(d));
    check(tx.send(i).is_ok(), "send failed");
  }
}

// join of three branches that each wake their own consumer: the consumers run in the order the
// branches were polled, which moves one branch further at each poll.
async<void> join_rotates() {
  auto [tx_a, rx_a] = mpsc::unbounded_channel<std::uint32_t>();
  auto [tx_b, rx_b] = mpsc::unbounded_channel<std::uint32_t>();
  auto [tx_c, rx_c] = mpsc::unbounded_channel<std::uint32_t>();
  auto a = consumer(std::move(rx_a));
  auto b = consumer(std::move(rx_b));
  auto c = consumer(std::move(rx_c));
  co_await join(send_sleeping(std::move(tx_a), 3, 1), send_sleeping(std::move(tx_b), 3, 1),
                send_sleeping(std::move(tx_c), 3, 1));
  co_await a;
  co_await b;
  co_await c;
}

// Sleeps `d` ms, then wakes its consumer.
async<void> sleep_then_send(mpsc::unbounded_sender<std::uint32_t> tx, std::int64_t d) {
  co_await sleep(ms(d));
  check(tx.send(0).is_ok(), "send failed");
}

// join of three sleeps that end at the same instant: the poll they cause starts at the second
// branch.
async<void> join_three_same_instant() {
  auto [tx_a, rx_a] = mpsc::unbounded_channel<std::uint32_t>();
  auto [tx_b, rx_b] = mpsc::unbounded_channel<std::uint32_t>();
  auto [tx_c, rx_c] = mpsc::unbounded_channel<std::uint32_t>();
  auto a = consumer(std::move(rx_a));
  auto b = consumer(std::move(rx_b));
  auto c = consumer(std::move(rx_c));
  co_await join(sleep_then_send(std::move(tx_a), 10), sleep_then_send(std::move(tx_b), 10),
                sleep_then_send(std::move(tx_c), 10));
  co_await a;
  co_await b;
  co_await c;
}

// join whose first branch ends at once: finished branches still count in the rotation.
async<void> join_branch_done_early() {
  auto [tx_a, rx_a] = mpsc::unbounded_channel<std::uint32_t>();
  auto [tx_b, rx_b] = mpsc::unbounded_channel<std::uint32_t>();
  auto [tx_c, rx_c] = mpsc::unbounded_channel<std::uint32_t>();
  auto a = consumer(std::move(rx_a));
  auto b = consumer(std::move(rx_b));
  auto c = consumer(std::move(rx_c));
  co_await join(send_sleeping(std::move(tx_a), 1, 1), send_sleeping(std::move(tx_b), 4, 1),
                send_sleeping(std::move(tx_c), 4, 1));
  co_await a;
  co_await b;
  co_await c;
}

async<void> send_after(mpsc::sender<std::uint32_t> tx, std::int64_t d) {
  co_await sleep(ms(d));
  check((co_await tx.send(1)).is_ok(), "send failed");
}

// A select whose losing recv had registered the task's waker: a later send wakes the task while
// it sleeps.
async<void> select_recv_loser_waker() {
  auto [tx, rx] = mpsc::channel<std::uint32_t>(4);
  auto producer = spawn(send_after(std::move(tx), 8));
  auto won = co_await wakeline::select(rx.recv(), sleep(ms(5)));
  check(won.index() == 1, "nothing was sent yet");
  co_await sleep(ms(10));
  check(co_await rx.recv() == 1u, "wrong value");
  co_await producer;
}

async<void> send_twice(mpsc::sender<std::uint32_t> tx) {
  co_await sleep(ms(5));
  check((co_await tx.send(1)).is_ok(), "send failed");
  co_await sleep(ms(2));
  check((co_await tx.send(2)).is_ok(), "send failed");
}

// A recv dropped by a timeout: the next send wakes the task once, the one after does not.
async<void> recv_dropped_then_send() {
  auto [tx, rx] = mpsc::channel<std::uint32_t>(4);
  auto producer = spawn(send_twice(std::move(tx)));
  check(!(co_await timeout(ms(2), rx.recv())).has_value(), "recv did not time out");
  co_await sleep(ms(10));
  check(co_await rx.recv() == 1u, "wrong value");
  check(co_await rx.recv() == 2u, "wrong value");
  co_await producer;
}

async<void> signal_then_send(oneshot::sender<std::uint32_t> done,
                             mpsc::unbounded_sender<std::uint32_t> tx) {
  co_await sleep(ms(2));
  check(done.send(7), "oneshot send failed");
  co_await sleep(ms(2));
  check(tx.send(1).is_ok(), "send failed");
  co_await sleep(ms(2));
  check(tx.send(2).is_ok(), "send failed");
}

// An unbounded recv loses a select to a oneshot; the sends that follow find its waker.
async<void> recv_loser_unbounded() {
  auto [tx, rx] = mpsc::unbounded_channel<std::uint32_t>();
  auto [done_tx, done_rx] = oneshot::channel<std::uint32_t>();
  auto producer = spawn(signal_then_send(std::move(done_tx), std::move(tx)));
  auto won = co_await wakeline::select(rx.recv(), std::move(done_rx));
  check(won.index() == 1 && std::get<1>(won) == 7u, "the oneshot should win");
  co_await sleep(ms(10));
  check(co_await rx.recv() == 1u, "wrong value");
  check(co_await rx.recv() == 2u, "wrong value");
  co_await producer;
}

async<void> acquire_n(std::shared_ptr<semaphore> sem, std::size_t n) {
  auto permit = co_await sem->acquire(n);
}

// Waits for `n` permits, then ends (giving them back).
join_handle<void> acquirer(const std::shared_ptr<semaphore>& sem, std::size_t n) {
  return spawn(acquire_n(sem, n));
}

// Three waiters completed by one release of three permits: woken newest first.
async<void> semaphore_release_many() {
  auto sem = std::make_shared<semaphore>(0);
  std::vector<join_handle<void>> handles;
  for (int i = 0; i < 3; ++i) handles.push_back(acquirer(sem, 1));
  co_await sleep(ms(1));
  sem->add_permits(3);
  for (auto& h : handles) co_await h;
}

// Waiters for 2, 1 and 2 permits and a release of 4: the first two are completed and woken,
// newest first; the third keeps what is left and waits for one more.
async<void> semaphore_release_partial() {
  auto sem = std::make_shared<semaphore>(0);
  std::vector<join_handle<void>> handles;
  for (std::size_t n : {2, 1, 2}) handles.push_back(acquirer(sem, n));
  co_await sleep(ms(1));
  sem->add_permits(4);
  co_await sleep(ms(1));
  sem->add_permits(1);
  for (auto& h : handles) co_await h;
}

// Forty waiters and one release of forty permits: woken in batches of 32, each newest first.
async<void> semaphore_release_batches() {
  auto sem = std::make_shared<semaphore>(0);
  std::vector<join_handle<void>> handles;
  for (int i = 0; i < 40; ++i) handles.push_back(acquirer(sem, 1));
  co_await sleep(ms(1));
  sem->add_permits(40);
  for (auto& h : handles) co_await h;
}

async<bool> acquire_timed_out(std::shared_ptr<semaphore> sem) {
  co_return !(co_await timeout(ms(5), sem->acquire(2))).has_value();
}

// A waiter for 2 permits, given 1, times out: its permit goes to the waiter behind it.
async<void> semaphore_acquire_dropped() {
  auto sem = std::make_shared<semaphore>(0);
  auto first = spawn(acquire_timed_out(sem));
  auto second = acquirer(sem, 1);
  co_await sleep(ms(1));
  sem->add_permits(1);
  check(co_await first, "acquire did not time out");
  co_await second;
}

async<void> wait_notified(std::shared_ptr<notify> n) { co_await n->notified(); }

// Waits for a notification, then ends.
join_handle<void> waiter(const std::shared_ptr<notify>& n) { return spawn(wait_notified(n)); }

// notify_waiters with three waiters: woken newest first.
async<void> notify_waiters_order() {
  auto n = std::make_shared<notify>();
  std::vector<join_handle<void>> handles;
  for (int i = 0; i < 3; ++i) handles.push_back(waiter(n));
  co_await sleep(ms(1));
  n->notify_waiters();
  for (auto& h : handles) co_await h;
}

// notify_one three times with three waiters: woken oldest first.
async<void> notify_one_fifo() {
  auto n = std::make_shared<notify>();
  std::vector<join_handle<void>> handles;
  for (int i = 0; i < 3; ++i) handles.push_back(waiter(n));
  co_await sleep(ms(1));
  n->notify_one();
  n->notify_one();
  n->notify_one();
  for (auto& h : handles) co_await h;
}

async<void> notified_twice(std::shared_ptr<notify> n) {
  co_await n->notified();
  co_await n->notified();
}

// Two notify_one with nobody waiting store one permit, not two.
async<void> notify_permit_stored() {
  auto n = std::make_shared<notify>();
  n->notify_one();
  n->notify_one();
  auto a = spawn(notified_twice(n));
  co_await sleep(ms(5));
  n->notify_one();
  co_await a;
}

// A notified() made before notify_waiters and a stored permit: its first poll takes the permit,
// so a later waiter waits for the next notify_one.
async<void> notify_permit_before_waiters() {
  auto n = std::make_shared<notify>();
  auto f = n->notified();
  n->notify_waiters();
  n->notify_one();
  co_await f;
  auto a = waiter(n);
  co_await sleep(ms(5));
  n->notify_one();
  co_await a;
}

// The waiter chosen by notify_one is aborted before it runs: the notification goes on to the
// next waiter.
async<void> notify_dropped_passes_on() {
  auto n = std::make_shared<notify>();
  auto a = waiter(n);
  auto b = waiter(n);
  co_await sleep(ms(1));
  n->notify_one();
  a.abort();
  bool cancelled = false;
  try {
    co_await a;
  } catch (const join_error&) {
    cancelled = true;
  }
  check(cancelled, "the aborted waiter ended");
  co_await b;
}

async<void> sleeps_past(std::uint64_t start) {
  co_await sleep(ms(5));
  co_await sleep_until(start);
  co_await sleep(ms(0));
  co_await sleep(ms(1));
}

// Sleeps whose deadline has passed, or is now, are ready at their first poll, with no wake.
async<void> sleep_past_deadline() {
  std::uint64_t start = runtime::current().now_ns();
  auto a = spawn(sleeps_past(start));
  co_await sleep_until(start + 3'000'000);
  co_await a;
}

// A completed sleep reset to now: under Tokio it still holds the task's waker, so the reset
// fires it and wakes the task, which then waits for something else.
async<void> sleep_reset_past() {
  auto s = sleep(ms(10));
  co_await s;
  s.reset(runtime::current().now_ns());
  co_await sleep(ms(5));
  co_await s;
}

// A completed sleep reset to a later deadline wakes its task when that comes, though the task
// waits for another sleep then.
async<void> sleep_reset_later() {
  auto s = sleep(ms(10));
  co_await s;
  s.reset(runtime::current().now_ns() + 20'000'000);
  co_await sleep(ms(30));
  co_await s;
}

// An interval whose task sleeps past three ticks, then takes four ticks with `behavior`.
async<void> interval_missing(missed_tick_behavior behavior) {
  wakeline::interval every(ms(10));
  every.set_missed_tick_behavior(behavior);
  co_await every.tick();
  co_await sleep(ms(35));
  for (int i = 0; i < 4; ++i) co_await every.tick();
}

// Burst: the missed ticks back to back, then the original schedule.
async<void> interval_burst() { co_await interval_missing(missed_tick_behavior::burst); }

// Delay: the schedule starts again one period after the late tick.
async<void> interval_delay() { co_await interval_missing(missed_tick_behavior::delay); }

// Skip: the missed ticks are dropped; the next is on the original schedule.
async<void> interval_skip() { co_await interval_missing(missed_tick_behavior::skip); }

// interval::reset: the next tick one period from now.
async<void> interval_reset() {
  wakeline::interval every(ms(10));
  co_await every.tick();
  co_await sleep(ms(3));
  every.reset();
  co_await every.tick();
  co_await every.tick();
}

async<void> nothing() { co_return; }

async<bool> zero_timeout_of_zero_sleep() {
  co_return (co_await timeout(ms(0), sleep(ms(0)))).has_value();
}

// A zero timeout: the inner future is polled first and wins if ready; else the timeout fires at
// its first poll.
async<void> timeout_zero() {
  check(!(co_await timeout(ms(0), sleep(ms(1)))).has_value(), "should time out");
  check((co_await timeout(ms(0), nothing())).has_value(), "should not time out");
  auto a = spawn(zero_timeout_of_zero_sleep());
  check(co_await a, "should not time out");
}

async<void> hold_lock(std::shared_ptr<mutex<std::uint32_t>> m, std::int64_t hold) {
  auto guard = co_await m->lock();
  co_await sleep(ms(hold));
  *guard += 1;
}

// Takes the lock and holds it across a long sleep.
join_handle<void> holder(const std::shared_ptr<mutex<std::uint32_t>>& m, std::int64_t hold) {
  return spawn(hold_lock(m, hold));
}

template <class T>
async<bool> was_aborted(join_handle<T>& h) {
  try {
    co_await h;
  } catch (const join_error&) {
    co_return true;
  }
  co_return false;
}

// The task holding a lock is aborted: its guard is dropped and the next waiter gets the lock.
async<void> mutex_abort_holder() {
  auto m = std::make_shared<mutex<std::uint32_t>>(0);
  auto a = holder(m, 100);
  auto b = holder(m, 1);
  auto c = holder(m, 1);
  co_await sleep(ms(5));
  a.abort();
  check(co_await was_aborted(a), "the holder ended");
  co_await b;
  co_await c;
  check(*co_await m->lock() == 2, "wrong count");
}

async<bool> lock_timed_out(std::shared_ptr<mutex<std::uint32_t>> m) {
  co_return !(co_await timeout(ms(5), m->lock())).has_value();
}

// A lock() that times out leaves the queue; the lock goes to the waiter behind it.
async<void> mutex_lock_dropped() {
  auto m = std::make_shared<mutex<std::uint32_t>>(0);
  auto a = holder(m, 10);
  auto b = spawn(lock_timed_out(m));
  auto c = holder(m, 1);
  check(co_await b, "lock did not time out");
  co_await a;
  co_await c;
}

async<void> sleep_for(std::int64_t d) { co_await sleep(ms(d)); }

// A task aborted while it sleeps: its timer is cancelled and its join handle woken at once.
async<void> abort_sleeping_task() {
  auto a = spawn(sleep_for(50));
  auto b = spawn(sleep_for(10));
  co_await sleep(ms(5));
  a.abort();
  check(co_await was_aborted(a), "the sleeper ended");
  co_await b;
}

// A task aborted before its first poll never runs; aborting a finished task changes nothing.
async<void> abort_before_first_poll() {
  auto a = spawn(sleep_for(1));
  auto b = spawn(nothing());
  a.abort();
  check(co_await was_aborted(a), "the task ran");
  co_await b;
}

async<bool> oneshot_failed(oneshot::receiver<std::uint32_t> rx) {
  co_return !(co_await rx).has_value();
}

// The sender is dropped without sending: the receiver is woken with an error.
async<void> oneshot_sender_dropped() {
  auto [tx, rx] = oneshot::channel<std::uint32_t>();
  auto a = spawn(oneshot_failed(std::move(rx)));
  co_await sleep(ms(2));
  { auto dropped = std::move(tx); }
  check(co_await a, "a value came");
}

async<std::uint32_t> oneshot_value(oneshot::receiver<std::uint32_t> rx) {
  auto v = co_await rx;
  check(v.has_value(), "no value");
  co_return *v;
}

// A oneshot sent to before its receiver is first polled: ready at once, no wake.
async<void> oneshot_sent_before_poll() {
  auto [tx, rx] = oneshot::channel<std::uint32_t>();
  auto a = spawn(oneshot_value(std::move(rx)));
  check(tx.send(3), "send failed");
  check(co_await a == 3u, "wrong value");
}

async<bool> send_failed(mpsc::sender<std::uint32_t> tx, std::uint32_t v) {
  co_return !(co_await tx.send(v)).is_ok();
}

// The receiver is dropped while two senders wait for a slot: both are woken, oldest first, to
// get their values back.
async<void> channel_close_wakes_senders() {
  auto [tx, rx] = mpsc::channel<std::uint32_t>(1);
  check((co_await tx.send(0)).is_ok(), "send failed");
  auto a = spawn(send_failed(tx, 1));
  auto b = spawn(send_failed(tx, 2));
  co_await sleep(ms(1));
  { auto dropped = std::move(rx); }
  check(co_await a, "send did not fail");
  check(co_await b, "send did not fail");
}

async<std::uint32_t> count_all(mpsc::receiver<std::uint32_t> rx) {
  std::uint32_t n = 0;
  for (;;) {
    std::optional<std::uint32_t> v = co_await rx.recv();
    if (!v) break;
    n += 1;
  }
  co_return n;
}

async<bool> drain_timed_out(mpsc::receiver<std::uint32_t> rx) {
  co_return !(co_await timeout(ms(0), count_all(std::move(rx)))).has_value();
}

// A timeout whose inner future spends the whole coop budget: the deadline is still looked at,
// with an unconstrained budget, and wins.
async<void> timeout_budget_spent() {
  auto [tx, rx] = mpsc::unbounded_channel<std::uint32_t>();
  for (std::uint32_t i = 0; i < 200; ++i) check(tx.send(i).is_ok(), "send failed");
  { auto dropped = std::move(tx); }
  auto a = spawn(drain_timed_out(std::move(rx)));
  // Without a budget (the `local` strategy) the drain ends first: the result is not checked.
  [[maybe_unused]] bool timed_out = co_await a;
}

// Polls a sleep that lives elsewhere, as `&mut sleep` does in Rust's select!.
struct sleep_ref {
  sleep_future* s;
  wakeline::poll<void> poll(context& cx) { return s->poll(cx); }
};

async<void> reset_while_pending(std::uint64_t start) {
  auto s = sleep(ms(10));
  auto won = co_await wakeline::select(sleep_ref{&s}, sleep(ms(1)));
  check(won.index() == 1, "not yet");
  s.reset(start + 20'000'000);
  co_await s;
}

async<void> sleep_then_until(std::uint64_t start) {
  co_await sleep(ms(2));
  co_await sleep_until(start + 20'000'000);
}

// A pending sleep reset to a later deadline stays filed at its old tick and goes back in at the
// new one only when the old one comes: behind a timer filed for the new tick meanwhile.
async<void> sleep_reset_while_pending() {
  std::uint64_t start = runtime::current().now_ns();
  auto a = spawn(reset_while_pending(start));
  auto b = spawn(sleep_then_until(start));
  co_await a;
  co_await b;
}

async<void> reset_before_poll(std::uint64_t start) {
  auto s = sleep(ms(100));
  s.reset(start + 10'000'000);
  co_await sleep(ms(1));
  co_await s;
}

async<void> sleep_until_at(std::uint64_t deadline) { co_await sleep_until(deadline); }

// A sleep reset before its first poll is filed in the reset's call, not at that poll: it fires
// ahead of a timer for the same tick that another task filed before the sleep's first poll.
async<void> sleep_reset_before_poll() {
  std::uint64_t start = runtime::current().now_ns();
  auto a = spawn(reset_before_poll(start));
  auto b = spawn(sleep_until_at(start + 10'000'000));
  co_await a;
  co_await b;
}

async<void> ticks_after_reset() {
  wakeline::interval every(ms(10));
  every.reset();
  co_await yield_now();
  co_await every.tick();
}

// interval::reset before the first tick files the interval's timer in the reset's call: it
// fires ahead of a timer for the same tick filed before the first tick() is polled.
async<void> interval_reset_before_tick() {
  std::uint64_t start = runtime::current().now_ns();
  auto a = spawn(ticks_after_reset());
  auto b = spawn(sleep_until_at(start + 10'000'000));
  co_await a;
  co_await b;
}

constexpr scenario all[]{
    {"join_rotates", join_rotates},
    {"join_three_same_instant", join_three_same_instant},
    {"join_branch_done_early", join_branch_done_early},
    {"select_recv_loser_waker", select_recv_loser_waker},
    {"recv_dropped_then_send", recv_dropped_then_send},
    {"recv_loser_unbounded", recv_loser_unbounded},
    {"semaphore_release_many", semaphore_release_many},
    {"semaphore_release_partial", semaphore_release_partial},
    {"semaphore_release_batches", semaphore_release_batches},
    {"semaphore_acquire_dropped", semaphore_acquire_dropped},
    {"notify_waiters_order", notify_waiters_order},
    {"notify_one_fifo", notify_one_fifo},
    {"notify_permit_stored", notify_permit_stored},
    {"notify_permit_before_waiters", notify_permit_before_waiters},
    {"notify_dropped_passes_on", notify_dropped_passes_on},
    {"sleep_past_deadline", sleep_past_deadline},
    {"sleep_reset_past", sleep_reset_past},
    {"sleep_reset_later", sleep_reset_later},
    {"interval_burst", interval_burst},
    {"interval_delay", interval_delay},
    {"interval_skip", interval_skip},
    {"interval_reset", interval_reset},
    {"timeout_zero", timeout_zero},
    {"mutex_abort_holder", mutex_abort_holder},
    {"mutex_lock_dropped", mutex_lock_dropped},
    {"abort_sleeping_task", abort_sleeping_task},
    {"abort_before_first_poll", abort_before_first_poll},
    {"oneshot_sender_dropped", oneshot_sender_dropped},
    {"oneshot_sent_before_poll", oneshot_sent_before_poll},
    {"channel_close_wakes_senders", channel_close_wakes_senders},
    {"timeout_budget_spent", timeout_budget_spent},
    {"sleep_reset_while_pending", sleep_reset_while_pending},
    {"sleep_reset_before_poll", sleep_reset_before_poll},
    {"interval_reset_before_tick", interval_reset_before_tick},
};

}  // namespace

std::span<const scenario> primitive_scenarios() { return all; }

}  // namespace wakeline::fidelity
