// mutex-contention: several tasks take turns on one async mutex and hold it across an await.
// The waiters park in FIFO order, and each unlock hands the lock straight to the next of them
// with a wake: a chain of task-to-task wakes that goes round the tasks.
#include <chrono>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "busy.hpp"
#include "registry.hpp"
#include "sync/mutex.hpp"
#include "time/sleep.hpp"
#include "yield_now.hpp"

namespace {

using namespace wakeline;
using std::chrono::milliseconds;

// Takes the lock `iterations` times. While it holds the lock it awaits, so the others get
// polled, find the lock taken and wait in line. Dropping the guard at the end of the block
// hands the lock to the first in line; asking again puts this task at the back.
async<void> worker(std::shared_ptr<mutex<std::int64_t>> shared, std::int64_t iterations,
                   milliseconds hold, bool compute) {
  for (std::int64_t i = 0; i < iterations; ++i) {
    auto guard = co_await shared->lock();
    if (compute) {
      busy(hold);            // Computes with the lock held...
      co_await yield_now();  // ...then lets the others run, still holding it.
    } else {
      co_await sleep(hold);  // Waits with the lock held (an I/O call, say).
    }
    ++*guard;
  }
}

async<void> run_mutex_contention(const examples::param_values& params) {
  const std::int64_t tasks = params.integer("tasks");
  const std::int64_t iterations = params.integer("iterations");
  const milliseconds hold(params.integer("hold_ms"));
  const bool compute = params.flag("compute");

  // Shared ownership: a run cut short drops the tasks in any order.
  auto shared = std::make_shared<mutex<std::int64_t>>(0);
  std::vector<join_handle<void>> running;
  for (std::int64_t t = 1; t <= tasks; ++t) {
    auto task = spawn(worker(shared, iterations, hold, compute), "worker " + std::to_string(t));
    running.push_back(std::move(task));
  }
  for (auto& r : running) co_await r;
  // Every increment happened under the lock: none was lost.
  if (*co_await shared->lock() != tasks * iterations) throw std::logic_error("lost an update");
}

const bool registered = examples::register_example({
    .id = "mutex-contention",
    .title = "Tasks taking turns on an async mutex",
    .topic = "synchronisation",
    .explanation =
        "Each worker locks the mutex, holds it across an await (a sleep of hold_ms, or with "
        "compute on, hold_ms of computation then a yield_now), increments the shared counter and "
        "unlocks. Worker 1 gets the lock at once; the others are polled, find it taken, clone "
        "cx.waker() into the mutex's queue and return Poll::Pending: they wait. When the holder "
        "drops its guard, the lock is not left free for whoever comes first: it is handed to the "
        "first in line, and the arrow from the holder to that task is its Waker::wake. The holder "
        "then asks again and goes to the back of the line, so the lock goes round the workers in "
        "order (1, 2, 3, ... 1, 2, 3) and the run takes tasks x iterations x hold_ms: holding a "
        "lock across an await serialises everyone behind it.",
    .params = {{"tasks", examples::param_type::integer, 4, 1, 64, "how many workers contend"},
               {"hold_ms", examples::param_type::integer, 2, 0, 1000,
                "how long a worker holds the lock, in ms"},
               {"iterations", examples::param_type::integer, 3, 1, 200,
                "how many times each worker takes the lock"},
               {"compute", examples::param_type::boolean, 0, 0, 1,
                "hold the lock by computing (busy) and yielding instead of sleeping"}},
    .main = run_mutex_contention,
});

}  // namespace
