#include "tcp.hpp"

#include <algorithm>
#include <deque>
#include <string>
#include <utility>

#include "detail/byte_inbox.hpp"
#include "sim_network.hpp"
#include "stream_io.hpp"

#ifndef __EMSCRIPTEN__
#include <asio/bind_cancellation_slot.hpp>
#include <asio/cancellation_signal.hpp>
#include <asio/ip/tcp.hpp>
#include <asio/write.hpp>
#endif

namespace wakeline {

namespace detail {

#ifndef __EMSCRIPTEN__

namespace {

using asio::ip::tcp;

tcp::endpoint loopback(std::uint16_t port) { return {asio::ip::address_v4::loopback(), port}; }

// The Asio handlers below own their socket through a shared_ptr, so a future dropped while its
// operation is in flight leaves nothing dangling: the handler runs later, or is destroyed with
// the io_context. Each operation counts as real work in the reactor from start to handler, so an
// idle runtime waits for it instead of reporting a deadlock.

/// A connected Asio socket. Reads land in an inbox first, so a read whose future was dropped
/// loses no bytes.
class real_stream final : public stream_io, public std::enable_shared_from_this<real_stream> {
 public:
  real_stream(runtime& rt, tcp::socket socket, std::uint32_t io)
      : rt_(&rt), socket_(std::move(socket)), io_(io) {}

  wakeline::poll<std::size_t> poll_read(context& cx, std::span<char> buffer) override {
    if (closed_) throw io_error("read on a closed stream");
    if (buffer.empty()) return std::size_t{0};
    if (!inbox_.empty()) return inbox_.take(buffer);
    if (!read_error_.empty()) throw io_error(read_error_);
    if (eof_) return std::size_t{0};
    if (!read_in_flight_) start_read(buffer.size());
    reader_.wait(*rt_, cx, io_, io_op::read);
    return poll_pending;
  }

  wakeline::poll<void> poll_write_all(context& cx, std::string_view bytes,
                                      std::uint64_t& ticket) override {
    if (ticket == 0) {
      if (closed_) throw io_error("write on a closed stream");
      if (!write_error_.empty()) throw io_error(write_error_);
      if (bytes.empty()) return poll_ready();
      if (writes_started_ == writes_finished_) {
        ticket = ++writes_started_;
        writer_.wait(*rt_, cx, io_, io_op::write);
        start_write(bytes);
        return poll_pending;
      }
    } else if (writes_finished_ >= ticket) {
      if (!write_error_.empty()) throw io_error(write_error_);
      return poll_ready();
    }
    writer_.wait(*rt_, cx, io_, io_op::write);
    return poll_pending;
  }

  void cancel_read() override {
    reader_.cancel();
    if (read_in_flight_) read_cancel_.emit(asio::cancellation_type::terminal);
  }
  void cancel_write() override { writer_.cancel(); }

  void close() override {
    if (closed_) return;
    closed_ = true;
    asio::error_code ignored;
    socket_.close(ignored);
  }

  std::uint16_t local_port() const override {
    asio::error_code ec;
    return socket_.local_endpoint(ec).port();
  }
  std::uint32_t io_id() const override { return io_; }

 private:
  void start_read(std::size_t size) {
    scratch_.resize(size);
    read_in_flight_ = true;
    rt_->reactor().begin_real_operation();
    socket_.async_read_some(
        asio::buffer(scratch_),
        asio::bind_cancellation_slot(
            read_cancel_.slot(),
            [self = shared_from_this()](const asio::error_code& ec, std::size_t n) {
              self->read_done(ec, n);
            }));
  }

  void read_done(const asio::error_code& ec, std::size_t n) {
    rt_->reactor().end_real_operation();
    read_in_flight_ = false;
    if (!ec) {
      inbox_.append(std::string_view(scratch_.data(), n));
    } else if (ec == asio::error::eof) {
      eof_ = true;
    } else if (ec != asio::error::operation_aborted) {
      read_error_ = "read failed: " + ec.message();
    }
    reader_.ready(*rt_, io_, io_op::read, n, rt_->current_actor().cause);
  }

