#include "layout.hpp"

#include <algorithm>
#include <numeric>

#include "typing.hpp"

namespace wakeline::lang {

namespace {

using kind = static_type::kind;

std::uint64_t align_up(std::uint64_t n, std::uint64_t align) {
  return (n + align - 1) / align * align;
}

layout fixed(std::uint64_t size, std::uint64_t align) { return {size, align, true}; }

}  // namespace

// Fields placed one after another from `start`: by alignment, largest first as in a struct,
// or smallest first as in an enum's variant after its prefix.
layout layouts::fields_in_order(const std::vector<layout>& fields, std::uint64_t start,
                                std::uint64_t start_align, bool smallest_first) {
  std::vector<std::size_t> order(fields.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return smallest_first ? fields[a].align < fields[b].align : fields[a].align > fields[b].align;
  });
  layout out{start, start_align, true};
  for (std::size_t i : order) {
    out.size = align_up(out.size, fields[i].align) + fields[i].size;
    out.align = std::max(out.align, fields[i].align);
    out.exact = out.exact && fields[i].exact;
  }
  out.size = align_up(out.size, out.align);
  return out;
}

bool layouts::has_niche(const static_type& t) {
  switch (t.k) {
    case kind::boolean:
    case kind::str:
    case kind::str_slice:
    case kind::string:
    case kind::vec:
    case kind::arc:
    case kind::std_guard:
    case kind::tokio_guard:
    case kind::permit:
    case kind::sender:
    case kind::receiver:
    case kind::unbounded_sender:
    case kind::unbounded_receiver:
    case kind::oneshot_sender:
    case kind::oneshot_receiver:
    case kind::join_handle:
    case kind::interval:
    case kind::waker:
    case kind::context:
    case kind::reference:
    case kind::boxed:
    case kind::missed_tick:  // Three values of a byte's 256.
    case kind::vec_iter:
    case kind::async_body:   // The state number has values no state uses.
    case kind::sleep:        // Its deadline's nanoseconds stop short of a billion.
    case kind::timeout:      // Its Sleep's.
    case kind::maybe_done:   // Its tag, or its future's niche, has values to spare.
    case kind::select_out:   // The same.
    case kind::join_poll:    // It holds a reference.
    case kind::select_poll:  // It holds two.
      return true;
    case kind::tuple:
      return std::any_of(t.args.begin(), t.args.end(),
                         [this](const static_type& a) { return has_niche(a); });
    case kind::pinned:
      return has_niche(t.arg(0));
    case kind::structure: {
      // A struct that holds itself has no layout: say no niche rather than recurse.
      if (t.index >= code_.structs.size() || structs_busy_[t.index]) return false;
      structs_busy_[t.index] = true;
      const std::vector<static_type>& fields = code_.structs[t.index].field_static_types;
      const bool niche = std::any_of(fields.begin(), fields.end(),
                                     [this](const static_type& a) { return has_niche(a); });
      structs_busy_[t.index] = false;
      return niche;
    }
    default:
      return false;
  }
}

