#include "sim_network.hpp"

#include <algorithm>
#include <deque>
#include <memory>
#include <string>

#include "detail/byte_inbox.hpp"
#include "stream_io.hpp"
#include "tcp.hpp"

namespace wakeline::detail {

namespace {

/// The runtime is running, so the network and its deliveries can be used. A socket dropped
/// after its runtime stopped only marks itself closed.
bool running(runtime* rt) { return runtime::try_current() == rt; }

void deliver_after_hop(runtime& rt, std::function<void()> fn) {
  // Sent when the code runs: after the CPU work its poll has done so far.
  rt.reactor().deliver_at(rt.code_now_ns() + rt.reactor().network().latency_ns(), std::move(fn));
}

}  // namespace

/// One end of a simulated connection: an inbox filled by the peer's writes, one hop later.
class sim_socket final : public stream_io, public std::enable_shared_from_this<sim_socket> {
 public:
  sim_socket(runtime& rt, std::uint16_t port)
      : rt_(&rt), io_(rt.reactor().new_resource()), port_(port) {}

  static void link(const std::shared_ptr<sim_socket>& a, const std::shared_ptr<sim_socket>& b) {
    a->peer_ = b;
    b->peer_ = a;
  }

  wakeline::poll<std::size_t> poll_read(context& cx, std::span<char> buffer) override {
    if (closed_) throw io_error("read on a closed stream");
    if (buffer.empty()) return std::size_t{0};
    if (!inbox_.empty()) return inbox_.take(buffer);
    if (eof_) return std::size_t{0};
    read_capacity_ = buffer.size();
    reader_.wait(*rt_, cx, io_, io_op::read);
    return poll_pending;
  }

  wakeline::poll<void> poll_write_all(context& cx, std::string_view bytes,
                                      std::uint64_t& ticket) override {
    if (ticket == 0) {
      if (closed_) throw io_error("write on a closed stream");
      if (bytes.empty()) return poll_ready();
      // A write whose future was dropped is still on the wire: this one goes after it.
      if (writes_started_ == writes_finished_) {
        ticket = ++writes_started_;
        writer_.wait(*rt_, cx, io_, io_op::write);
        transmit(std::string(bytes), writer_.register_seq());
        return poll_pending;
      }
    } else if (writes_finished_ >= ticket) {
      return poll_ready();
    }
    writer_.wait(*rt_, cx, io_, io_op::write);
    return poll_pending;
  }

  void cancel_read() override { reader_.cancel(); }
  void cancel_write() override { writer_.cancel(); }

  void close() override {
    if (closed_) return;
    closed_ = true;
    if (!running(rt_)) return;
    std::uint64_t cause = rt_->current_actor().cause;
    deliver_after_hop(*rt_, [peer = peer_, cause] {
      if (auto p = peer.lock()) p->end_of_stream(cause);
    });
  }

  std::uint16_t local_port() const override { return port_; }
  std::uint32_t io_id() const override { return io_; }

 private:
  void transmit(std::string bytes, std::uint64_t cause) {
    deliver_after_hop(*rt_, [self = shared_from_this(), bytes = std::move(bytes), cause] {
      if (auto p = self->peer_.lock()) p->receive(bytes, cause);
      ++self->writes_finished_;
      self->writer_.ready(*self->rt_, self->io_, io_op::write, bytes.size(), cause);
    });
  }

  void receive(const std::string& bytes, std::uint64_t cause) {
    if (closed_) return;  // Nobody will read it: dropped, as after a reset.
    inbox_.append(bytes);
    reader_.ready(*rt_, io_, io_op::read, std::min(read_capacity_, inbox_.size()), cause);
  }

  void end_of_stream(std::uint64_t cause) {
    eof_ = true;
    reader_.ready(*rt_, io_, io_op::read, 0, cause);
  }

  runtime* rt_;
  std::uint32_t io_;
  std::uint16_t port_;
  std::weak_ptr<sim_socket> peer_;
  detail::byte_inbox inbox_;
  std::size_t read_capacity_ = 0;  ///< Buffer size of the waiting read, for io_ready's bytes.
  bool eof_ = false;
  bool closed_ = false;
  io_waiter reader_;
  io_waiter writer_;
  std::uint64_t writes_started_ = 0;
  std::uint64_t writes_finished_ = 0;
};

/// A listener: connections that arrived wait in a backlog until accepted.
class sim_listener final : public listener_io {
 public:
  sim_listener(runtime& rt, std::uint16_t port)
      : rt_(&rt), io_(rt.reactor().new_resource()), port_(port) {}

  wakeline::poll<std::shared_ptr<stream_io>> poll_accept(context& cx) override {
    if (closed_) throw io_error("accept on a closed listener");
    if (!backlog_.empty()) {
      std::shared_ptr<stream_io> s = std::move(backlog_.front());
      backlog_.pop_front();
      return s;
    }
    acceptor_.wait(*rt_, cx, io_, io_op::accept);
    return poll_pending;
  }

