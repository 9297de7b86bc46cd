// coop-budget: a task that always finds its channel ready, and the tasks waiting behind it. Under
// `local` it drains the channel in one poll; under `tokio-current-thread` its coop budget makes
// the channel say pending every 128 messages, and the others get their turn.
#include <cstdint>
#include <string>
#include <vector>

#include "registry.hpp"
#include "sync/mpsc.hpp"

namespace {

using namespace wakeline;

// Every recv finds a message already there, so nothing ever makes this task wait: only the
// runtime can make it stop.
async<void> drain(mpsc::unbounded_receiver<int> rx) {
  std::int64_t total = 0;  // Up to 100,000 messages: more than an int holds.
  while (auto message = co_await rx.recv()) total += *message;
  (void)total;
}

// Wants one poll, as soon as it can get it.
async<void> ticker() { co_return; }

async<void> run_coop_budget(const examples::param_values& params) {
  const int messages = static_cast<int>(params.integer("messages"));
  const int tickers = static_cast<int>(params.integer("tickers"));

  auto [tx, rx] = mpsc::unbounded_channel<int>();
  for (int i = 0; i < messages; ++i) (void)tx.send(i);
  { auto drop = std::move(tx); }  // The channel ends after the buffered messages.
  auto hog = spawn(drain(std::move(rx)), "drain");
  std::vector<join_handle<void>> others;
  for (int i = 0; i < tickers; ++i) {
    others.push_back(spawn(ticker(), "ticker " + std::to_string(i + 1)));
  }
  co_await hog;
  for (auto& other : others) co_await other;
}

const bool registered = examples::register_example({
    .id = "coop-budget",
    .title = "A task that never waits, and the budget that stops it",
    .topic = "schedulers",
    .explanation =
        "`drain` receives from a channel that already holds every message, so each recv is ready "
        "and the task never returns Poll::Pending by itself. Under the `local` strategy it empties "
        "the channel in a single poll while the tickers wait in the run queue. Switch to "
        "`tokio-current-thread`: like Tokio, each poll gets a budget of 128 operations on "
        "resources; when it is spent (the caption says the coop budget is used up), recv returns "
        "Poll::Pending and wakes the task at once, so it goes to the back of the queue and the "
        "tickers run in between.",
    .params = {{"messages", examples::param_type::integer, 300, 1, 100000,
                "how many messages wait in the channel"},
               {"tickers", examples::param_type::integer, 3, 0, 100,
                "how many other tasks want a turn"}},
    .main = run_coop_budget,
});

}  // namespace
