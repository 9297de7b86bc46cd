// The machinery behind tcp_listener and tcp_stream: one interface per kind of socket, with a
// real implementation over Asio (tcp.cpp) and a simulated one (sim_network.cpp), and the
// bookkeeping of a task waiting on an operation. Not part of the public surface.
//
// Life of one operation, and the events it records:
//
//   poll -> not ready -> io_waiter::wait   (io_register, once; waker_clone)
//   readiness (Asio handler or simulated delivery) -> io_waiter::ready
//                                          (io_ready, then waker_wake attributed to the I/O)
//   poll again -> ready
//   future dropped while waiting -> io_waiter::cancel (waker_drop)
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string_view>

#include "../context.hpp"
#include "../poll.hpp"
#include "../runtime.hpp"
#include "io_source.hpp"

namespace wakeline::detail {

/// The task waiting on one kind of operation of one I/O resource.
class io_waiter {
 public:
  /// Keeps the waker of the current poll; records io_register when the wait begins.
  void wait(runtime& rt, context& cx, std::uint32_t io, io_op op) {
    if (waker_) {
      if (!waker_->will_wake(cx.waker())) waker_ = cx.waker();
      return;
    }
    waker_ = cx.waker();
    task_ = rt.current_task() != nullptr ? rt.current_task()->id : 0;
    register_seq_ = io_source(rt, io).record_wait(op);
  }

  /// Records io_ready caused by event `cause` and wakes the waiting task, if any.
  void ready(runtime& rt, std::uint32_t io, io_op op, std::uint64_t bytes, std::uint64_t cause) {
    if (!waker_) return;
    const io_source source(rt, io);
    const std::uint64_t seq = source.record_ready(op, bytes, cause, task_);
    waker w = std::move(*waker_);
    waker_.reset();
    source.wake(std::move(w), seq);
  }

  /// Forgets the waiting task (its future was dropped).
  void cancel() { waker_.reset(); }

  bool waiting() const { return waker_.has_value(); }
  /// The seq of the io_register of the current wait, to attribute what it causes.
  std::uint64_t register_seq() const { return register_seq_; }

 private:
  std::optional<waker> waker_;
  std::uint32_t task_ = 0;
  std::uint64_t register_seq_ = 0;
};

/// One end of a connection.
class stream_io {
 public:
  virtual ~stream_io() = default;
  /// Ready with the bytes copied into `buffer`, 0 at end of stream.
  virtual wakeline::poll<std::size_t> poll_read(context& cx, std::span<char> buffer) = 0;
  /// Starts sending `bytes` on the first poll (`ticket` is 0, then names the write) and is
  /// ready once they are all sent. Writes go out one after another, in the order they start.
  virtual wakeline::poll<void> poll_write_all(context& cx, std::string_view bytes,
                                              std::uint64_t& ticket) = 0;
  /// The read future was dropped: stop waiting. Bytes already received stay for the next read.
  virtual void cancel_read() = 0;
  /// The write future was dropped: stop waiting. Bytes already handed over are still sent.
  virtual void cancel_write() = 0;
  /// Closes the stream; the peer reads end of stream.
  virtual void close() = 0;
  virtual std::uint16_t local_port() const = 0;
  virtual std::uint32_t io_id() const = 0;
};

/// A listening socket.
class listener_io {
 public:
  virtual ~listener_io() = default;
  /// Ready with the next connection.
  virtual wakeline::poll<std::shared_ptr<stream_io>> poll_accept(context& cx) = 0;
  /// The accept future was dropped: stop waiting. Connections keep queueing.
  virtual void cancel_accept() = 0;
  virtual void close() = 0;
  virtual std::uint16_t local_port() const = 0;
  virtual std::uint32_t io_id() const = 0;
};

/// A connection being established.
class connect_io {
 public:
  virtual ~connect_io() = default;
  /// Ready with the connected stream; throws io_error when the connection fails.
  virtual wakeline::poll<std::shared_ptr<stream_io>> poll_connect(context& cx) = 0;
  /// The connect future was dropped: abandon the connection.
  virtual void cancel() = 0;
};

/// A listener on the simulated network.
std::shared_ptr<listener_io> sim_bind(runtime& rt, std::uint16_t port);
/// A connection attempt on the simulated network; it starts on its first poll.
std::shared_ptr<connect_io> sim_connect(runtime& rt, std::uint16_t port);
/// A listener on 127.0.0.1; throws io_error when the port cannot be bound.
std::shared_ptr<listener_io> real_bind(runtime& rt, std::uint16_t port);
/// A connection attempt to 127.0.0.1; it starts on its first poll.
std::shared_ptr<connect_io> real_connect_to(runtime& rt, std::uint16_t port);

}  // namespace wakeline::detail
