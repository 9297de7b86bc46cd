// embassy-blinky: firmware in the style of embassy — static tasks blinking LEDs on timer
// interrupts, a button task woken by its pin's interrupt, and an executor that sleeps between.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "registry.hpp"

namespace {

using namespace wakeline;
using std::chrono::milliseconds;

// The button's pin interrupt (embassy-stm32's `ExtiInput::wait_for_falling_edge`): a press is
// delivered at a virtual time, like an EXTI line firing; its handler wakes the task waiting
// for it. A press nobody waits for stays pending, like the line's pending bit.
//
// The pin is an I/O resource of the reactor (io_source), so its waits show in the trace as
// Wakeline's own I/O does:
//   a task waits for a press     io_register (once per wait), waker_clone
//   the line fires               io_ready, then waker_wake attributed to the pin
//   the task is polled again     the press is taken: ready
// A press is counted whether or not anyone waits (`pending_`), as the line's pending bit is:
// a task that asks after the press finds it at once, without an io_register.
class button {
 public:
  explicit button(runtime& rt) : rt_(rt), pin_(rt) {}
  button(const button&) = delete;
  button& operator=(const button&) = delete;

  /// Makes the button be pressed at virtual time `t_ns`.
  void press_at(std::uint64_t t_ns) {
    rt_.reactor().deliver_at(t_ns, [this] { on_interrupt(); });
  }

  /// A future ready at the next press.
  auto wait_for_press() { return press_future{this}; }

 private:
  struct press_future {
    button* b;
    wakeline::poll<void> poll(context& cx) {
      if (b->pending_ > 0) {
        --b->pending_;
        b->waiter_.reset();
        return poll_ready();
      }
      // The interrupt is armed once per wait; a later poll only refreshes the waker.
      if (!b->waiter_) b->pin_.record_wait(io_op::read);
      if (!b->waiter_ || !b->waiter_->will_wake(cx.waker())) b->waiter_ = cx.waker();
      return poll_pending;
    }
  };

  // The interrupt handler: runs outside any task, between the executor's batches. Its io_ready
  // names no task: the line knows that someone waits, not who.
  void on_interrupt() {
    ++pending_;
    if (!waiter_) return;
    const std::uint64_t seq = pin_.record_ready(io_op::read, 1, rt_.current_actor().cause);
    // Taken before the wake, so that the task's next wait starts afresh.
    waker w = std::move(*waiter_);
    waiter_.reset();
    pin_.wake(std::move(w), seq);
  }

  runtime& rt_;
  /// The EXTI line.
  io_source pin_;
  std::uint32_t pending_ = 0;
  std::optional<waker> waiter_;
};

// `#[embassy_executor::task(pool_size = ...)] async fn blink(led, ...)`: each blink is a sleep,
// that is an alarm on the time driver; between alarms the task is not in the run queue at all.
async<void> blink(int blinks, milliseconds period) {
  for (int i = 0; i < blinks; ++i) co_await sleep(period);
}

constexpr int max_spares = 64;

// Every blinker comes from this one spawn site, so they share one static pool of `pool_size`.
join_handle<void> spawn_blinker(int led, int blinks, milliseconds period) {
  return spawn(blink(blinks, period), "led " + std::to_string(led));
}

async<void> handle_button(button& b, int presses) {
  for (int i = 0; i < presses; ++i) co_await b.wait_for_press();
}

async<void> run_blinky(const examples::param_values& params) {
  const int leds = static_cast<int>(params.integer("leds"));
  const int blinks = static_cast<int>(params.integer("blinks"));
  const milliseconds period(params.integer("period_ms"));
  const int presses = static_cast<int>(params.integer("presses"));
  runtime& rt = runtime::current();

  // Presses at seeded times while the LEDs blink.
  button b(rt);
  examples::rng random(params.seed());
  const std::int64_t span_ms = std::max<std::int64_t>(1, blinks * period.count());
  std::vector<std::int64_t> at;
  for (int i = 0; i < presses; ++i) at.push_back(random.between(1, span_ms));
  std::sort(at.begin(), at.end());
  for (std::int64_t t : at) b.press_at(static_cast<std::uint64_t>(t) * 1'000'000);
  join_handle<void> button_task = spawn(handle_button(b, presses), "button");

  // LED i blinks every (i + 1) x period. Then spawn spare blinkers until the pool says Busy
  // (at most max_spares, for a huge pool): a refused spawn is the only kind of handle that is
  // finished before anything ran.
  std::vector<join_handle<void>> blinkers;
  std::string refusal;
  for (int led = 0; led < leds + max_spares; ++led) {
    join_handle<void> h = spawn_blinker(led, led < leds ? blinks : 0, period * (led + 1));
    if (h.is_finished()) {
      try {
        co_await h;
      } catch (const spawn_error& e) {
        refusal = e.what();  // Rust: `spawner.spawn(blink(..))` returned Err(SpawnError::Busy)
      }
      break;
    }
    blinkers.push_back(std::move(h));
  }
  for (auto& h : blinkers) co_await h;
  co_await button_task;
}

const bool registered = examples::register_example({
    .id = "embassy-blinky",
    .title = "Blinky on an embassy executor: static pools, interrupts and sleep",
    .topic = "schedulers",
    .explanation =
        "Firmware in embassy's style. Each LED task sleeps between blinks, so its wakes come from "
        "the timer's alarm interrupt; the button task waits for its pin's interrupt (a diamond on "
        "the I/O lane), pressed at seeded times. An interrupt's wake enqueues the task and, as the "
        "run queue was empty, calls the pender (a dot on the executor lane): the executor wakes "
        "up, takes the whole run queue as one batch (ticks where the batch begins and ends) and "
        "polls it in the reverse order of enqueue; a task woken during a batch waits for the next "
        "one. With nothing queued the executor sleeps (parked, WFE) until the next interrupt. All "
        "blinkers are spawned from one spawn site, one static pool of pool_size tasks: main fills "
        "it with spare blinkers until a spawn fails (a warning: SpawnError::Busy). Set pool_size "
        "below leds to see real LEDs refused too.",
    .params = {{"leds", examples::param_type::integer, 3, 1, 8, "LEDs blinking, each its own task"},
               {"blinks", examples::param_type::integer, 4, 1, 20, "blinks of each LED"},
               {"period_ms", examples::param_type::integer, 100, 1, 1000,
                "LED i sleeps (i + 1) x period_ms between blinks"},
               {"presses", examples::param_type::integer, 3, 0, 10,
                "button presses, at seeded times while the LEDs blink"}},
    .strategies = {"embassy"},
    .main = run_blinky,
});

}  // namespace
