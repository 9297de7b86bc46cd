// lost-wakeup: a hand-written future that returns pending without keeping its waker, so nobody
// can ever wake it. The runtime does not hide the bug: the run ends in a deadlock whose report
// shows the stuck task with no waker alive.
#include <chrono>
#include <memory>
#include <optional>

#include "pending.hpp"
#include "registry.hpp"

namespace {

using namespace wakeline;
using examples::pending;
using std::chrono::milliseconds;

/// Where the letter is left, and who to tell when it arrives.
struct mailbox {
  bool delivered = false;
  std::optional<waker> reader;
};

/// Ready once the letter is there. A correct future keeps the waker it was polled with before
/// it says pending; with `keep_waker` false this one forgets to, which is the bug.
class wait_for_letter {
 public:
  wait_for_letter(std::shared_ptr<mailbox> box, bool keep_waker)
      : box_(std::move(box)), keep_waker_(keep_waker) {}

  wakeline::poll<void> poll(context& cx) {
    if (box_->delivered) return poll_ready();
    if (keep_waker_ && (!box_->reader || !box_->reader->will_wake(cx.waker()))) {
      box_->reader = cx.waker();
    }
    return pending();
  }

 private:
  std::shared_ptr<mailbox> box_;
  bool keep_waker_;
};

async<void> reader(std::shared_ptr<mailbox> box, bool keep_waker) {
  co_await wait_for_letter(box, keep_waker);
}

// Delivers the letter after a while, and wakes the reader if it left a waker.
async<void> postman(std::shared_ptr<mailbox> box, milliseconds delay) {
  co_await sleep(delay);
  box->delivered = true;
  if (box->reader) {
    waker w = std::move(*box->reader);
    box->reader.reset();
    std::move(w).wake();
  }
}

async<void> run_lost_wakeup(const examples::param_values& params) {
  auto box = std::make_shared<mailbox>();
  auto waiting = spawn(reader(box, params.flag("keep_waker")), "reader");
  auto delivering = spawn(postman(box, milliseconds(params.integer("delay_ms"))), "postman");
  co_await delivering;
  co_await waiting;
}

const bool registered = examples::register_example({
    .id = "lost-wakeup",
    .title = "A future that forgets its waker",
    .topic = "pitfalls",
    .explanation =
        "The reader awaits a hand-written Future that checks a mailbox and, finding it empty, "
        "returns Poll::Pending without keeping cx.waker(): no waker clone follows its poll. The "
        "postman delivers the letter later and has no Waker to wake: the reader is never polled "
        "again, main waits for it forever, and the run ends in a deadlock that lists the reader "
        "with 0 wakers alive, the signature of a lost wakeup. Set keep_waker to true and the "
        "future keeps its waker, the postman calls Waker::wake, and the run completes.",
    .params = {{"keep_waker", examples::param_type::boolean, 0, 0, 1,
                "let the future keep its waker, which fixes the bug"},
               {"delay_ms", examples::param_type::integer, 10, 0, 1000,
                "when the postman delivers, in ms"}},
    .main = run_lost_wakeup,
    .outcome_with_defaults = run_outcome::deadlock,
});

}  // namespace
