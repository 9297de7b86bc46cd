// The simulated network of one runtime: ports, listeners and the latency of a hop. Sockets on
// it exchange bytes through the reactor's timed deliveries instead of the operating system, so
// a run under the virtual clock never touches a real socket and always replays the same way.
#pragma once

#include <cstdint>
#include <map>

namespace wakeline::detail {

class sim_listener;

/// Ports and latency of a simulated network. Lives in the reactor, one per runtime.
class sim_network {
 public:
  /// One-way latency of every hop, in ns.
  std::uint64_t latency_ns() const { return latency_ns_; }
  void set_latency_ns(std::uint64_t ns) { latency_ns_ = ns; }

  /// The listener on `port`, or nullptr.
  sim_listener* listener(std::uint16_t port) const;
  /// Claims `port` for `l` (0 picks a free one); returns the port, or 0 when it is taken.
  std::uint16_t add_listener(std::uint16_t port, sim_listener* l);
  void remove_listener(std::uint16_t port);
  /// A fresh port for the client end of a connection.
  std::uint16_t ephemeral_port();

 private:
  std::uint64_t latency_ns_ = 1'000'000;
  std::map<std::uint16_t, sim_listener*> listeners_;
  std::uint16_t next_ephemeral_ = 49152;  // The IANA dynamic range, as real systems use.
};

}  // namespace wakeline::detail
