#include "reactor.hpp"

#include <asio/executor_work_guard.hpp>
#include <asio/io_context.hpp>
#include <chrono>
#include <map>
#include <utility>

#include "sim_network.hpp"

namespace wakeline {

struct reactor::impl {
  asio::io_context io;
  /// Keeps run_one_for blocking for its whole timeout even when no socket is open: without
  /// work, Asio returns at once and an idle wait for a timer would spin.
  asio::executor_work_guard<asio::io_context::executor_type> work{io.get_executor()};
  /// Simulated deliveries by (time, order of scheduling).
  std::map<std::pair<std::uint64_t, std::uint64_t>, std::function<void()>> deliveries;
  std::uint64_t next_order = 0;
};

reactor::reactor()
    : network_(std::make_unique<detail::sim_network>()), impl_(std::make_unique<impl>()) {}
reactor::~reactor() = default;

asio::io_context& reactor::io_context() { return impl_->io; }

void reactor::deliver_at(std::uint64_t t_ns, std::function<void()> on_ready) {
  impl_->deliveries.emplace(std::make_pair(t_ns, impl_->next_order++), std::move(on_ready));
}

std::optional<std::uint64_t> reactor::next_delivery() const {
  if (impl_->deliveries.empty()) return std::nullopt;
  return impl_->deliveries.begin()->first.first;
}

std::size_t reactor::deliver_due(std::uint64_t now_ns) {
  std::size_t count = 0;
  while (!impl_->deliveries.empty() && impl_->deliveries.begin()->first.first <= now_ns) {
    auto node = impl_->deliveries.extract(impl_->deliveries.begin());
    node.mapped()();
    ++count;
  }
  return count;
}

void reactor::wait_real(std::optional<std::uint64_t> timeout_ns) {
  auto& io = impl_->io;
  io.restart();
  if (timeout_ns) {
    io.run_one_for(std::chrono::nanoseconds(*timeout_ns));
  } else {
    io.run_one();
  }
}

void reactor::poll_real() {
  impl_->io.restart();
  impl_->io.poll();
}

}  // namespace wakeline
