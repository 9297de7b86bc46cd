// echo: a TCP echo server, a task per connection, and clients that check their echoes.
#include <array>
#include <chrono>
#include <stdexcept>
#include <string>
#include <vector>

#include "io/tcp.hpp"
#include "registry.hpp"

namespace {

using namespace wakeline;

// One connection: every read that returns bytes is written straight back. A read of 0 bytes is
// the end of stream: the client closed its side, so the task ends and drops the stream.
async<void> serve_connection(tcp_stream stream) {
  std::array<char, 256> buffer;
  for (;;) {
    std::size_t n = co_await stream.read_some(buffer);
    if (n == 0) co_return;
    co_await stream.write_all(std::string_view(buffer.data(), n));
  }
}

// The accept loop: each accepted connection gets its own task, so one slow client never
// holds up another. It serves a known number of connections, then waits for them to finish,
// so the run ends by itself even on real sockets.
async<void> serve(tcp_listener listener, int connections) {
  std::vector<join_handle<void>> handlers;
  for (int i = 1; i <= connections; ++i) {
    tcp_stream stream = co_await listener.accept();
    handlers.push_back(
        spawn(serve_connection(std::move(stream)), "connection " + std::to_string(i)));
  }
  for (auto& handler : handlers) co_await handler;
}

// A client sends its messages one at a time and reads each echo back before the next. TCP is a
// byte stream, so an echo may come back in pieces: read until the whole message is there.
async<void> client(std::uint16_t port, int id, int messages) {
  tcp_stream stream = co_await tcp_stream::connect(port);
  std::array<char, 64> buffer;
  for (int m = 1; m <= messages; ++m) {
    const std::string message = "client " + std::to_string(id) + " says " + std::to_string(m);
    co_await stream.write_all(message);
    std::string echo;
    while (echo.size() < message.size()) {
      std::size_t want = std::min(buffer.size(), message.size() - echo.size());
      std::size_t n = co_await stream.read_some(std::span(buffer).first(want));
      if (n == 0) throw std::runtime_error("the server closed the connection before the echo");
      echo.append(buffer.data(), n);
    }
    if (echo != message) throw std::runtime_error("wrong echo: '" + echo + "'");
  }
}

async<void> run_echo(const examples::param_values& params) {
  const int clients = static_cast<int>(params.integer("clients"));
  const int messages = static_cast<int>(params.integer("messages"));
  set_network_latency(std::chrono::milliseconds(params.integer("latency_ms")));
  tcp_listener listener = tcp_listener::bind(static_cast<std::uint16_t>(params.integer("port")));
  const std::uint16_t port = listener.local_port();
  join_handle<void> server = spawn(serve(std::move(listener), clients), "server");
  std::vector<join_handle<void>> running;
  for (int id = 1; id <= clients; ++id) {
    running.push_back(spawn(client(port, id, messages), "client " + std::to_string(id)));
  }
  for (auto& c : running) co_await c;
  co_await server;
}

const bool registered = examples::register_example({
    .id = "echo",
    .title = "An echo server over TCP",
    .topic = "I/O",
    .explanation =
        "A server task accepts connections and spawns a task for each; client tasks connect, send "
        "messages and read them back. Every socket operation that cannot finish at once registers "
        "with the reactor (a tick on the I/O lane) and returns Poll::Pending; the reactor reports "
        "readiness (a diamond) and wakes the task. Under the virtual clock the network is "
        "simulated and each hop takes latency_ms: a connect is accepted one hop after it starts "
        "and completes after two. With --clock real the server listens on 127.0.0.1 (port 0 picks "
        "a free one) and the clients connect over loopback.",
    .params = {{"clients", examples::param_type::integer, 2, 1, 32, "how many clients connect"},
               {"messages", examples::param_type::integer, 3, 1, 100,
                "how many messages each client sends"},
               {"latency_ms", examples::param_type::integer, 1, 0, 1000,
                "one-way latency of the simulated network, in ms"},
               {"port", examples::param_type::integer, 0, 0, 65535,
                "port to listen on (0: any free port)"}},
    .main = run_echo,
});

}  // namespace