layout layouts::of(const static_type& t) {
  switch (t.k) {
    case kind::unknown:
      return {0, 1, false};
    case kind::unit:
    case kind::elapsed:
    case kind::zero_sized_error:
      return fixed(0, 1);
    case kind::boolean:
    case kind::missed_tick:
      return fixed(1, 1);
    case kind::integer:
      switch (t.integer) {
        case int_type::i64:
        case int_type::u64:
        case int_type::usize:
          return fixed(8, 8);
        default:
          return fixed(4, 4);
      }
    case kind::str:
    case kind::str_slice:
    case kind::duration:
    case kind::instant:
    case kind::u128:  // Aligned to 8 by rustc 1.63 on x86-64.
    case kind::waker:
    case kind::permit:
    case kind::std_guard:
      return fixed(16, 8);
    case kind::string:
    case kind::vec:
      return fixed(24, 8);
    case kind::arc:
    case kind::tokio_guard:
    case kind::sender:
    case kind::receiver:
    case kind::unbounded_sender:
    case kind::unbounded_receiver:
    case kind::oneshot_sender:
    case kind::oneshot_receiver:
    case kind::join_handle:
    case kind::context:
    case kind::reference:
    case kind::boxed:
      return fixed(8, 8);
    case kind::pinned:  // A pin is its pointer.
      return of(t.arg(0));
    case kind::tuple: {
      std::vector<layout> fields;
      for (const static_type& p : t.args) fields.push_back(of(p));
      return fields_in_order(fields, 0, 1, false);
    }
    case kind::structure: {
      // A struct that holds itself has no size (rustc refuses it, E0072): unknown, not a loop.
      if (t.index >= code_.structs.size() || structs_busy_[t.index]) return {0, 1, false};
      structs_busy_[t.index] = true;
      std::vector<layout> fields;
      for (const static_type& p : code_.structs[t.index].field_static_types) {
        fields.push_back(of(p));
      }
      structs_busy_[t.index] = false;
      return fields_in_order(fields, 0, 1, false);
    }
    case kind::option: {
      const layout inner = of(t.arg(0));
      if (has_niche(t.arg(0))) return inner;
      return {align_up(align_up(1, inner.align) + inner.size, inner.align), inner.align,
              inner.exact};
    }
    case kind::result: {
      const layout ok = of(t.arg(0));
      const layout err = of(t.arg(1));
      const bool exact = ok.exact && err.exact;
      if (ok.size == 0 && err.size == 0) return {1, 1, exact};
      if (ok.size == 0 && has_niche(t.arg(1))) return {err.size, err.align, exact};
      if (err.size == 0 && has_niche(t.arg(0))) return {ok.size, ok.align, exact};
      const std::uint64_t align = std::max(ok.align, err.align);
      return {align_up(align + std::max(ok.size, err.size), align), align, exact};
    }
    case kind::join_error:
      return fixed(24, 8);
    case kind::send_error:
      return of(t.arg(0));
    case kind::std_mutex: {
      // A futex word and a poison flag beside the value.
      return fields_in_order({fixed(4, 4), fixed(1, 1), of(t.arg(0))}, 0, 1, false);
    }
    case kind::tokio_mutex:
      // A semaphore (40 bytes) beside the value.
      return fields_in_order({fixed(40, 8), of(t.arg(0))}, 0, 1, false);
    case kind::semaphore:
      return fixed(40, 8);
    case kind::notify:
      return fixed(32, 8);
    case kind::interval:
    case kind::recv_future:
    case kind::tick_future:
    case kind::vec_iter:
      return fixed(32, 8);
    case kind::range: {
      const layout bound = of(t.arg(0));
      return fields_in_order({bound, bound}, 0, 1, false);
    }
    case kind::range_inclusive: {
      const layout bound = of(t.arg(0));
      return fields_in_order({bound, bound, fixed(1, 1)}, 0, 1, false);
    }
    case kind::sleep:
      return fixed(640, 128);
    case kind::timeout:
      return fields_in_order({of(t.arg(0)), fixed(640, 128)}, 0, 1, false);
    case kind::yield_now:
      return fixed(2, 1);
    case kind::send_future:
      return fixed(128, 8);
    case kind::lock_future:
      return fixed(96, 8);
    case kind::acquire_future:
      return fixed(80, 8);
    case kind::notified_future:
      return fixed(64, 8);
    case kind::async_body:
      if (t.index >= code_.functions.size() || busy_[t.index]) return {0, 1, false};
      return machine(t.index).whole;
    case kind::maybe_done: {
      // enum MaybeDone<F> { Future(F), Done(F::Output), Gone }. rustc 1.63 fills a niche only
      // when one variant alone holds data: with a zero-sized output, the future's; otherwise a
      // byte's tag comes first, and each variant's fields after it.
      const layout future = of(t.arg(0));
      const layout output = of(output_of(t.arg(0), code_));
      const bool exact = future.exact && output.exact;
      if (output.size == 0 && has_niche(t.arg(0))) return {future.size, future.align, exact};
      const std::uint64_t align = std::max(future.align, output.align);
      const std::uint64_t size = std::max(align_up(1, future.align) + future.size,
                                          align_up(1, output.align) + output.size);
      return {align_up(size, align), align, exact};
    }
    case kind::join_poll:
      // PollFn of a closure that holds `&mut` the branches' tuple and a u32 (`skip_next_time`).
      return fixed(16, 8);
    case kind::select_poll:
      // PollFn of a closure that borrows the reference to the branches' tuple and the mask.
      return fixed(16, 8);
    case kind::select_mask: {
      // The smallest unsigned integer with a bit per branch (select_priv_declare_output_enum).
      const std::uint64_t bytes = t.index <= 8 ? 1 : t.index <= 16 ? 2 : t.index <= 32 ? 4 : 8;
      return fixed(bytes, bytes);
    }
    case kind::select_out: {
      // One variant per branch with its output, and `Disabled`. A niche is filled only when one
      // variant alone holds data (rustc 1.63); otherwise a byte's tag comes first.
      std::vector<std::size_t> dataful;
      bool exact = true;
      std::uint64_t size = 1;
      std::uint64_t align = 1;
      for (std::size_t i = 0; i < t.args.size(); ++i) {
        const layout v = of(t.args[i]);
        exact = exact && v.exact;
        if (v.size > 0) dataful.push_back(i);
        size = std::max(size, align_up(1, v.align) + v.size);
        align = std::max(align, v.align);
      }
      if (dataful.empty()) return {t.args.empty() ? 0u : 1u, 1, exact};
      if (dataful.size() == 1 && has_niche(t.args[dataful[0]])) {
        const layout only = of(t.args[dataful[0]]);
        return {only.size, only.align, exact};
      }
      return {align_up(size, align), align, exact};
    }
  }
  return {0, 1, false};
}

