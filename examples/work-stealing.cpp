// work-stealing: one task spawns a burst of jobs of uneven length from a single worker, so they
// all start out in one place: that worker's queue (and LIFO slot) under tokio, the global queue
// under smol. Workers with nothing to do search, steal half of what they find, and the burst
// ends sooner than on one worker by about the number of workers.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "busy.hpp"
#include "registry.hpp"
#include "time/sleep.hpp"

namespace {

using namespace wakeline;
using std::chrono::microseconds;
using std::chrono::milliseconds;

// Pure computation for `length`: one poll that holds its worker until it is done.
async<void> job(microseconds length) {
  busy(length);
  co_return;
}

// "12.345 ms", with microseconds so that short runs do not read as zero.
std::string as_ms(std::uint64_t ns) {
  std::uint64_t us = ns / 1'000;
  std::string frac = std::to_string(us % 1'000);
  return std::to_string(us / 1'000) + "." + std::string(3 - frac.size(), '0') + frac + " ms";
}

/// What the dispatcher measured: the time its bursts took, and the computing they held.
struct dispatch_result {
  std::uint64_t makespan_ns = 0;
  std::uint64_t work_ns = 0;
};

// Spawns each burst from the worker it runs on, waits for all its jobs, sleeps, spawns the next.
// The makespan counts from each burst's spawns to the moment its last job is known to be done;
// the pauses between bursts are not in it.
async<dispatch_result> dispatcher(std::int64_t jobs, std::int64_t bursts, std::int64_t lo_us,
                                  std::int64_t hi_us, milliseconds pause, std::uint64_t seed) {
  examples::rng lengths(seed);
  dispatch_result out;
  std::int64_t number = 0;
  for (std::int64_t b = 0; b < bursts; ++b) {
    if (b > 0) co_await sleep(pause);  // Every worker runs dry and parks meanwhile.
    const std::uint64_t start = runtime::current().now_ns();
    std::vector<join_handle<void>> running;
    running.reserve(static_cast<std::size_t>(jobs));
    for (std::int64_t i = 0; i < jobs; ++i) {
      const microseconds length(lengths.between(lo_us, hi_us));
      out.work_ns += static_cast<std::uint64_t>(std::chrono::nanoseconds(length).count());
      std::string name = "job " + std::to_string(++number) + " (";
      name += std::to_string(length.count()) + " µs)";
      running.push_back(spawn(job(length), std::move(name)));
    }
    for (auto& r : running) co_await r;
    out.makespan_ns += runtime::current().now_ns() - start;
  }
  co_return out;
}

// Does nothing: its name carries the result into the trace and the task table.
async<void> report() { co_return; }

async<void> run_work_stealing(const examples::param_values& params) {
  const std::int64_t a = params.integer("min_job_us");
  const std::int64_t b = params.integer("max_job_us");
  // Spawned from main (the block_on thread), the dispatcher lands on one worker; the jobs it
  // spawns start out there.
  // Each spawn and await on one line: the line a trace records for a call that spans several
  // differs between compilers (the native build and the WebAssembly one).
  const milliseconds pause(params.integer("pause_ms"));
  const std::int64_t jobs = params.integer("jobs");
  const std::int64_t bursts = params.integer("bursts");
  const std::int64_t lo = std::min(a, b);
  const std::int64_t hi = std::max(a, b);
  auto dispatching = spawn(dispatcher(jobs, bursts, lo, hi, pause, params.seed()), "dispatcher");
  dispatch_result r = co_await dispatching;
  std::string name = "makespan " + as_ms(r.makespan_ns) + " for " + as_ms(r.work_ns) + " of jobs";
  co_await spawn(report(), std::move(name));
}

const bool registered = examples::register_example({
    .id = "work-stealing",
    .title = "Idle workers steal from a busy one",
    .topic = "schedulers",
    .explanation =
        "The dispatcher runs on one worker thread and spawns `jobs` jobs at once, each computing "
        "(wakeline::busy) for a time drawn between min_job_us and max_job_us from the seed. Under "
        "tokio-multi-thread every spawn lands in that thread's LIFO slot and pushes the one before "
        "it to the back of its local queue; under smol they all go to the global queue, and the "
        "first thread to take one moves half of the rest into its own queue. With more than 256 "
        "jobs tokio's local queue overflows: half of it moves to the inject queue (a downward "
        "triangle on the thread's lane). Watch the other threads: each wakes, searches (the band "
        "on its lane), and steals half of the busy thread's queue (the steal triangle, its arrow "
        "from the victim); a thread that finds nothing parks. Since the jobs are uneven, threads "
        "run dry at different times and steal again from whoever still has a queue. The task named "
        "\"makespan ... for ... of jobs\" at the end compares the time the bursts took with the "
        "computing in them: with workers=1 they are equal (plus 1 µs per poll), with 4 workers the "
        "makespan is about a quarter. With bursts above 1 the dispatcher sleeps pause_ms between "
        "bursts: every thread parks, the timer wakes the dispatcher on the thread that sleeps on "
        "the driver, and the next burst starts from there.",
    .params = {{"jobs", examples::param_type::integer, 32, 1, 1000,
                "how many jobs each burst spawns"},
               {"min_job_us", examples::param_type::integer, 50, 0, 10000,
                "shortest job, in µs of computing"},
               {"max_job_us", examples::param_type::integer, 500, 0, 10000,
                "longest job, in µs of computing"},
               {"bursts", examples::param_type::integer, 1, 1, 4, "how many bursts"},
               {"pause_ms", examples::param_type::integer, 5, 0, 1000,
                "the dispatcher's sleep between two bursts, in ms"}},
    .strategies = {"tokio-multi-thread", "smol"},
    .main = run_work_stealing,
});

}  // namespace
