#include "peephole.hpp"

#include <vector>

#include "control_flow.hpp"

namespace wakeline::lang {

void remove_dropped_units(function_code& f, std::uint32_t unit) {
  std::vector<instruction>& code = f.code;
  const std::size_t n = code.size();
  std::vector<bool> target(n + 1, false);
  for (const instruction& i : code) {
    if (jumps(i.op)) target[i.a] = true;
  }
  std::vector<bool> keep(n, true);
  for (std::size_t pc = 0; pc + 1 < n; ++pc) {
    if (code[pc].op == opcode::constant && code[pc].a == unit && code[pc + 1].op == opcode::pop &&
        !target[pc + 1] && keep[pc]) {
      keep[pc] = keep[pc + 1] = false;
      ++pc;
    }
  }
  // Where each old address lands: itself, or the next instruction kept.
  std::vector<std::uint32_t> moved(n + 1);
  std::uint32_t next = 0;
  for (std::size_t pc = 0; pc < n; ++pc) {
    moved[pc] = next;
    if (keep[pc]) ++next;
  }
  moved[n] = next;
  std::vector<instruction> kept;
  kept.reserve(next);
  for (std::size_t pc = 0; pc < n; ++pc) {
    if (!keep[pc]) continue;
    instruction i = code[pc];
    if (jumps(i.op)) i.a = moved[i.a];
    kept.push_back(i);
  }
  code = std::move(kept);
}

}  // namespace wakeline::lang