namespace {

// A value a state machine may store: a local of the body or the future one `.await` polls.
struct saved_value {
  static_type type;
  std::uint64_t storage_from = 0;  ///< The instructions between which it has storage
  std::uint64_t storage_to = 0;
  std::vector<std::size_t> states;  ///< Indexes into function_code::suspends keeping it
  bool borrowed = false;            ///< A local some instruction borrows (`load`)
  std::uint64_t first_borrow = 0;
};

// Where each slot needs storage, as rustc's MaybeRequiresStorage finds it: from its first
// mention until its last use, or, for a value never moved away, until its scope's end drops
// it. (A moved value needs no room after the move.)
void find_storage(const function_code& f, std::vector<saved_value>& locals) {
  std::vector<bool> seen(f.slots.size(), false);
  std::vector<bool> moved(f.slots.size(), false);
  std::vector<bool> borrowed(f.slots.size(), false);
  std::vector<std::uint64_t> last_use(f.slots.size(), 0);
  std::vector<std::uint64_t> last_drop(f.slots.size(), 0);
  for (std::uint64_t pc = 0; pc < f.code.size(); ++pc) {
    const instruction& i = f.code[pc];
    std::int64_t slot = -1;
    switch (i.op) {
      case opcode::load:
      case opcode::take:
      case opcode::store:
      case opcode::drop_slot:
        slot = i.a;
        break;
      case opcode::next_or_jump:
        slot = i.b;
        break;
      default:
        break;
    }
    if (slot < 0 || static_cast<std::size_t>(slot) >= locals.size()) continue;
    const auto s = static_cast<std::size_t>(slot);
    if (!seen[s]) locals[s].storage_from = pc;
    seen[s] = true;
    if (i.op == opcode::drop_slot) {
      last_drop[s] = pc;
    } else {
      last_use[s] = pc;
    }
    if (i.op == opcode::take && !is_copy(f.slots[s].type)) moved[s] = true;
    if (i.op == opcode::load && i.b == 1 && !locals[s].borrowed) {
      locals[s].borrowed = true;
      locals[s].first_borrow = pc;
    }
  }
  for (std::size_t s = 0; s < locals.size(); ++s) {
    // A value once borrowed keeps its room to its scope's end, moved or not: rustc cannot
    // tell, in a future that does not move, whether a reference to it is still about.
    const bool until_scope_end = !moved[s] || locals[s].borrowed;
    locals[s].storage_to = until_scope_end ? std::max(last_use[s], last_drop[s]) : last_use[s];
  }
  // A `let x = init;` binding has storage while `init` runs (local_slot::storage_live).
  for (std::size_t s = 0; s < locals.size() && s < f.slots.size(); ++s)
    locals[s].storage_from = std::min(locals[s].storage_from, f.slots[s].storage_live);
  // Arguments and captures have storage from the start.
  for (std::uint32_t s = 0; s < f.params && s < locals.size(); ++s) locals[s].storage_from = 0;
}

}  // namespace

