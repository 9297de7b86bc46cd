#include "liveness.hpp"

#include <vector>

namespace wakeline::lang {

namespace {

using slot_set = std::vector<bool>;

// The instructions control may reach after `pc`.
void successors(const function_code& f, std::size_t pc, std::vector<std::size_t>& out) {
  out.clear();
  const instruction& i = f.code[pc];
  switch (i.op) {
    case opcode::ret:
    case opcode::panic:
      return;
    case opcode::jump:
      out.push_back(i.a);
      return;
    case opcode::jump_if_false:
    case opcode::jump_if_true:
    case opcode::next_or_jump:
      out.push_back(i.a);
      break;
    default:
      break;
  }
  if (pc + 1 < f.code.size()) out.push_back(pc + 1);
}

}  // namespace

void compute_suspend_liveness(function_code& f) {
  const std::size_t slots = f.slots.size();
  const std::size_t n = f.code.size();
  std::vector<slot_set> live_in(n, slot_set(slots, false));
  std::vector<slot_set> live_out(n, slot_set(slots, false));
  std::vector<std::size_t> next;
  // Backward dataflow to a fixed point: live_in = uses + (live_out - defs).
  for (bool changed = true; changed;) {
    changed = false;
    for (std::size_t pc = n; pc-- > 0;) {
      slot_set out(slots, false);
      successors(f, pc, next);
      for (std::size_t s : next) {
        for (std::size_t k = 0; k < slots; ++k) {
          if (live_in[s][k]) out[k] = true;
        }
      }
      slot_set in = out;
      const instruction& i = f.code[pc];
      switch (i.op) {
        case opcode::store:
          in[i.a] = false;
          break;
        case opcode::load:
        case opcode::take:
        case opcode::drop_slot:
          in[i.a] = true;
          break;
        case opcode::next_or_jump:
          in[i.b] = true;
          break;
        default:
          break;
      }
      if (in != live_in[pc] || out != live_out[pc]) {
        live_in[pc] = std::move(in);
        live_out[pc] = std::move(out);
        changed = true;
      }
    }
  }
  for (std::size_t pc = 0; pc < n; ++pc) {
    if (f.code[pc].op != opcode::await_) continue;
    suspend_point& sp = f.suspends[f.code[pc].a];
    sp.kept.clear();
    for (std::size_t k = 0; k < slots; ++k) {
      if (live_out[pc][k]) sp.kept.push_back(static_cast<std::uint32_t>(k));
    }
  }
}

}  // namespace wakeline::lang
