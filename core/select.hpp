// Waits for the first of several futures and cancels the others (tokio's `select!` with
// `biased;`: branches are polled in argument order, not at random, so runs are reproducible).
//
// Cancelling a branch is dropping it: its destructors run right away, inside the poll that saw
// the winner, so a losing sleep cancels its timer and a losing coroutine unwinds its frame. The
// trace records one `select_drop` per loser, and what the drop causes (timer_cancel, waker_drop)
// points back at it.
//
// Tokio 1.24.2's `select!` (`macros/select.rs`, under tokio-1.24.2/src/), and what Wakeline does:
// - Order. `biased;` starts at branch 0 (604-606); without it, at `thread_rng_n(BRANCHES)`
//   (608-612), a per-thread random start. Each poll goes round once from the start (487-545):
//   the first ready branch wins and the branches after it are not polled (540). Wakeline's
//   `select` is the biased one under every strategy; the language draws an unbiased start from
//   the run's seed.
// - Wakers. `select!` registers none of its own: each branch registers the task's waker with
//   its resource, and a loser's registration may outlive the loser (mpsc.hpp: a dropped
//   `recv()` under the tokio flavour).
// - Drop. The branch futures live in a tuple in a block around the `poll_fn` (460-554): the
//   losers are dropped when that block ends, after the winning poll and before the handler
//   runs, in branch order. Here they are dropped in branch order inside the winning poll: the
//   same moment for the task, before any other code of it runs.
// - A branch whose output does not match its pattern is disabled and the round goes on
//   (527-537); with every branch disabled, `else` (547-551). Patterns are the language's
//   (lang/library.cpp); this `select` has none.
//
// Proved by the fidelity scenarios `select`, `select_recv_loser_waker`, `recv_loser_unbounded`
// (docs/tokio-fidelity.md).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <tuple>
#include <utility>
#include <variant>

#include "future.hpp"
#include "runtime.hpp"
#include "source_location.hpp"

namespace wakeline {

/// The future returned by `select`. Its output holds the winner's value at the winner's index.
/// Each branch lives in its own optional so that it can be destroyed alone, in place: branches
/// are never moved once the select has been polled.
template <future... Fs>
class select_future {
  static_assert(sizeof...(Fs) >= 1, "select needs at least one branch");

 public:
  using output_type = std::variant<value_t<Fs>...>;

  /// `where` is the call site, recorded in every `select_drop` event.
  explicit select_future(source_location where, Fs... fs)
      : where_(where), branches_(std::move(fs)...) {}

  wakeline::poll<output_type> poll(context& cx) {
    if (done_) throw std::logic_error("wakeline: select polled after it completed");
    std::optional<output_type> output;
    poll_in_order(cx, output, std::index_sequence_for<Fs...>{});
    if (!output) return poll_pending;
    done_ = true;
    drop_all(std::index_sequence_for<Fs...>{});
    return std::move(*output);
  }

 private:
  template <std::size_t... I>
  void poll_in_order(context& cx, std::optional<output_type>& output, std::index_sequence<I...>) {
    // Short-circuits: branches after the winner are not polled in this round.
    (void)(poll_branch<I>(cx, output) || ...);
  }

  template <std::size_t I>
  bool poll_branch(context& cx, std::optional<output_type>& output) {
    auto value = poll_value(*std::get<I>(branches_), cx);
    if (!value) return false;
    output.emplace(std::in_place_index<I>, std::move(*value));
    winner_ = I;
    return true;
  }

  template <std::size_t... I>
  void drop_all(std::index_sequence<I...>) {
    (drop_branch<I>(), ...);
  }

  template <std::size_t I>
  void drop_branch() {
    auto& branch = std::get<I>(branches_);
    runtime* rt = runtime::try_current();
    if (I == winner_ || rt == nullptr) {
      branch.reset();
      return;
    }
    const actor now = rt->current_actor();
    detail::task_header* task = rt->current_task();
    std::uint64_t seq = rt->emit({.cause = now.cause,
                                  .arg = I,
                                  .file = where_.file,
                                  .line = where_.line,
                                  .task = task != nullptr ? task->id : 0,
                                  .kind = event_kind::select_drop});
    // What the loser's destructors record (a cancelled timer, a dropped waker) is caused by
    // this drop, not by whatever started the poll.
    actor_scope dropping(*rt, {now.source, now.id, seq != 0 ? seq : now.cause});
    branch.reset();
  }

  source_location where_;
  std::tuple<std::optional<Fs>...> branches_;
  std::size_t winner_ = 0;
  bool done_ = false;
};

// One overload per arity, because a defaulted `source_location` cannot follow a deduced pack.
// For more branches, construct `select_future` directly.

/// Completes with the output of whichever of `f1`, `f2` is ready first and drops the other.
template <future F1, future F2>
select_future<F1, F2> select(F1 f1, F2 f2, source_location where = source_location::current()) {
  return select_future<F1, F2>(where, std::move(f1), std::move(f2));
}

/// Three-branch `select`.
template <future F1, future F2, future F3>
select_future<F1, F2, F3> select(F1 f1, F2 f2, F3 f3,
                                 source_location where = source_location::current()) {
  return select_future<F1, F2, F3>(where, std::move(f1), std::move(f2), std::move(f3));
}

/// Four-branch `select`.
template <future F1, future F2, future F3, future F4>
select_future<F1, F2, F3, F4> select(F1 f1, F2 f2, F3 f3, F4 f4,
                                     source_location where = source_location::current()) {
  return select_future<F1, F2, F3, F4>(where, std::move(f1), std::move(f2), std::move(f3),
                                       std::move(f4));
}

/// Five-branch `select`.
template <future F1, future F2, future F3, future F4, future F5>
select_future<F1, F2, F3, F4, F5> select(F1 f1, F2 f2, F3 f3, F4 f4, F5 f5,
                                         source_location where = source_location::current()) {
  return select_future<F1, F2, F3, F4, F5>(where, std::move(f1), std::move(f2), std::move(f3),
                                           std::move(f4), std::move(f5));
}

/// Six-branch `select`.
template <future F1, future F2, future F3, future F4, future F5, future F6>
select_future<F1, F2, F3, F4, F5, F6> select(F1 f1, F2 f2, F3 f3, F4 f4, F5 f5, F6 f6,
                                             source_location where = source_location::current()) {
  return select_future<F1, F2, F3, F4, F5, F6>(where, std::move(f1), std::move(f2), std::move(f3),
                                               std::move(f4), std::move(f5), std::move(f6));
}

}  // namespace wakeline
