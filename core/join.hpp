// Waits for several futures at once on one task (futures' `join!` and `join_all`). Nothing runs
// in parallel: each poll of the join polls its unfinished branches one after another, so a
// branch makes progress whenever the task is woken, whoever woke it.
#pragma once

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <tuple>
#include <utility>
#include <vector>

#include "future.hpp"

namespace wakeline {

/// The future returned by `join`. Each poll polls every unfinished branch in argument order; a
/// branch that completes is dropped at once and only its output is kept (futures' `MaybeDone`),
/// so its timers and wakers are released before the others finish.
template <future... Fs>
class join_future {
 public:
  using output_type = std::tuple<value_t<Fs>...>;

  explicit join_future(Fs... fs) : branches_(std::move(fs)...) {}

  wakeline::poll<output_type> poll(context& cx) {
    if (taken_) throw std::logic_error("wakeline: join polled after it completed");
    if (!poll_all(cx, std::index_sequence_for<Fs...>{})) return poll_pending;
    taken_ = true;
    return take(std::index_sequence_for<Fs...>{});
  }

 private:
  template <std::size_t... I>
  bool poll_all([[maybe_unused]] context& cx, std::index_sequence<I...>) {
    bool all = true;
    // Not short-circuiting: every branch is polled even after one returns pending.
    ((all = poll_branch<I>(cx) && all), ...);
    return all;
  }

  template <std::size_t I>
  bool poll_branch(context& cx) {
    auto& output = std::get<I>(outputs_);
    if (output) return true;
    auto& branch = std::get<I>(branches_);
    auto value = poll_value(*branch, cx);
    if (!value) return false;
    output.emplace(std::move(*value));
    branch.reset();
    return true;
  }

  template <std::size_t... I>
  output_type take(std::index_sequence<I...>) {
    return output_type(std::move(*std::get<I>(outputs_))...);
  }

  std::tuple<std::optional<Fs>...> branches_;
  std::tuple<std::optional<value_t<Fs>>...> outputs_;
  bool taken_ = false;
};

/// Runs all `fs` concurrently on the current task; completes with the tuple of their outputs
/// once the last one completes.
template <future... Fs>
join_future<Fs...> join(Fs... fs) {
  return join_future<Fs...>(std::move(fs)...);
}

/// The future returned by `join_all`: `join` over a number of futures known only at run time.
template <future F>
class join_all_future {
 public:
  using output_type = std::vector<value_t<F>>;

  explicit join_all_future(std::vector<F> fs) : remaining_(fs.size()) {
    // Moved into place once, before the first poll; the vector never grows afterwards, so no
    // branch moves after it has been polled.
    branches_.reserve(fs.size());
    for (F& f : fs) branches_.emplace_back(std::move(f));
    outputs_.resize(fs.size());
  }

  wakeline::poll<output_type> poll(context& cx) {
    if (taken_) throw std::logic_error("wakeline: join_all polled after it completed");
    for (std::size_t i = 0; i < branches_.size(); ++i) {
      if (outputs_[i]) continue;
      auto value = poll_value(*branches_[i], cx);
      if (!value) continue;
      outputs_[i].emplace(std::move(*value));
      branches_[i].reset();
      --remaining_;
    }
    if (remaining_ != 0) return poll_pending;
    taken_ = true;
    output_type out;
    out.reserve(outputs_.size());
    for (auto& o : outputs_) out.push_back(std::move(*o));
    return out;
  }

 private:
  std::vector<std::optional<F>> branches_;
  std::vector<std::optional<value_t<F>>> outputs_;
  std::size_t remaining_;
  bool taken_ = false;
};

/// Runs every future of `fs` concurrently on the current task; completes with their outputs in
/// the order of `fs`.
template <future F>
join_all_future<F> join_all(std::vector<F> fs) {
  return join_all_future<F>(std::move(fs));
}

}  // namespace wakeline