const machine_layout& layouts::machine(std::uint32_t index) {
  if (machines_[index]) return *machines_[index];
  busy_[index] = true;
  const function_code& f = code_.functions[index];
  // An async block uses its captures where they are; an async fn moves its arguments into
  // locals of its body, which a state keeps beside the arguments.
  const bool captures_in_place = f.kind == body_kind::async_block;

  // Every value some state stores: the kept locals, then one awaited future per `.await`.
  std::vector<saved_value> values(f.slots.size());
  for (std::size_t s = 0; s < f.slots.size(); ++s) values[s].type = f.slots[s].type;
  find_storage(f, values);
  std::vector<std::uint64_t> await_pc(f.suspends.size(), 0);
  for (std::uint64_t pc = 0; pc < f.code.size(); ++pc) {
    if (f.code[pc].op == opcode::await_ && f.code[pc].a < await_pc.size()) {
      await_pc[f.code[pc].a] = pc;
    }
  }
  for (std::size_t k = 0; k < f.suspends.size(); ++k) {
    const suspend_point& sp = f.suspends[k];
    std::vector<bool> kept(f.slots.size(), false);
    for (std::uint32_t slot : sp.kept) kept[slot] = true;
    for (std::size_t slot = 0; slot < f.slots.size(); ++slot) {
      // Kept for its value, or, once borrowed, for its room until its scope ends.
      const saved_value& v = values[slot];
      const bool borrowed_here = v.borrowed && v.first_borrow < await_pc[k] &&
                                 v.storage_from <= await_pc[k] && await_pc[k] <= v.storage_to;
      if ((kept[slot] || borrowed_here) && !(captures_in_place && slot < f.params)) {
        values[slot].states.push_back(k);
      }
    }
  }
  for (std::size_t k = 0; k < f.suspends.size(); ++k) {
    saved_value awaited;
    awaited.type = f.suspends[k].awaited;
    awaited.storage_from = awaited.storage_to = await_pc[k];
    awaited.states.push_back(k);
    for (const unnamed_value& u : f.suspends[k].hidden) {
      saved_value held = awaited;
      held.type = u.type;
      values.push_back(std::move(held));
    }
    values.push_back(std::move(awaited));
  }

  // rustc's rules (generator_saved_local_eligibility): a value stored in more than one state
  // goes to the prefix; of two values in different states whose storage overlaps, the one
  // with more such conflicts goes to the prefix; with fewer than two states left holding a
  // value of their own, every value goes to the prefix.
  const std::size_t n = values.size();
  std::vector<bool> in_prefix(n, false);
  for (std::size_t v = 0; v < n; ++v) in_prefix[v] = values[v].states.size() > 1;
  auto stored = [&](std::size_t v) { return !values[v].states.empty(); };
  auto conflict = [&](std::size_t a, std::size_t b) {
    return a != b && stored(a) && stored(b) && values[a].storage_from <= values[b].storage_to &&
           values[b].storage_from <= values[a].storage_to;
  };
  std::vector<std::size_t> conflicts(n, 0);
  for (std::size_t a = 0; a < n; ++a) {
    for (std::size_t b = 0; b < n; ++b) conflicts[a] += conflict(a, b) ? 1 : 0;
  }
  for (std::size_t a = 0; a < n; ++a) {
    if (!stored(a) || in_prefix[a]) continue;
    for (std::size_t b = 0; b < n; ++b) {
      if (!conflict(a, b) || in_prefix[b] || values[a].states == values[b].states) continue;
      in_prefix[conflicts[a] > conflicts[b] ? a : b] = true;
    }
  }
  std::vector<bool> state_has_own(f.suspends.size(), false);
  for (std::size_t v = 0; v < n; ++v) {
    if (stored(v) && !in_prefix[v]) state_has_own[values[v].states[0]] = true;
  }
  if (std::count(state_has_own.begin(), state_has_own.end(), true) < 2) {
    for (std::size_t v = 0; v < n; ++v) in_prefix[v] = stored(v);
  }

  // The prefix: arguments (or captures), the state number, the values moved there.
  std::vector<layout> prefix_fields;
  for (std::uint32_t s = 0; s < f.params && s < f.slots.size(); ++s) {
    prefix_fields.push_back(of(f.slots[s].type));
  }
  prefix_fields.push_back(fixed(1, 1));
  for (std::size_t v = 0; v < n; ++v) {
    if (stored(v) && in_prefix[v]) prefix_fields.push_back(of(values[v].type));
  }
  const layout prefix = fields_in_order(prefix_fields, 0, 1, false);

  machine_layout m;
  m.states.assign(3, prefix);
  layout whole = prefix;
  for (std::size_t k = 0; k < f.suspends.size(); ++k) {
    std::vector<layout> fields;
    for (std::size_t v = 0; v < n; ++v) {
      if (stored(v) && !in_prefix[v] && values[v].states[0] == k)
        fields.push_back(of(values[v].type));
    }
    layout state = fields_in_order(fields, prefix.size, prefix.align, true);
    state.exact = state.exact && prefix.exact;
    // A value in the prefix that this state keeps, whose type is unknown, makes it inexact.
    for (std::size_t v = 0; v < n; ++v) {
      if (in_prefix[v] && !values[v].type.known() &&
          std::find(values[v].states.begin(), values[v].states.end(), k) !=
              values[v].states.end()) {
        state.exact = false;
      }
    }
    const std::uint32_t number = f.suspends[k].state;
    if (m.states.size() <= number) m.states.resize(number + 1, prefix);
    m.states[number] = state;
    whole.size = std::max(whole.size, state.size);
    whole.align = std::max(whole.align, state.align);
    whole.exact = whole.exact && state.exact;
  }
  whole.size = align_up(whole.size, whole.align);
  m.whole = whole;
  busy_[index] = false;
  machines_[index] = std::move(m);
  return *machines_[index];
}

}  // namespace wakeline::lang
