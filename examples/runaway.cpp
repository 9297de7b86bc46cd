// runaway: a server that leaks tasks. Every millisecond a request arrives and gets its own
// handler task; each handler fills a 1 MiB buffer and waits for a reply from a backend that
// never answers, with a timeout of an hour. Nothing is wrong with any single task, and nothing
// deadlocks: the main task keeps accepting. But handlers start faster than they end, and each
// holds its coroutine frame (with the buffer in it) until it ends, so the program's memory
// grows without bound until the runtime's memory limit (256 MiB by default) ends the run with
// outcome memory_exhausted.
//
// What a leak looks like in the trace: task_spawn after task_spawn, each handler polled once
// and left pending on a timer far in the future, and no task_end until the very end, when the
// runtime cancels them all at once. The count of live tasks only goes up. The fixes are the
// usual ones: a timeout that fits the work, a bound on the handlers in flight (a semaphore, or
// a full pool refusing spawns, as under embassy, which this example does not support for that
// reason), or back-pressure on whoever sends the requests.
#include <array>
#include <chrono>
#include <cstddef>

#include "registry.hpp"

namespace {

using namespace wakeline;
using std::chrono::hours;
using std::chrono::milliseconds;

// Makes the buffer's address escape, so no compiler can shrink or drop it: it stays in the
// coroutine frame, as a real request buffer would.
void keep(const std::byte* data) { asm volatile("" : : "r"(data) : "memory"); }

// A handler: its buffer lives in its coroutine frame for as long as the handler waits.
async<void> handle_request(std::uint64_t id) {
  std::array<std::byte, std::size_t{1} << 20> buffer;
  buffer[0] = static_cast<std::byte>(id);
  keep(buffer.data());
  co_await sleep(hours(1));  // The backend never answers; the timeout is far too long.
  keep(buffer.data());
}

// Accepts a request every interval_ms and leaves its handler running, detached.
async<void> serve(const examples::param_values& params) {
  const milliseconds interval(params.integer("interval_ms"));
  for (std::uint64_t request = 1;; ++request) {
    // The handle goes at the end of the iteration: the handler runs on, detached, and nobody
    // will ever wait for it.
    join_handle<void> handler = spawn(handle_request(request), "handler");
    co_await sleep(interval);
  }
}

const bool registered = examples::register_example({
    .id = "runaway",
    .title = "A server that leaks tasks",
    .topic = "pitfalls",
    .explanation =
        "Every interval_ms a request arrives and gets a handler task that holds a 1 MiB buffer "
        "while it waits an hour for a reply that never comes. Handlers start faster than they end, "
        "so memory grows without bound: the run stops once the program holds more than the memory "
        "limit (256 MiB by default), with a warning. In the trace, a leak is tasks spawned that "
        "never end: the live tasks only grow, until the runtime cancels them all at the end.",
    .params = {{"interval_ms", examples::param_type::integer, 1, 1, 1000,
                "time between two requests, in ms"}},
    // Not embassy: its static pool refuses the 17th spawn, which is one cure for this leak.
    .strategies = {"local", "tokio-current-thread", "tokio-multi-thread", "smol"},
    .main = serve,
    .outcome_with_defaults = run_outcome::memory_exhausted,
});

}  // namespace
