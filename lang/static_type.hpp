// The type a local of a program has, as far as lowering can tell before the run: what the
// state-machine view needs to say what each state keeps and how many bytes it takes
// (layout.hpp). Not a type checker: a type nothing written or called fixes is `unknown`, and
// a size that depends on it is a lower bound, said so.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "value.hpp"

namespace wakeline::lang {

struct static_type {
  enum class kind : std::uint8_t {
    unknown,
    unit,
    boolean,
    integer,    ///< `integer` says which; `inferred` is Rust's fallback, an i32
    u128,       ///< what `Duration::as_millis` gives in Rust (the language gives a u64)
    str,        ///< `&str`
    str_slice,  ///< `&[&str]`: the pieces of a `format_args!`
    string,
    duration,
    instant,
    tuple,      ///< `args`: the items
    vec,        ///< `args[0]`: the element, when known
    option,     ///< `args[0]`
    result,     ///< `args[0]`, `args[1]`
    structure,  ///< `index`: the program's struct
    arc,        ///< `args[0]`
    std_mutex,  ///< `args[0]`: what it guards
    std_guard,
    tokio_mutex,  ///< `args[0]`
    tokio_guard,
    semaphore,
    permit,
    notify,
    sender,  ///< mpsc; `args[0]`: the message; `index` (every channel end): its channel, or 0
    receiver,
    unbounded_sender,
    unbounded_receiver,
    oneshot_sender,
    oneshot_receiver,  ///< also a future
    join_handle,       ///< `args[0]`: the task's output; also a future
    interval,
    missed_tick,  ///< `MissedTickBehavior`
    waker,
    context,    ///< `&mut Context<'_>`
    reference,  ///< `&T`, `&mut T`: `args[0]`
    boxed,      ///< `Box<T>`: `args[0]`
    pinned,     ///< `Pin<P>`: `args[0]` is the pointer, a reference or a box
    range,      ///< `args[0]`: the bound's type
    range_inclusive,
    vec_iter,  ///< a `Vec` iterated by value
    // Errors the futures' outputs carry.
    join_error,
    elapsed,
    send_error,  ///< `args[0]`: the message given back
    zero_sized_error,
    // Futures.
    sleep,
    timeout,  ///< `args[0]`: the future it bounds
    yield_now,
    send_future,  ///< `args[0]`: the message
    recv_future,  ///< `args[0]`: the message
    lock_future,  ///< `args[0]`: what the mutex guards
    acquire_future,
    notified_future,
    tick_future,
    async_body,  ///< `index`: the function_code of an async fn or block
    // What `tokio::join!` makes of its branches (Tokio 1.24's macros/join.rs).
    maybe_done,  ///< `MaybeDone<F>`: `args[0]` is F, a branch's future
    join_poll,   ///< the `poll_fn` it awaits; `args`: the branches' futures
    // And what `tokio::select!` makes (macros/select.rs).
    select_poll,  ///< the `poll_fn` it awaits; `args`: the branches' futures
    select_out,   ///< its output, enum `Out { _0(T0), .., Disabled }`; `args`: the Ts
    select_mask,  ///< its disabled branches, one bit each; `index`: how many branches
  };

  kind k = kind::unknown;
  int_type integer = int_type::inferred;
  std::uint32_t index = 0;
  std::vector<static_type> args;

  static static_type of(kind k, std::vector<static_type> args = {}) {
    static_type t;
    t.k = k;
    t.args = std::move(args);
    return t;
  }
  static static_type of_integer(int_type i) {
    static_type t;
    t.k = kind::integer;
    t.integer = i;
    return t;
  }
  static static_type of_body(kind k, std::uint32_t index) {
    static_type t;
    t.k = k;
    t.index = index;
    return t;
  }

  bool known() const { return k != kind::unknown; }
  /// The type argument `i`, unknown when there is none.
  const static_type& arg(std::size_t i) const {
    static const static_type none;
    return i < args.size() ? args[i] : none;
  }
};

}  // namespace wakeline::lang
