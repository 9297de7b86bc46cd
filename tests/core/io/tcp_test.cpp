#include "io/tcp.hpp"

#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "support/poll_by_hand.hpp"
#include "support/trace_queries.hpp"
#include "wakeline.hpp"

namespace {

using namespace wakeline;
using namespace wakeline::support;
using namespace std::chrono_literals;

constexpr std::uint64_t ms = 1'000'000;

/// The I/O events of a run and the wakes they cause, one line each, for golden comparisons.
std::vector<std::string> io_lines(const runtime& rt) {
  std::vector<std::string> lines;
  for (const trace_event& e : rt.trace().events()) {
    std::string line = "t=" + std::to_string(e.t / ms) + "ms ";
    if (e.kind == event_kind::io_register || e.kind == event_kind::io_ready) {
      line += std::string(to_string(e.kind)) + " " + to_string(static_cast<io_op>(e.detail)) +
              " io=" + std::to_string(e.ref) + " task=" + std::to_string(e.task);
      if (e.kind == event_kind::io_ready) line += " bytes=" + std::to_string(e.arg);
    } else if (e.kind == event_kind::waker_wake &&
               static_cast<wake_source>(e.detail) == wake_source::io) {
      line += "wake task=" + std::to_string(e.task) + " by io=" + std::to_string(e.ref);
    } else {
      continue;
    }
    lines.push_back(line);
  }
  return lines;
}

async<void> echo_once(tcp_stream stream) {
  std::array<char, 16> buffer;
  std::size_t n = co_await stream.read_some(buffer);
  co_await stream.write_all(std::string_view(buffer.data(), n));
  EXPECT_EQ(co_await stream.read_some(buffer), 0u);  // The client closed: end of stream.
}

async<void> echo_server(tcp_listener listener) {
  tcp_stream stream = co_await listener.accept();
  co_await echo_once(std::move(stream));
}

async<std::string> echo_client(std::uint16_t port, std::string message) {
  tcp_stream stream = co_await tcp_stream::connect(port);
  co_await stream.write_all(message);
  std::string echo;
  std::array<char, 16> buffer;
  while (echo.size() < message.size()) {
    std::size_t n = co_await stream.read_some(buffer);
    if (n == 0) break;
    echo.append(buffer.data(), n);
  }
  co_return echo;
}

async<std::string> echo_round_trip(std::uint16_t port) {
  tcp_listener listener = tcp_listener::bind(port);
  std::uint16_t bound = listener.local_port();
  auto server = spawn(echo_server(std::move(listener)), "server");
  std::string echo = co_await spawn(echo_client(bound, "hello"), "client");
  co_await server;
  co_return echo;
}

TEST(TcpSimulated, EchoRoundTripTakesOneHopPerStepAtExactVirtualTimes) {
  runtime rt;
  EXPECT_EQ(rt.block_on(echo_round_trip(7)), "hello");
  EXPECT_EQ(rt.now_ns(), 5 * ms);
  // Tasks: 1 main, 2 server, 3 client. I/O: 1 listener, 2 client socket, 3 server socket.
  std::vector<std::string> expected{
      "t=0ms io_register accept io=1 task=2",       // The server waits for a connection.
      "t=0ms io_register connect io=2 task=3",      // The client's request leaves.
      "t=1ms io_ready accept io=1 task=2 bytes=0",  // One hop later it reaches the listener.
      "t=1ms wake task=2 by io=1",
      "t=1ms io_register read io=3 task=2",          // The server waits for bytes.
      "t=2ms io_ready connect io=2 task=3 bytes=0",  // The answer is back: connected.
      "t=2ms wake task=3 by io=2",
      "t=2ms io_register write io=2 task=3",      // "hello" goes out...
      "t=3ms io_ready read io=3 task=2 bytes=5",  // ...and lands one hop later.
      "t=3ms wake task=2 by io=3",
      "t=3ms io_ready write io=2 task=3 bytes=5",
      "t=3ms wake task=3 by io=2",
      "t=3ms io_register write io=3 task=2",  // The echo goes back.
      "t=3ms io_register read io=2 task=3",
      "t=4ms io_ready read io=2 task=3 bytes=5",
      "t=4ms wake task=3 by io=2",
      "t=4ms io_ready write io=3 task=2 bytes=5",
      "t=4ms wake task=2 by io=3",
      "t=4ms io_register read io=3 task=2",       // The server waits for more; the client closes.
      "t=5ms io_ready read io=3 task=2 bytes=0",  // End of stream, one hop after the close.
      "t=5ms wake task=2 by io=3",
  };
  EXPECT_EQ(io_lines(rt), expected);
}

TEST(TcpSimulated, TheIoReadyOfAReadIsCausedByThePeersWrite) {
  runtime rt;
  rt.block_on(echo_round_trip(7));
  std::optional<trace_event> read_ready;
  for (const trace_event& e : events_of(rt, event_kind::io_ready)) {
    if (static_cast<io_op>(e.detail) == io_op::read && e.arg == 5) {
      read_ready = e;
      break;
    }
  }
  ASSERT_TRUE(read_ready.has_value());
  const trace_event& cause = rt.trace().events().at(read_ready->cause - 1);
  EXPECT_EQ(cause.kind, event_kind::io_register);
  EXPECT_EQ(static_cast<io_op>(cause.detail), io_op::write);
  EXPECT_EQ(cause.task, 3u);  // The client wrote.
}

TEST(TcpSimulated, LatencyIsAParameterOfTheNetwork) {
  runtime rt;
  rt.block_on([]() -> async<void> {
    set_network_latency(10ms);
    EXPECT_EQ(co_await echo_round_trip(0), "hello");
  }());
  EXPECT_EQ(rt.now_ns(), 50 * ms);
}

TEST(TcpSimulated, ConnectingToAPortNobodyListensOnFailsAfterARoundTrip) {
  runtime rt;
  std::string message;
  try {
    (void)rt.block_on(tcp_stream::connect(9));
  } catch (const io_error& e) {
    message = e.what();
  }
  EXPECT_EQ(message, "connection refused: nothing listens on port 9");
  EXPECT_EQ(rt.now_ns(), 2 * ms);
}

TEST(TcpSimulated, BindingATakenPortThrows) {
  runtime rt;
  EXPECT_THROW(rt.block_on([]() -> async<void> {
    tcp_listener first = tcp_listener::bind(80);
    tcp_listener second = tcp_listener::bind(80);
    co_return;
  }()),
               io_error);
}

TEST(TcpSimulated, ADroppedAcceptStopsWaitingAndALaterAcceptGetsTheConnection) {
  runtime rt;
  rt.block_on([]() -> async<void> {
    tcp_listener listener = tcp_listener::bind(7);
    {
      auto accept = listener.accept();
      EXPECT_FALSE(co_await poll_in_task(accept));
    }  // Dropped while waiting.
    auto client = spawn([]() -> async<void> { (void)co_await tcp_stream::connect(7); }(), "client");
    co_await sleep(10ms);  // The connection arrives while nobody accepts: it waits in the backlog.
    tcp_stream stream = co_await listener.accept();
    EXPECT_NE(stream.io_id(), 0u);
    co_await client;
  }());
  EXPECT_EQ(rt.outcome(), run_outcome::completed);
  // The dropped accept's waker went with it: the connection arriving woke nobody.
  for (const trace_event& e : events_of(rt, event_kind::io_ready)) {
    EXPECT_NE(static_cast<io_op>(e.detail), io_op::accept);
  }
}

TEST(TcpSimulated, ADroppedReadLosesNoBytes) {
  runtime rt;
  std::string received;
  rt.block_on([&]() -> async<void> {
    tcp_listener listener = tcp_listener::bind(7);
    auto client = spawn(
        []() -> async<void> {
          tcp_stream stream = co_await tcp_stream::connect(7);
          co_await sleep(5ms);
          co_await stream.write_all("abc");
        }(),
        "client");
    tcp_stream stream = co_await listener.accept();
    std::array<char, 8> buffer;
    {
      auto read = stream.read_some(buffer);
      EXPECT_FALSE(co_await poll_in_task(read));
    }
    co_await client;  // "abc" has arrived by now, with no read waiting for it.
    std::size_t n = co_await stream.read_some(buffer);
    received.assign(buffer.data(), n);
  }());
  EXPECT_EQ(received, "abc");
}

TEST(TcpSimulated, ATaskCancelledWhileWaitingOnSocketsLeaksNothing) {
  runtime rt;
  rt.block_on([]() -> async<void> {
    tcp_listener listener = tcp_listener::bind(7);
    auto server = spawn(echo_server(std::move(listener)), "server");
    auto client = spawn(
        []() -> async<void> {
          tcp_stream stream = co_await tcp_stream::connect(7);
          std::array<char, 8> buffer;
          (void)co_await stream.read_some(buffer);  // Never answered.
        }(),
        "client");
    co_await sleep(10ms);
    server.abort();
    client.abort();
    co_await sleep(1ms);  // The executor reaches them and drops their futures.
    EXPECT_TRUE(server.is_finished());
    EXPECT_TRUE(client.is_finished());
  }());
  EXPECT_EQ(rt.outcome(), run_outcome::completed);
}

/// Ends a real-time run that takes too long, so a broken test fails instead of hanging.
async<void> watchdog() {
  co_await sleep(10s);
  runtime::current().request_cancel();
}

runtime_options real_time() {
  runtime_options options;
  options.clock = clock_kind::real_time;
  return options;
}

/// Both ends of one loopback connection: the accepted (server) side, then the connecting side.
async<std::pair<tcp_stream, tcp_stream>> loopback_pair() {
  tcp_listener listener = tcp_listener::bind(0);
  auto connecting = spawn(tcp_stream::connect(listener.local_port()), "connect");
  tcp_stream server_side = co_await listener.accept();
  tcp_stream client_side = co_await connecting;
  co_return std::pair<tcp_stream, tcp_stream>(std::move(server_side), std::move(client_side));
}

TEST(TcpReal, EchoRoundTripOverLoopbackWithAnEphemeralPort) {
  runtime rt(real_time());
  std::string echo;
  rt.block_on([&]() -> async<void> {
    auto guard = spawn(watchdog(), "watchdog");
    echo = co_await echo_round_trip(0);
  }());
  EXPECT_EQ(rt.outcome(), run_outcome::completed);
  EXPECT_EQ(echo, "hello");
  std::size_t registers = count_kind(rt, event_kind::io_register);
  EXPECT_GE(registers, 4u);  // At least accept, connect, and a write on each side.
  EXPECT_EQ(count_kind(rt, event_kind::io_ready), registers);
}

TEST(TcpReal, ListenerBindsToAnEphemeralPortOnLoopback) {
  runtime rt(real_time());
  rt.block_on([]() -> async<void> {
    tcp_listener listener = tcp_listener::bind(0);
    EXPECT_NE(listener.local_port(), 0);
    co_return;
  }());
}

TEST(TcpReal, ADroppedAcceptCancelsItsOperation) {
  runtime rt(real_time());
  rt.block_on([&]() -> async<void> {
    tcp_listener listener = tcp_listener::bind(0);
    {
      auto accept = listener.accept();
      EXPECT_FALSE(co_await poll_in_task(accept));
      EXPECT_TRUE(rt.reactor().has_real_operations());
    }
    co_await sleep(5ms);  // The aborted operation's handler runs while the runtime waits.
    EXPECT_FALSE(rt.reactor().has_real_operations());
  }());
  EXPECT_EQ(rt.outcome(), run_outcome::completed);
}

TEST(TcpReal, ADroppedReadCancelsItsOperationAndLaterReadsStillWork) {
  runtime rt(real_time());
  std::string received;
  rt.block_on([&]() -> async<void> {
    auto guard = spawn(watchdog(), "watchdog");
    auto [server_side, client_side] = co_await loopback_pair();
    std::array<char, 8> buffer;
    {
      auto read = server_side.read_some(buffer);
      EXPECT_FALSE(co_await poll_in_task(read));
    }
    co_await sleep(5ms);
    EXPECT_FALSE(rt.reactor().has_real_operations());
    co_await client_side.write_all("xyz");
    while (received.size() < 3) {
      std::size_t n = co_await server_side.read_some(buffer);
      if (n == 0) break;
      received.append(buffer.data(), n);
    }
  }());
  EXPECT_EQ(rt.outcome(), run_outcome::completed);
  EXPECT_EQ(received, "xyz");
}

TEST(TcpReal, ADroppedPendingReadWhoseRuntimeEndsLeaksNothing) {
  runtime rt(real_time());
  rt.block_on([]() -> async<void> {
    auto [server_side, client_side] = co_await loopback_pair();
    std::array<char, 8> buffer;
    auto read = server_side.read_some(buffer);
    EXPECT_FALSE(co_await poll_in_task(read));
    // Returning drops the read with its operation still in flight.
  }());
  EXPECT_EQ(rt.outcome(), run_outcome::completed);
}

}  // namespace
