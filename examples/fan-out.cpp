// fan-out: many requests started at once, at most `limit` of them talking to the server at a
// time. A semaphore with `limit` permits is the gate: a request holds a permit from before it
// connects until it has read its response, and the others wait for one in FIFO order.
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "io/tcp.hpp"
#include "registry.hpp"
#include "sync/semaphore.hpp"
#include "time/sleep.hpp"

namespace {

using namespace wakeline;
using std::chrono::milliseconds;

// Reads one line (up to and without its '\n'). TCP is a byte stream: a line may arrive in
// pieces, so read until the newline is there.
async<std::string> read_line(tcp_stream& stream) {
  std::string line;
  std::array<char, 64> buffer;
  for (;;) {
    std::size_t n = co_await stream.read_some(buffer);
    if (n == 0) throw std::runtime_error("the connection closed in the middle of a line");
    line.append(buffer.data(), n);
    if (auto end = line.find('\n'); end != std::string::npos) {
      line.resize(end);
      co_return line;
    }
  }
}

// One connection on the server: read the request, take `latency` to answer it (the server's
// own work, a database behind it...), write the response.
async<void> answer(tcp_stream stream, milliseconds latency) {
  std::string request = co_await read_line(stream);
  co_await sleep(latency);
  co_await stream.write_all("done: " + request + "\n");
}

// Accepts `requests` connections; each is answered by its own task, after a latency drawn from
// the seeded generator in the order the connections arrive, so a seed always gives the same run.
async<void> serve(tcp_listener listener, std::int64_t requests, std::int64_t lo_ms,
                  std::int64_t hi_ms, std::uint64_t seed) {
  examples::rng rng(seed);  // Draws the latencies.
  std::vector<join_handle<void>> answers;
  for (std::int64_t i = 1; i <= requests; ++i) {
    tcp_stream stream = co_await listener.accept();
    answers.push_back(spawn(answer(std::move(stream), milliseconds(rng.between(lo_ms, hi_ms))),
                            "answer " + std::to_string(i)));
  }
  for (auto& a : answers) co_await a;
}

// A request waits for a permit, then connects, sends and reads its response. The permit is
// released when the block ends, which wakes the first request still waiting.
async<void> request(std::shared_ptr<semaphore> gate, std::uint16_t port, std::int64_t id) {
  {
    semaphore_permit permit = co_await gate->acquire();
    tcp_stream stream = co_await tcp_stream::connect(port);
    const std::string what = "GET /item/" + std::to_string(id);
    co_await stream.write_all(what + "\n");
    std::string response = co_await read_line(stream);
    if (response != "done: " + what) throw std::runtime_error("wrong response: " + response);
  }
}

async<void> run_fan_out(const examples::param_values& params) {
  const std::int64_t requests = params.integer("requests");
  const std::int64_t a = params.integer("min_latency_ms");
  const std::int64_t b = params.integer("max_latency_ms");

  tcp_listener listener = tcp_listener::bind(0);
  const std::uint16_t port = listener.local_port();
  join_handle<void> server =
      spawn(serve(std::move(listener), requests, std::min(a, b), std::max(a, b), params.seed()),
            "server");
  // Shared ownership: a run cut short drops the tasks in any order.
  auto gate = std::make_shared<semaphore>(static_cast<std::size_t>(params.integer("limit")));
  std::vector<join_handle<void>> pending;
  for (std::int64_t id = 1; id <= requests; ++id) {
    pending.push_back(spawn(request(gate, port, id), "request " + std::to_string(id)));
  }
  for (auto& p : pending) co_await p;
  co_await server;
}

const bool registered = examples::register_example({
    .id = "fan-out",
    .title = "Many requests, a few at a time",
    .topic = "I/O",
    .explanation =
        "Main spawns a task per request, all at once, and a semaphore with `limit` permits lets "
        "only that many talk to the server at a time. The first `limit` requests get a permit and "
        "connect (a tick on the I/O lane); the others are polled once, queue for a permit and "
        "return Poll::Pending. Over the simulated network (1 ms a hop) each request connects, "
        "sends a line and reads the answer, which the server writes after a latency drawn between "
        "min_latency_ms and max_latency_ms from the seed. When a request has its answer it drops "
        "its permit, and the arrow from it to the next request in line is the semaphore handing "
        "the permit over. Never more than `limit` requests are connected at once; a slow answer "
        "holds a permit longer, and the seed decides which ones are slow.",
    .params = {{"requests", examples::param_type::integer, 12, 1, 1000, "how many requests"},
               {"limit", examples::param_type::integer, 3, 1, 64,
                "how many requests may be in flight at once"},
               {"min_latency_ms", examples::param_type::integer, 2, 0, 1000,
                "shortest time the server takes to answer, in ms"},
               {"max_latency_ms", examples::param_type::integer, 20, 0, 1000,
                "longest time the server takes to answer, in ms"}},
    .main = run_fan_out,
});

}  // namespace
