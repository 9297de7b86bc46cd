// Waits for several futures at once on one task (futures' `join!` and `join_all`). Nothing runs
// in parallel: each poll of the join polls its unfinished branches one after another, so a
// branch makes progress whenever the task is woken, whoever woke it.
//
// Tokio 1.24.2's `join!` (paths under tokio-1.24.2/src/), and what Wakeline does:
// - Order. `macros/join.rs:87-105`: each poll starts one branch further than the last
//   (`skip_next_time`, 0, 1, .., n-1, 0, ..), counting finished branches too, then goes round
//   once (109-134), so no branch can take the whole coop budget every time. The textbook join
//   (futures' `join!`, and `join` under every strategy but tokio-current-thread) always starts
//   at the first. Under the tokio flavour (core/strategy.hpp) `join` rotates as Tokio does;
//   `join_all`, which Tokio does not have, always polls in order.
// - Finished branches. `MaybeDone::poll` (`future/maybe_done.rs:65-75`) drops a branch as soon as
// it
//   is ready and keeps its output: its timers and wakers go at once. The same here.
// - Wakes and wakers. `join!` registers nothing of its own: each branch registers the task's
//   waker with its own resource, so any branch's wake re-polls every unfinished branch
//   (join.rs:126, one `cx` for all).
// - Drop. Dropping the join drops every unfinished branch, in argument order (a tuple's drop).
//
// Proved by the fidelity scenarios `join_rotates`, `join_three_same_instant`,
// `join_branch_done_early` (tests/fidelity/scenarios, docs/tokio-fidelity.md).
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <tuple>
#include <utility>
#include <vector>

#include "detail/flavour.hpp"
#include "future.hpp"

namespace wakeline {

/// The future returned by `join`. Each poll polls every unfinished branch once, in argument
/// order (under Tokio's rules, from a first branch that moves one further at each poll); a
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
  static constexpr std::size_t count = sizeof...(Fs);

  template <std::size_t... I>
  bool poll_all([[maybe_unused]] context& cx, std::index_sequence<I...>) {
    bool all = true;
    if constexpr (count > 1) {
      if (detail::tokio_primitives()) {
        // Tokio's `skip_next_time` (macros/join.rs:103-105): this poll starts at `start`.
        const std::size_t start = skip_next_time_;
        skip_next_time_ = start + 1 == count ? 0 : start + 1;
        static constexpr std::array<bool (join_future::*)(context&), count> branch{
            &join_future::poll_branch<I>...};
        for (std::size_t k = 0; k < count; ++k) {
          all = (this->*branch[(start + k) % count])(cx) && all;
        }
        return all;
      }
    }
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
  std::size_t skip_next_time_ = 0;  ///< Tokio's rule: the branch the next poll starts at.
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