  void start_write(std::string_view bytes) {
    outbox_.assign(bytes);
    rt_->reactor().begin_real_operation();
    asio::async_write(socket_, asio::buffer(outbox_),
                      [self = shared_from_this()](const asio::error_code& ec, std::size_t n) {
                        self->write_done(ec, n);
                      });
  }

  void write_done(const asio::error_code& ec, std::size_t n) {
    rt_->reactor().end_real_operation();
    ++writes_finished_;
    if (ec && write_error_.empty()) write_error_ = "write failed: " + ec.message();
    writer_.ready(*rt_, io_, io_op::write, n, rt_->current_actor().cause);
  }

  runtime* rt_;
  tcp::socket socket_;
  std::uint32_t io_;
  detail::byte_inbox inbox_;
  std::string scratch_;
  std::string outbox_;  ///< The bytes of the write in flight, owned here and not by its future.
  std::string read_error_;
  std::string write_error_;
  asio::cancellation_signal read_cancel_;
  io_waiter reader_;
  io_waiter writer_;
  std::uint64_t writes_started_ = 0;
  std::uint64_t writes_finished_ = 0;
  bool read_in_flight_ = false;
  bool eof_ = false;
  bool closed_ = false;
};

/// A listening Asio socket on 127.0.0.1.
class real_listener final : public listener_io, public std::enable_shared_from_this<real_listener> {
 public:
  explicit real_listener(runtime& rt)
      : rt_(&rt), acceptor_(rt.reactor().io_context()), io_(rt.reactor().new_resource()) {}

  void bind(std::uint16_t port) {
    asio::error_code ec;
    tcp::endpoint endpoint = loopback(port);
    acceptor_.open(endpoint.protocol(), ec);
    if (!ec) acceptor_.set_option(tcp::acceptor::reuse_address(true), ec);
    if (!ec) acceptor_.bind(endpoint, ec);
    if (!ec) acceptor_.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) {
      throw io_error("cannot listen on 127.0.0.1:" + std::to_string(port) + ": " + ec.message());
    }
  }

  wakeline::poll<std::shared_ptr<stream_io>> poll_accept(context& cx) override {
    if (closed_) throw io_error("accept on a closed listener");
    if (!accepted_.empty()) {
      tcp::socket s = std::move(accepted_.front());
      accepted_.pop_front();
      return std::shared_ptr<stream_io>(
          std::make_shared<real_stream>(*rt_, std::move(s), rt_->reactor().new_resource()));
    }
    if (!error_.empty()) throw io_error(std::exchange(error_, {}));
    if (!in_flight_) start_accept();
    acceptor_waiter_.wait(*rt_, cx, io_, io_op::accept);
    return poll_pending;
  }

  void cancel_accept() override {
    acceptor_waiter_.cancel();
    if (in_flight_) cancel_.emit(asio::cancellation_type::terminal);
  }

  void close() override {
    if (closed_) return;
    closed_ = true;
    asio::error_code ignored;
    acceptor_.close(ignored);
    accepted_.clear();
  }

  std::uint16_t local_port() const override {
    asio::error_code ec;
    return acceptor_.local_endpoint(ec).port();
  }
  std::uint32_t io_id() const override { return io_; }

 private:
  void start_accept() {
    in_flight_ = true;
    rt_->reactor().begin_real_operation();
    acceptor_.async_accept(asio::bind_cancellation_slot(
        cancel_.slot(), [self = shared_from_this()](const asio::error_code& ec, tcp::socket s) {
          self->accept_done(ec, std::move(s));
        }));
  }

  void accept_done(const asio::error_code& ec, tcp::socket s) {
    rt_->reactor().end_real_operation();
    in_flight_ = false;
    if (!ec) {
      accepted_.push_back(std::move(s));
    } else if (ec != asio::error::operation_aborted) {
      error_ = "accept failed: " + ec.message();
    }
    acceptor_waiter_.ready(*rt_, io_, io_op::accept, 0, rt_->current_actor().cause);
  }

