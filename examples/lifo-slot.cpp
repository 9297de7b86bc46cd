// lifo-slot: two tasks pass a message back and forth over channels while background tasks keep
// the workers' queues full. Tokio's LIFO slot runs the task a worker has just woken next, ahead
// of its queue, so a reply does not wait behind everything queued; turn it off and it does.
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "busy.hpp"
#include "registry.hpp"
#include "sync/mpsc.hpp"

namespace {

using namespace wakeline;
using std::chrono::microseconds;

// Pending once with the task's own waker woken: a task woken during its own poll goes to the
// back of its worker's queue, never to the LIFO slot. (`yield_now` would not do here: under
// tokio its wake waits for the driver, then takes the LIFO slot.)
class requeue_future {
 public:
  wakeline::poll<void> poll(context& cx) {
    if (requeued_) return poll_ready();
    requeued_ = true;
    cx.waker().wake_by_ref();
    return poll_pending;
  }

 private:
  bool requeued_ = false;
};

// Computes for `slice`, goes to the back of the queue, again, until the ping-pong is over.
async<void> background(std::shared_ptr<const bool> done, microseconds slice) {
  while (!*done) {
    busy(slice);
    co_await requeue_future{};
  }
}

// Sends a number and waits for it to come back, `round_trips` times; returns the average time
// from a send to its answer, in ns. Both ends are measured when the pinger's polls begin.
async<std::uint64_t> pinger(mpsc::unbounded_sender<std::int64_t> ping,
                            mpsc::unbounded_receiver<std::int64_t> pong, std::int64_t round_trips,
                            std::shared_ptr<bool> done) {
  std::uint64_t total_ns = 0;
  for (std::int64_t i = 0; i < round_trips; ++i) {
    const std::uint64_t sent = runtime::current().now_ns();
    (void)ping.send(i);  // Wakes the ponger: into this worker's LIFO slot, or its queue.
    std::optional<std::int64_t> back = co_await pong.recv();
    if (!back || *back != i) break;
    total_ns += runtime::current().now_ns() - sent;
  }
  *done = true;  // The background tasks end at their next turn.
  co_return total_ns / static_cast<std::uint64_t>(round_trips);
}

// Answers every number with itself, until the pinger drops its sender.
async<void> ponger(mpsc::unbounded_receiver<std::int64_t> ping,
                   mpsc::unbounded_sender<std::int64_t> pong) {
  while (std::optional<std::int64_t> n = co_await ping.recv()) (void)pong.send(*n);
}

// "12.345 µs" with its nanoseconds, or "12.345 ms" once it is that long.
std::string as_time(std::uint64_t ns) {
  const bool long_one = ns >= 1'000'000;
  const std::uint64_t units = long_one ? ns / 1'000 : ns;
  std::string frac = std::to_string(units % 1'000);
  return std::to_string(units / 1'000) + "." + std::string(3 - frac.size(), '0') + frac +
         (long_one ? " ms" : " µs");
}

// Does nothing: its name carries the result into the trace and the task table.
async<void> report() { co_return; }

// Spawns everything from one worker, so that the tasks start out in its queue and the idle
// workers steal their share at once. (Spawned from main, on the block_on thread, they would
// wait in the inject queue, which a busy worker looks at only every 61 polls.)
async<std::uint64_t> setup(std::int64_t round_trips, std::int64_t tasks, microseconds slice) {
  auto done = std::make_shared<bool>(false);
  std::vector<join_handle<void>> others;
  for (std::int64_t i = 1; i <= tasks; ++i) {
    others.push_back(spawn(background(done, slice), "background " + std::to_string(i)));
  }
  auto [ping_tx, ping_rx] = mpsc::unbounded_channel<std::int64_t>();
  auto [pong_tx, pong_rx] = mpsc::unbounded_channel<std::int64_t>();
  others.push_back(spawn(ponger(std::move(ping_rx), std::move(pong_tx)), "ponger"));
  join_handle<std::uint64_t> measuring =
      spawn(pinger(std::move(ping_tx), std::move(pong_rx), round_trips, done), "pinger");
  std::uint64_t average_ns = co_await measuring;
  for (auto& o : others) co_await o;
  co_return average_ns;
}

async<void> run_lifo_slot(const examples::param_values& params) {
  // Each spawn and await on one line: the line a trace records for a call that spans several
  // differs between compilers (the native build and the WebAssembly one).
  const std::int64_t trips = params.integer("round_trips");
  const std::int64_t others = params.integer("background");
  const microseconds slice(params.integer("background_us"));
  auto measuring = spawn(setup(trips, others, slice), "setup");
  std::uint64_t average_ns = co_await measuring;
  const bool lifo = runtime::current().strategy().lifo_slot != 0;
  std::string name = "round trip " + as_time(average_ns) + " on average, lifo_slot ";
  name += lifo ? "on" : "off";
  co_await spawn(report(), std::move(name));
}

const bool registered = examples::register_example({
    .id = "lifo-slot",
    .title = "Message passing with and without the LIFO slot",
    .topic = "schedulers",
    .explanation =
        "The pinger sends a number over a channel and waits for the ponger to send it back, "
        "round_trips times, while `background` tasks compute for background_us and go to the back "
        "of their thread's queue, over and over, so that the queues are never empty. Everything is "
        "spawned from one worker thread and the idle ones steal their share at the start; the "
        "pair, spawned last, stays on the first thread. Sending wakes the receiver, and under "
        "tokio-multi-thread a task woken on a worker thread goes to that thread's LIFO slot (the "
        "caption says so, and the run queue shows it in orange): as soon as the sender's poll "
        "ends, the receiver runs on the same thread, ahead of the whole queue. But only 3 LIFO "
        "polls may follow one another (max_lifo_polls): the 4th wake goes to the back of the local "
        "queue, and that message waits behind the background tasks. So the pattern is LIFO, LIFO, "
        "LIFO, queue: one round trip in two is 2 µs, the other waits for the queue. Set lifo_slot "
        "to false: every wake goes to the back of the queue, every message waits, and the task "
        "named \"round trip ... on average\" at the end reports about 2.5 times the round trip (86 "
        "µs against 33.5 µs with the defaults). With max_lifo_polls at 1000 the pair runs in the "
        "slot until the coop budget the LIFO polls share is spent (128 channel operations): then "
        "the slot's task goes to the queue, its thread's coop budget spent, about every 64 round "
        "trips.",
    .params = {{"round_trips", examples::param_type::integer, 40, 1, 1000,
                "how many times the number goes there and back"},
               {"background", examples::param_type::integer, 16, 0, 64,
                "tasks that keep the queues busy"},
               {"background_us", examples::param_type::integer, 20, 1, 1000,
                "how long a background task computes per turn, in µs"}},
    .strategies = {"tokio-multi-thread"},
    .main = run_lifo_slot,
});

}  // namespace
