// channel: producers feed one consumer through a bounded mpsc channel, and block when it is full.
#include <chrono>
#include <string>
#include <vector>

#include "registry.hpp"
#include "sync/mpsc.hpp"

namespace {

using namespace wakeline;
using std::chrono::milliseconds;

// Sends its messages one after another. When the buffer is full, `send` returns pending and the
// producer waits in line; the consumer's next `recv` hands it the freed slot and wakes it.
async<void> producer(mpsc::sender<int> tx, int id, int messages) {
  for (int i = 1; i <= messages; ++i) {
    if (!co_await tx.send(id * 1000 + i)) co_return;  // The consumer is gone.
  }
}

// Takes one message at a time and spends `delay` on each, so the producers outrun it. `recv`
// gives nullopt once every producer has finished and dropped its sender.
async<void> consumer(mpsc::receiver<int> rx, milliseconds delay) {
  while (auto message = co_await rx.recv()) {
    (void)*message;
    co_await sleep(delay);
  }
}

async<void> run_channel(const examples::param_values& params) {
  const int producers = static_cast<int>(params.integer("producers"));
  const int messages = static_cast<int>(params.integer("messages"));
  const auto capacity = static_cast<std::size_t>(params.integer("capacity"));
  const milliseconds delay(params.integer("consumer_delay_ms"));

  auto [tx, rx] = mpsc::channel<int>(capacity);
  auto sink = spawn(consumer(std::move(rx), delay), "consumer");
  std::vector<join_handle<void>> sources;
  for (int id = 1; id <= producers; ++id) {
    sources.push_back(spawn(producer(tx, id, messages), "producer " + std::to_string(id)));
  }
  // Main keeps no sender, or the consumer would never see the end of the channel.
  { auto drop = std::move(tx); }
  for (auto& source : sources) co_await source;
  co_await sink;
}

const bool registered = examples::register_example({
    .id = "channel",
    .title = "Backpressure through a bounded channel",
    .topic = "synchronisation",
    .explanation =
        "Producers send into an mpsc channel that holds at most `capacity` messages; one consumer "
        "takes them out, slowly. Once the buffer is full, a producer's send returns Poll::Pending "
        "and the producer queues for a slot (it clones cx.waker() into the channel). Each recv "
        "frees a slot and hands it to the producer that has waited longest: follow the wake arrow "
        "from the consumer to that producer, then from the producer back to the consumer when its "
        "message lands. Producers are served first come, first served. Raise the capacity and the "
        "producers finish early instead of taking turns.",
    .params = {{"producers", examples::param_type::integer, 3, 1, 16, "how many producer tasks"},
               {"messages", examples::param_type::integer, 4, 1, 100,
                "how many messages each producer sends"},
               {"capacity", examples::param_type::integer, 2, 1, 64,
                "how many messages the channel buffers"},
               {"consumer_delay_ms", examples::param_type::integer, 5, 0, 1000,
                "how long the consumer spends on each message, in ms"}},
    .main = run_channel,
});

}  // namespace
