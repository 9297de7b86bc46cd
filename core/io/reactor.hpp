// The reactor turns I/O into wakes. It is built on standalone Asio's io_context: with the real
// clock, sockets are real Asio sockets and an idle runtime blocks in io_context::run_one; with
// the virtual clock, I/O is simulated and each readiness is delivered at a virtual time, in
// order, so runs are deterministic.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>

namespace asio {
class io_context;
}

namespace wakeline {

namespace detail {
class sim_network;
}

class reactor {
 public:
  reactor();
  ~reactor();
  reactor(const reactor&) = delete;
  reactor& operator=(const reactor&) = delete;

  /// The Asio context that real sockets and timers are bound to.
  asio::io_context& io_context();

  /// The simulated network that sockets use under the virtual clock.
  detail::sim_network& network() { return *network_; }

  /// A new I/O resource id for the trace (a socket, a listener).
  std::uint32_t new_resource() { return ++last_resource_; }

  /// Schedules `on_ready` to run at virtual time `t_ns`. Deliveries at equal times keep the
  /// order in which they were scheduled.
  void deliver_at(std::uint64_t t_ns, std::function<void()> on_ready);
  /// The time of the next simulated delivery, if any.
  std::optional<std::uint64_t> next_delivery() const;
  /// Runs every simulated delivery due at or before `now_ns`, including those that the
  /// deliveries themselves schedule for that time; returns how many ran.
  std::size_t deliver_due(std::uint64_t now_ns);

  /// Real operations in flight on the io_context. While any is, an idle runtime waits for
  /// them instead of reporting a deadlock.
  void begin_real_operation() { ++real_in_flight_; }
  void end_real_operation() { --real_in_flight_; }
  bool has_real_operations() const { return real_in_flight_ > 0; }

  /// Blocks in Asio until a handler runs or `timeout_ns` passes (forever if empty).
  void wait_real(std::optional<std::uint64_t> timeout_ns);
  /// Runs Asio handlers that are ready now, without blocking.
  void poll_real();

 private:
  struct impl;
  // Declared before impl_ so that it outlives the deliveries, which may hold simulated sockets.
  std::unique_ptr<detail::sim_network> network_;
  std::unique_ptr<impl> impl_;
  std::uint32_t last_resource_ = 0;
  std::uint32_t real_in_flight_ = 0;
};

}  // namespace wakeline
