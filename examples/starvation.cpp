// starvation: a task that computes without awaiting holds its worker, and a ticker that wants a
// turn every millisecond waits for it. `yield_now` between jobs, or jobs that come through a
// resource with a coop budget, give the ticker its turns back.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <string>

#include "busy.hpp"
#include "registry.hpp"
#include "sync/mpsc.hpp"
#include "time/interval.hpp"
#include "yield_now.hpp"

namespace {

using namespace wakeline;
using std::chrono::microseconds;
using std::chrono::milliseconds;

/// How the hog gives way, the `fix` parameter.
enum class fix { none = 0, yield_now = 1, coop = 2 };

// Wants to run every millisecond. Each tick notes how long after its scheduled time the task
// actually ran: the time it spent runnable, or not even noticed, while someone else computed.
async<std::uint64_t> ticker(std::int64_t ticks) {
  interval every(milliseconds(1));
  std::uint64_t worst_ns = 0;
  for (std::int64_t i = 0; i < ticks; ++i) {
    std::uint64_t scheduled = co_await every.tick();
    worst_ns = std::max(worst_ns, runtime::current().now_ns() - scheduled);
  }
  co_return worst_ns;
}

// Every job is pure computation: nothing in this loop ever returns pending, so the one poll
// lasts until the last job is done.
async<void> hog(std::int64_t jobs, microseconds job) {
  for (std::int64_t i = 0; i < jobs; ++i) busy(job);
  co_return;
}

// The same jobs with a yield every `every` of them: pending once, back in the queue.
async<void> polite_hog(std::int64_t jobs, microseconds job, std::int64_t every) {
  for (std::int64_t i = 1; i <= jobs; ++i) {
    busy(job);
    if (i % every == 0 && i < jobs) co_await yield_now();
  }
}

// The same jobs taken from a channel that already holds them all: every recv is ready, but a
// channel spends the task's coop budget, so a strategy with a budget makes it say pending.
async<void> queue_hog(mpsc::unbounded_receiver<std::int64_t> rx, microseconds job) {
  while (auto next = co_await rx.recv()) busy(job);
}

// "12.345 ms": the lateness with microseconds, so small ones do not read as zero.
std::string as_ms(std::uint64_t ns) {
  std::uint64_t us = ns / 1'000;
  std::string frac = std::to_string(us % 1'000);
  return std::to_string(us / 1'000) + "." + std::string(3 - frac.size(), '0') + frac + " ms";
}

// Does nothing: its name carries the result into the trace and the task table.
async<void> report() { co_return; }

async<void> run_starvation(const examples::param_values& params) {
  const auto chosen = static_cast<fix>(params.integer("fix"));
  const std::int64_t jobs = params.integer("jobs");
  const microseconds job(params.integer("job_us"));

  auto ticking = spawn(ticker(params.integer("ticks")), "ticker");
  join_handle<void> working = [&] {
    switch (chosen) {
      case fix::yield_now:
        return spawn(polite_hog(jobs, job, params.integer("yield_every")), "hog");
      case fix::coop: {
        auto [tx, rx] = mpsc::unbounded_channel<std::int64_t>();
        for (std::int64_t i = 0; i < jobs; ++i) (void)tx.send(i);
        return spawn(queue_hog(std::move(rx), job), "hog");  // tx ends here: the queue closes.
      }
      case fix::none:
        break;
    }
    return spawn(hog(jobs, job), "hog");
  }();
  std::uint64_t worst_ns = co_await ticking;
  co_await working;
  co_await spawn(report(), "worst tick " + as_ms(worst_ns) + " late");
}

const bool registered = examples::register_example({
    .id = "starvation",
    .title = "A task that computes without yielding starves the others",
    .topic = "schedulers",
    .explanation =
        "`hog` runs `jobs` jobs of pure computation (each takes job_us of its thread's time); "
        "`ticker` wants a turn every 1 ms. With fix 0 the hog never awaits: its first poll lasts "
        "until every job is done, the ticker's timer fires about 99 ms late, and the ticker then "
        "catches up at one instant (hatched: no time passes there). The last task's name says "
        "the worst lateness. Fix 1 awaits yield_now every yield_every jobs: the hog returns "
        "Poll::Pending and goes to the back of the run queue, and the ticker gets a turn once the "
        "timers are looked at (under local, every 61 polls). Fix 2 takes the jobs from a "
        "channel: under tokio-current-thread the coop budget makes recv return Poll::Pending "
        "every 128 jobs; set event_interval to 1 and the ticker gets in after every budget, "
        "about 25 ms late instead of 99. Under local there is no budget, and the ticker starves "
        "as with fix 0.",
    .params = {{"fix", examples::param_type::integer, 0, 0, 2,
                "0 none, 1 yield_now every yield_every jobs, 2 jobs through a channel (coop "
                "budget)"},
               {"jobs", examples::param_type::integer, 1000, 1, 100000,
                "how many jobs the hog runs"},
               {"job_us", examples::param_type::integer, 100, 0, 10000,
                "computing time of one job, in µs"},
               {"yield_every", examples::param_type::integer, 1, 1, 100000,
                "with fix 1, jobs between two yields"},
               {"ticks", examples::param_type::integer, 100, 1, 10000,
                "how many 1 ms ticks the ticker waits for"}},
    .main = run_starvation,
});

}  // namespace