  runtime* rt_;
  tcp::acceptor acceptor_;
  std::uint32_t io_;
  std::deque<tcp::socket> accepted_;  ///< Connections accepted while no future waited for them.
  std::string error_;
  asio::cancellation_signal cancel_;
  io_waiter acceptor_waiter_;
  bool in_flight_ = false;
  bool closed_ = false;
};

/// An Asio connect to 127.0.0.1.
class real_connect final : public connect_io, public std::enable_shared_from_this<real_connect> {
 public:
  real_connect(runtime& rt, std::uint16_t port)
      : rt_(&rt),
        socket_(rt.reactor().io_context()),
        port_(port),
        io_(rt.reactor().new_resource()) {}

  wakeline::poll<std::shared_ptr<stream_io>> poll_connect(context& cx) override {
    if (done_) {
      if (!error_.empty()) throw io_error(error_);
      return std::shared_ptr<stream_io>(
          std::make_shared<real_stream>(*rt_, std::move(socket_), io_));
    }
    if (!started_) {
      started_ = true;
      rt_->reactor().begin_real_operation();
      socket_.async_connect(
          loopback(port_),
          [self = shared_from_this()](const asio::error_code& ec) { self->connect_done(ec); });
    }
    waiter_.wait(*rt_, cx, io_, io_op::connect);
    return poll_pending;
  }

  void cancel() override {
    waiter_.cancel();
    asio::error_code ignored;
    socket_.close(ignored);
  }

 private:
  void connect_done(const asio::error_code& ec) {
    rt_->reactor().end_real_operation();
    done_ = true;
    if (ec) error_ = "cannot connect to 127.0.0.1:" + std::to_string(port_) + ": " + ec.message();
    waiter_.ready(*rt_, io_, io_op::connect, 0, rt_->current_actor().cause);
  }

  runtime* rt_;
  tcp::socket socket_;
  std::uint16_t port_;
  std::uint32_t io_;
  std::string error_;
  io_waiter waiter_;
  bool started_ = false;
  bool done_ = false;
};

}  // namespace

std::shared_ptr<listener_io> real_bind(runtime& rt, std::uint16_t port) {
  auto l = std::make_shared<real_listener>(rt);
  l->bind(port);
  return l;
}

std::shared_ptr<connect_io> real_connect_to(runtime& rt, std::uint16_t port) {
  return std::make_shared<real_connect>(rt, port);
}

#else

// Real sockets would block the browser's only thread: WebAssembly builds simulate the network.
std::shared_ptr<listener_io> real_bind(runtime&, std::uint16_t) {
  throw io_error("real sockets are not available in WebAssembly; use the virtual clock");
}
std::shared_ptr<connect_io> real_connect_to(runtime&, std::uint16_t) {
  throw io_error("real sockets are not available in WebAssembly; use the virtual clock");
}

#endif

namespace {
bool simulated(const runtime& rt) { return rt.options().clock == clock_kind::virtual_time; }
}  // namespace

}  // namespace detail

void set_network_latency(std::chrono::nanoseconds latency) {
  auto ns = latency.count() < 0 ? 0 : static_cast<std::uint64_t>(latency.count());
  runtime::current().reactor().network().set_latency_ns(ns);
}

read_some_future::read_some_future(std::shared_ptr<detail::stream_io> io, std::span<char> buffer)
    : io_(std::move(io)), buffer_(buffer) {}
read_some_future::read_some_future(read_some_future&& other) noexcept
    : io_(std::move(other.io_)),
      buffer_(other.buffer_),
      waiting_(std::exchange(other.waiting_, false)) {}
read_some_future::~read_some_future() {
  if (waiting_) io_->cancel_read();
}

