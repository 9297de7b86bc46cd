#include "strategy.hpp"

#include <algorithm>
#include <array>

namespace wakeline {

namespace {

using config = strategy_config;

// A poll on a worker of a multi-worker runtime takes a little time by default, so that workers
// overlap and a busy worker's queue waits; single-thread strategies keep Tokio's paused clock.
constexpr std::uint64_t multi_worker_poll_cost_ns = 1'000;
constexpr std::uint64_t max_poll_cost_ns = 1'000'000'000;

constexpr strategy_setting poll_cost(std::uint64_t default_ns) {
  return {"poll_cost_ns",
          &config::poll_cost_ns,
          default_ns,
          0,
          max_poll_cost_ns,
          false,
          "virtual time every poll takes, in ns"};
}

constexpr strategy_setting workers(std::uint64_t default_count) {
  return {"workers", &config::workers, default_count, 1, 64, false, "worker threads"};
}

constexpr strategy_setting coop_budget{
    "coop_budget",
    &config::coop_budget,
    tokio_params::coop_budget,
    0,
    1'000'000,
    false,
    "resource operations a poll may complete before they return pending (0: no budget)"};

constexpr strategy_setting event_interval{"event_interval",
                                          &config::event_interval,
                                          tokio_params::event_interval,
                                          1,
                                          100'000,
                                          false,
                                          "polls between two looks at timers and I/O"};

constexpr std::array local_settings{poll_cost(0)};

constexpr std::array tokio_current_thread_settings{
    poll_cost(0),
    event_interval,
    coop_budget,
};

// Tokio: inject queue every 61 ticks before 1.29 (scheduler/multi_thread/worker.rs); a local
// queue of 256 (queue.rs, LOCAL_QUEUE_CAPACITY); MAX_LIFO_POLLS_PER_TICK = 3 since 1.29.
constexpr std::array tokio_multi_thread_settings{
    workers(4),
    poll_cost(multi_worker_poll_cost_ns),
    event_interval,
    strategy_setting{"global_queue_interval", &config::global_queue_interval, 61, 1, 100'000, false,
                     "polls between two looks at the inject queue before the local queue"},
    strategy_setting{"self_tuning", &config::self_tuning, 0, 0, 1, true,
                     "tune the inject queue interval to the poll time, as Tokio 1.29 and later"},
    strategy_setting{"local_queue_capacity", &config::local_queue_capacity, 256, 2, 65'536, false,
                     "tasks a worker's local queue holds before half of it overflows"},
    strategy_setting{"lifo_slot", &config::lifo_slot, 1, 0, 1, true,
                     "a task woken by a worker runs next on that worker"},
    strategy_setting{"max_lifo_polls", &config::max_lifo_polls, 3, 1, 1'000, false,
                     "LIFO slot polls in a row before the slot's task goes to the queue"},
    coop_budget,
};

// async-executor 1.5 (src/lib.rs): local queues of 512, 200 polls per run before yielding.
constexpr std::array smol_settings{
    workers(4),
    poll_cost(multi_worker_poll_cost_ns),
    strategy_setting{"local_queue_capacity", &config::local_queue_capacity, 512, 2, 65'536, false,
                     "tasks a worker's local queue holds"},
    strategy_setting{"polls_per_yield", &config::polls_per_yield, 200, 1, 1'000'000, false,
                     "polls a worker makes before it yields and looks at the global queue"},
};

// embassy-executor 0.5: a task's pool holds `pool_size` instances. Embassy's own default is 1;
// 16 lets examples that spawn one task function several times run unchanged.
constexpr std::array embassy_settings{
    poll_cost(0),
    strategy_setting{"pool_size", &config::pool_size, 16, 1, 100'000, false,
                     "tasks each spawn site's static pool holds"},
};

}  // namespace

std::span<const strategy_setting> settings_of(strategy_kind kind) {
  switch (kind) {
    case strategy_kind::local:
      return local_settings;
    case strategy_kind::tokio_current_thread:
      return tokio_current_thread_settings;
    case strategy_kind::tokio_multi_thread:
      return tokio_multi_thread_settings;
    case strategy_kind::smol:
      return smol_settings;
    case strategy_kind::embassy:
      return embassy_settings;
  }
  return local_settings;
}

const strategy_setting* find_setting(strategy_kind kind, std::string_view name) {
  auto settings = settings_of(kind);
  auto it = std::find_if(settings.begin(), settings.end(),
                         [name](const strategy_setting& s) { return s.name == name; });
  return it != settings.end() ? &*it : nullptr;
}

strategy_config::strategy_config(strategy_kind k) : kind(k) {
  for (const strategy_setting& s : settings_of(k)) this->*s.field = s.default_value;
}

}  // namespace wakeline
