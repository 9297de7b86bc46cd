// TCP listeners and streams (tokio's `net::TcpListener` / `TcpStream`). With the real clock they
// are Asio sockets on 127.0.0.1; with the virtual clock they live on a simulated network where
// every hop takes a fixed latency, so runs stay deterministic.
//
// Simulated network (virtual clock), with L the one-way latency (1 ms unless set):
//   connect at t:   the listener's accept is ready at t + L, the connect at t + 2L
//   write at t:     the bytes reach the peer at t + L, and the write completes then
//   drop at t:      the peer reads end of stream at t + L
//
// Futures borrow their socket, as in Rust: await them while the listener or stream is alive.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <span>
#include <stdexcept>
#include <string_view>

#include "../context.hpp"
#include "../poll.hpp"

namespace wakeline {

namespace detail {
class stream_io;
class listener_io;
class connect_io;
}  // namespace detail

/// A failed socket operation; the message names the operation and the reason.
class io_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Sets the one-way latency of the current runtime's simulated network (virtual clock only).
void set_network_latency(std::chrono::nanoseconds latency);

class tcp_stream;

/// The future of `tcp_stream::read_some`: the number of bytes read, 0 at end of stream.
class [[nodiscard]] read_some_future {
 public:
  read_some_future(std::shared_ptr<detail::stream_io> io, std::span<char> buffer);
  read_some_future(read_some_future&& other) noexcept;
  read_some_future& operator=(read_some_future&&) = delete;
  ~read_some_future();
  wakeline::poll<std::size_t> poll(context& cx);

 private:
  std::shared_ptr<detail::stream_io> io_;
  std::span<char> buffer_;
  bool waiting_ = false;
};

/// The future of `tcp_stream::write_all`: ready once every byte is sent.
class [[nodiscard]] write_all_future {
 public:
  write_all_future(std::shared_ptr<detail::stream_io> io, std::string_view bytes);
  write_all_future(write_all_future&& other) noexcept;
  write_all_future& operator=(write_all_future&&) = delete;
  ~write_all_future();
  wakeline::poll<void> poll(context& cx);

 private:
  std::shared_ptr<detail::stream_io> io_;
  std::string_view bytes_;
  std::uint64_t ticket_ = 0;
  bool done_ = false;
  bool waiting_ = false;
};

/// The future of `tcp_stream::connect`: the connected stream.
class [[nodiscard]] connect_future {
 public:
  explicit connect_future(std::uint16_t port);
  connect_future(connect_future&& other) noexcept;
  connect_future& operator=(connect_future&&) = delete;
  ~connect_future();
  wakeline::poll<tcp_stream> poll(context& cx);

 private:
  std::uint16_t port_;
  std::shared_ptr<detail::connect_io> io_;
  bool done_ = false;
};

/// The future of `tcp_listener::accept`: the next incoming connection.
class [[nodiscard]] accept_future {
 public:
  explicit accept_future(std::shared_ptr<detail::listener_io> io);
  accept_future(accept_future&& other) noexcept;
  accept_future& operator=(accept_future&&) = delete;
  ~accept_future();
  wakeline::poll<tcp_stream> poll(context& cx);

 private:
  std::shared_ptr<detail::listener_io> io_;
  bool waiting_ = false;
};

/// One end of a TCP connection. Move-only; dropping it closes the connection.
class tcp_stream {
 public:
  /// Connects to `port` on 127.0.0.1 (real clock) or on the simulated network (virtual clock).
  static connect_future connect(std::uint16_t port);

  explicit tcp_stream(std::shared_ptr<detail::stream_io> io);
  tcp_stream(tcp_stream&& other) noexcept = default;
  tcp_stream& operator=(tcp_stream&& other) noexcept;
  ~tcp_stream();

  /// Reads what has arrived, up to `buffer.size()` bytes, waiting until something has.
  read_some_future read_some(std::span<char> buffer) { return {io_, buffer}; }
  /// Sends all of `bytes`; they must stay alive until the future completes.
  write_all_future write_all(std::string_view bytes) { return {io_, bytes}; }
  /// The local port of this end.
  std::uint16_t local_port() const;
  /// The I/O resource id of this stream in the trace.
  std::uint32_t io_id() const;

 private:
  std::shared_ptr<detail::stream_io> io_;
};

/// A socket accepting connections. Move-only; dropping it stops listening.
class tcp_listener {
 public:
  /// Listens on 127.0.0.1:`port` (real clock) or on the simulated network (virtual clock);
  /// port 0 picks a free port. Throws io_error when the port is taken.
  static tcp_listener bind(std::uint16_t port);

  tcp_listener(tcp_listener&& other) noexcept = default;
  tcp_listener& operator=(tcp_listener&& other) noexcept;
  ~tcp_listener();

  /// Waits for the next incoming connection.
  accept_future accept() { return accept_future(io_); }
  /// The port it listens on (the chosen one when bound to port 0).
  std::uint16_t local_port() const;
  /// The I/O resource id of this listener in the trace.
  std::uint32_t io_id() const;

 private:
  explicit tcp_listener(std::shared_ptr<detail::listener_io> io) : io_(std::move(io)) {}
  std::shared_ptr<detail::listener_io> io_;
};

}  // namespace wakeline
