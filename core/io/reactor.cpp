#include "reactor.hpp"

#include <asio/io_context.hpp>
#include <asio/steady_timer.hpp>
#include <chrono>
#include <map>
#include <utility>

namespace wakeline {

struct reactor::impl {
  asio::io_context io;
  /// Ends an idle wait at the next timer deadline: the wheel keeps the timers, Asio does the waiting.
  asio::steady_timer deadline{io};
  /// Simulated deliveries by (time, order of scheduling).
  std::map<std::pair<std::uint64_t, std::uint64_t>, std::function<void()>> deliveries;
  std::uint64_t next_order = 0;
};

reactor::reactor() : impl_(std::make_unique<impl>()) {}
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
    impl_->deadline.expires_after(std::chrono::nanoseconds(*timeout_ns));
    impl_->deadline.async_wait([](const asio::error_code&) {});
  }
  io.run_one();
}

void reactor::poll_real() {
  impl_->io.restart();
  impl_->io.poll();
}

}  // namespace wakeline
