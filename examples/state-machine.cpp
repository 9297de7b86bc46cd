// state-machine: an async function next to the state machine a compiler would make of it.
#include <chrono>
#include <optional>
#include <stdexcept>

#include "pending.hpp"
#include "registry.hpp"

namespace {

using namespace wakeline;
using examples::pending;
using std::chrono::milliseconds;

// The async function: connect, then count a few ticks. Each co_await is a point where the
// function may return pending and later be resumed exactly there.
async<int> connect_and_count(milliseconds connect, milliseconds tick, int ticks) {
  co_await sleep(connect);
  int count = 0;
  while (count < ticks) {
    co_await sleep(tick);
    ++count;
  }
  co_return count;
}

// The same function written by hand, as the compiler writes it for us: every await point becomes
// a state, the locals that live across an await become members, and poll() jumps to the state
// it left off in. The sleep futures it awaits live in the object, so they keep their place in
// memory between polls, just as they do in the coroutine frame.
class connect_and_count_future {
 public:
  connect_and_count_future(milliseconds connect, milliseconds tick, int ticks)
      : connect_(connect), tick_(tick), ticks_(ticks) {}

  /// Runs until the next await that is pending, or to the end.
  wakeline::poll<int> poll(context& cx) {
    for (;;) {
      switch (state_) {
        case state::start:
          sleep_.emplace(sleep(connect_));
          state_ = state::connecting;
          break;
        case state::connecting:
          if (sleep_->poll(cx).is_pending()) return pending();
          sleep_.reset();
          state_ = state::counting;
          break;
        case state::counting:
          if (count_ == ticks_) {
            state_ = state::done;
            return poll_ready(count_);
          }
          sleep_.emplace(sleep(tick_));
          state_ = state::ticking;
          break;
        case state::ticking:
          if (sleep_->poll(cx).is_pending()) return pending();
          sleep_.reset();
          ++count_;
          state_ = state::counting;
          break;
        case state::done:
          throw std::logic_error("connect_and_count_future polled after it completed");
      }
    }
  }

 private:
  enum class state {
    start,       // not polled yet
    connecting,  // waiting on the connect sleep
    counting,    // between ticks: decide whether to tick again
    ticking,     // waiting on a tick sleep
    done,        // returned ready; must not be polled again
  };

  milliseconds connect_;
  milliseconds tick_;
  int ticks_;
  int count_ = 0;
  state state_ = state::start;
  std::optional<sleep_future> sleep_;
};

async<void> run_both(const examples::param_values& params) {
  const milliseconds connect(params.integer("connect_ms"));
  const milliseconds tick(params.integer("tick_ms"));
  const int ticks = static_cast<int>(params.integer("ticks"));
  int by_coroutine = 0;
  int by_hand = 0;
  if (params.flag("together")) {
    auto a = spawn(connect_and_count(connect, tick, ticks), "async fn");
    auto b = spawn(connect_and_count_future(connect, tick, ticks), "state machine");
    by_coroutine = co_await a;
    by_hand = co_await b;
  } else {
    // One after the other, so each half of the trace shows one version on its own.
    by_coroutine = co_await spawn(connect_and_count(connect, tick, ticks), "async fn");
    by_hand = co_await spawn(connect_and_count_future(connect, tick, ticks), "state machine");
  }
  if (by_coroutine != by_hand) throw std::logic_error("the two versions disagree");
}

const bool registered = examples::register_example({
    .id = "state-machine",
    .title = "An async function is a state machine",
    .topic = "basics",
    .explanation =
        "An async function compiles to a state machine: each await is a state, and Future::poll "
        "resumes where it left off. The same function runs twice, once as a coroutine and once as "
        "a hand-written future with an explicit enum state, each as its own task. Compare the two "
        "halves of the trace: the same polls, timer arms, wakes and Poll::Pending results, in the "
        "same order. Set together to run both at once and watch them interleave.",
    .params = {{"connect_ms", examples::param_type::integer, 5, 0, 1000,
                "how long the connect step sleeps, in ms"},
               {"tick_ms", examples::param_type::integer, 10, 1, 1000,
                "how long each tick sleeps, in ms"},
               {"ticks", examples::param_type::integer, 3, 0, 20, "how many ticks to count"},
               {"together", examples::param_type::boolean, 0, 0, 1,
                "run both versions at the same time instead of one after the other"}},
    .main = run_both,
});

}  // namespace