  void cancel_accept() override { acceptor_.cancel(); }

  void close() override {
    if (closed_) return;
    closed_ = true;
    for (auto& s : backlog_) s->close();
    backlog_.clear();
    if (running(rt_)) rt_->reactor().network().remove_listener(port_);
  }

  std::uint16_t local_port() const override { return port_; }
  std::uint32_t io_id() const override { return io_; }

  void set_port(std::uint16_t port) { port_ = port; }

  /// A connection request arrived (its SYN, one hop after the connect started).
  void incoming(std::shared_ptr<sim_socket> s, std::uint64_t cause) {
    backlog_.push_back(std::move(s));
    acceptor_.ready(*rt_, io_, io_op::accept, 0, cause);
  }

 private:
  runtime* rt_;
  std::uint32_t io_;
  std::uint16_t port_;
  std::deque<std::shared_ptr<sim_socket>> backlog_;
  io_waiter acceptor_;
  bool closed_ = false;
};

/// A handshake: the request reaches the listener after one hop, the answer comes back after two.
class sim_handshake final : public connect_io, public std::enable_shared_from_this<sim_handshake> {
 public:
  sim_handshake(runtime& rt, std::uint16_t port) : rt_(&rt), port_(port) {}

  wakeline::poll<std::shared_ptr<stream_io>> poll_connect(context& cx) override {
    if (done_) {
      if (!error_.empty()) throw io_error(error_);
      return std::shared_ptr<stream_io>(std::move(socket_));
    }
    if (!socket_) {
      socket_ = std::make_shared<sim_socket>(*rt_, rt_->reactor().network().ephemeral_port());
      waiter_.wait(*rt_, cx, socket_->io_id(), io_op::connect);
      deliver_after_hop(*rt_, [self = shared_from_this(), cause = waiter_.register_seq()] {
        self->request_arrives(cause);
      });
      return poll_pending;
    }
    waiter_.wait(*rt_, cx, socket_->io_id(), io_op::connect);
    return poll_pending;
  }

  void cancel() override {
    cancelled_ = true;
    waiter_.cancel();
    if (socket_ && done_) socket_->close();
  }

 private:
  void request_arrives(std::uint64_t cause) {
    if (cancelled_) return;
    std::string error;
    if (sim_listener* l = rt_->reactor().network().listener(port_)) {
      auto server = std::make_shared<sim_socket>(*rt_, port_);
      sim_socket::link(socket_, server);
      l->incoming(std::move(server), cause);
    } else {
      error = "connection refused: nothing listens on port " + std::to_string(port_);
    }
    deliver_after_hop(*rt_, [self = shared_from_this(), error = std::move(error), cause] {
      self->answer_arrives(error, cause);
    });
  }

  void answer_arrives(const std::string& error, std::uint64_t cause) {
    done_ = true;
    error_ = error;
    if (cancelled_) {
      socket_->close();
      return;
    }
    waiter_.ready(*rt_, socket_->io_id(), io_op::connect, 0, cause);
  }

  runtime* rt_;
  std::uint16_t port_;
  std::shared_ptr<sim_socket> socket_;
  io_waiter waiter_;
  std::string error_;
  bool done_ = false;
  bool cancelled_ = false;
};

sim_listener* sim_network::listener(std::uint16_t port) const {
  auto it = listeners_.find(port);
  return it == listeners_.end() ? nullptr : it->second;
}

std::uint16_t sim_network::add_listener(std::uint16_t port, sim_listener* l) {
  if (port == 0) {
    do {
      port = ephemeral_port();
    } while (listeners_.count(port) != 0);
  }
  if (!listeners_.emplace(port, l).second) return 0;
  return port;
}

void sim_network::remove_listener(std::uint16_t port) { listeners_.erase(port); }

std::uint16_t sim_network::ephemeral_port() {
  std::uint16_t port = next_ephemeral_;
  next_ephemeral_ = next_ephemeral_ == 65535 ? 49152 : next_ephemeral_ + 1;
  return port;
}

std::shared_ptr<listener_io> sim_bind(runtime& rt, std::uint16_t port) {
  auto l = std::make_shared<sim_listener>(rt, port);
  std::uint16_t bound = rt.reactor().network().add_listener(port, l.get());
  if (bound == 0) {
    throw io_error("cannot listen on port " + std::to_string(port) +
                   " of the simulated network: the port is taken");
  }
  l->set_port(bound);
  return l;
}

std::shared_ptr<connect_io> sim_connect(runtime& rt, std::uint16_t port) {
  return std::make_shared<sim_handshake>(rt, port);
}

}  // namespace wakeline::detail
