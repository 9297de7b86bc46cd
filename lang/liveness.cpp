#include "liveness.hpp"

#include <vector>

#include "control_flow.hpp"

namespace wakeline::lang {

namespace {

using slot_set = std::vector<bool>;

// The slot an instruction reads (load, take, next_or_jump), or -1.
std::int64_t read_slot(const instruction& i) {
  switch (i.op) {
    case opcode::load:
    case opcode::take:
      return i.a;
    case opcode::next_or_jump:
      return i.b;
    default:
      return -1;
  }
}

// Backward liveness: for each instruction, the slots `uses` reads on some path after it before
// a store. Returns the live-out sets.
template <class Uses>
std::vector<slot_set> live_after(const function_code& f, const Uses& uses) {
  const std::size_t slots = f.slots.size();
  const std::size_t n = f.code.size();
  std::vector<slot_set> in(n, slot_set(slots, false));
  std::vector<slot_set> out(n, slot_set(slots, false));
  std::vector<std::size_t> next;
  for (bool changed = true; changed;) {
    changed = false;
    for (std::size_t pc = n; pc-- > 0;) {
      slot_set o(slots, false);
      successors(f, pc, next);
      for (std::size_t s : next) {
        for (std::size_t k = 0; k < slots; ++k) o[k] = o[k] || in[s][k];
      }
      slot_set i = o;
      const instruction& ins = f.code[pc];
      if (ins.op == opcode::store) i[ins.a] = false;
      const std::int64_t used = uses(ins);
      if (used >= 0) i[static_cast<std::size_t>(used)] = true;
      if (i != in[pc] || o != out[pc]) {
        in[pc] = std::move(i);
        out[pc] = std::move(o);
        changed = true;
      }
    }
  }
  return out;
}

// Forward: the slots that may hold a value after each instruction. A store fills a slot; a move
// out (take) or a drop empties it. A take of a Copy value leaves it full, but then a later read
// keeps it anyway, so treating every take as a move loses nothing.
std::vector<slot_set> maybe_holding(const function_code& f) {
  const std::size_t slots = f.slots.size();
  const std::size_t n = f.code.size();
  std::vector<slot_set> in(n, slot_set(slots, false));
  std::vector<slot_set> out(n, slot_set(slots, false));
  for (std::uint32_t p = 0; p < f.params && p < slots; ++p) {
    if (n > 0) in[0][p] = true;
  }
  std::vector<std::size_t> next;
  for (bool changed = true; changed;) {
    changed = false;
    for (std::size_t pc = 0; pc < n; ++pc) {
      slot_set o = in[pc];
      const instruction& ins = f.code[pc];
      if (ins.op == opcode::store) o[ins.a] = true;
      if (ins.op == opcode::take || ins.op == opcode::drop_slot) o[ins.a] = false;
      if (o != out[pc]) {
        out[pc] = o;
        changed = true;
      }
      successors(f, pc, next);
      for (std::size_t s : next) {
        for (std::size_t k = 0; k < slots; ++k) {
          if (o[k] && !in[s][k]) {
            in[s][k] = true;
            changed = true;
          }
        }
      }
    }
  }
  return out;
}

}  // namespace

void compute_suspend_liveness(function_code& f) {
  // A state keeps a local that is read after the await, or that still holds a value to drop
  // at the end of its scope (a guard, a sender) and was not moved away before. Dropping a
  // Copy value does nothing: that alone keeps nothing.
  const auto reads = live_after(f, read_slot);
  const auto drops = live_after(f, [&f](const instruction& i) -> std::int64_t {
    if (i.op != opcode::drop_slot || f.slots[i.a].trivial_drop) return -1;
    return i.a;
  });
  const auto holding = maybe_holding(f);
  for (std::size_t pc = 0; pc < f.code.size(); ++pc) {
    if (f.code[pc].op != opcode::await_) continue;
    suspend_point& sp = f.suspends[f.code[pc].a];
    sp.kept.clear();
    for (std::size_t k = 0; k < f.slots.size(); ++k) {
      if (reads[pc][k] || (drops[pc][k] && holding[pc][k])) {
        sp.kept.push_back(static_cast<std::uint32_t>(k));
      }
    }
  }
}

}  // namespace wakeline::lang
