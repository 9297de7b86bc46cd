#include "moves.hpp"

#include <vector>

#include "control_flow.hpp"

namespace wakeline::lang {

namespace {

using slot_set = std::vector<bool>;

}  // namespace

void check_moves(const function_code& f, diagnostics& out) {
  const std::size_t slots = f.slots.size();
  const std::size_t n = f.code.size();
  if (n == 0) return;
  // Forward: the owning locals that may have been moved away before each instruction.
  std::vector<slot_set> moved_in(n, slot_set(slots, false));
  std::vector<bool> reached(n, false);
  reached[0] = true;
  std::vector<std::size_t> next;
  for (bool changed = true; changed;) {
    changed = false;
    for (std::size_t pc = 0; pc < n; ++pc) {
      if (!reached[pc]) continue;
      slot_set moved = moved_in[pc];
      const instruction& i = f.code[pc];
      if (i.op == opcode::take && f.slots[i.a].owns) moved[i.a] = true;
      if (i.op == opcode::store || i.op == opcode::drop_slot) moved[i.a] = false;
      successors(f, pc, next);
      for (std::size_t s : next) {
        if (!reached[s]) {
          reached[s] = true;
          changed = true;
        }
        for (std::size_t k = 0; k < slots; ++k) {
          if (moved[k] && !moved_in[s][k]) {
            moved_in[s][k] = true;
            changed = true;
          }
        }
      }
    }
  }
  std::vector<bool> reported(slots, false);
  for (std::size_t pc = 0; pc < n; ++pc) {
    const instruction& i = f.code[pc];
    if (!reached[pc] || (i.op != opcode::load && i.op != opcode::take)) continue;
    if (!moved_in[pc][i.a] || reported[i.a]) continue;
    reported[i.a] = true;
    const std::string& name = f.slots[i.a].name;
    out.error(
        i.where,
        std::string(i.op == opcode::take ? "use" : "borrow") + " of moved value: `" + name + "`",
        "value " + std::string(i.op == opcode::take ? "used" : "borrowed") + " here after move");
  }
}

}  // namespace wakeline::lang