poll<std::size_t> read_some_future::poll(context& cx) {
  if (!io_) throw io_error("read on a closed stream");
  waiting_ = false;
  auto p = io_->poll_read(cx, buffer_);
  waiting_ = p.is_pending();
  return p;
}

write_all_future::write_all_future(std::shared_ptr<detail::stream_io> io, std::string_view bytes)
    : io_(std::move(io)), bytes_(bytes) {}
write_all_future::write_all_future(write_all_future&& other) noexcept
    : io_(std::move(other.io_)),
      bytes_(other.bytes_),
      ticket_(other.ticket_),
      done_(other.done_),
      waiting_(std::exchange(other.waiting_, false)) {}
write_all_future::~write_all_future() {
  if (waiting_) io_->cancel_write();
}

poll<void> write_all_future::poll(context& cx) {
  if (done_) return poll_ready();
  if (!io_) throw io_error("write on a closed stream");
  waiting_ = false;
  auto p = io_->poll_write_all(cx, bytes_, ticket_);
  done_ = p.is_ready();
  waiting_ = !done_;
  return p;
}

connect_future::connect_future(std::uint16_t port) : port_(port) {}
connect_future::connect_future(connect_future&& other) noexcept
    : port_(other.port_), io_(std::move(other.io_)), done_(other.done_) {}
connect_future::~connect_future() {
  if (io_ && !done_) io_->cancel();
}

poll<tcp_stream> connect_future::poll(context& cx) {
  if (!io_) {
    runtime& rt = runtime::current();
    io_ =
        detail::simulated(rt) ? detail::sim_connect(rt, port_) : detail::real_connect_to(rt, port_);
  }
  try {
    auto p = io_->poll_connect(cx);
    if (p.is_pending()) return poll_pending;
    done_ = true;
    return tcp_stream(std::move(p).value());
  } catch (...) {
    done_ = true;
    throw;
  }
}

accept_future::accept_future(std::shared_ptr<detail::listener_io> io) : io_(std::move(io)) {}
accept_future::accept_future(accept_future&& other) noexcept
    : io_(std::move(other.io_)), waiting_(std::exchange(other.waiting_, false)) {}
accept_future::~accept_future() {
  if (waiting_) io_->cancel_accept();
}

poll<tcp_stream> accept_future::poll(context& cx) {
  if (!io_) throw io_error("accept on a closed listener");
  waiting_ = false;
  auto p = io_->poll_accept(cx);
  if (p.is_pending()) {
    waiting_ = true;
    return poll_pending;
  }
  return tcp_stream(std::move(p).value());
}

connect_future tcp_stream::connect(std::uint16_t port) { return connect_future(port); }

tcp_stream::tcp_stream(std::shared_ptr<detail::stream_io> io) : io_(std::move(io)) {}
tcp_stream& tcp_stream::operator=(tcp_stream&& other) noexcept {
  if (this != &other) {
    if (io_) io_->close();
    io_ = std::move(other.io_);
  }
  return *this;
}
tcp_stream::~tcp_stream() {
  if (io_) io_->close();
}
std::uint16_t tcp_stream::local_port() const { return io_ ? io_->local_port() : 0; }
std::uint32_t tcp_stream::io_id() const { return io_ ? io_->io_id() : 0; }

tcp_listener tcp_listener::bind(std::uint16_t port) {
  runtime& rt = runtime::current();
  return tcp_listener(detail::simulated(rt) ? detail::sim_bind(rt, port)
                                            : detail::real_bind(rt, port));
}
tcp_listener& tcp_listener::operator=(tcp_listener&& other) noexcept {
  if (this != &other) {
    if (io_) io_->close();
    io_ = std::move(other.io_);
  }
  return *this;
}
tcp_listener::~tcp_listener() {
  if (io_) io_->close();
}
std::uint16_t tcp_listener::local_port() const { return io_ ? io_->local_port() : 0; }
std::uint32_t tcp_listener::io_id() const { return io_ ? io_->io_id() : 0; }

}  // namespace wakeline
