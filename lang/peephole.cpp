#include "peephole.hpp"

#include <utility>
#include <vector>

#include "control_flow.hpp"

namespace wakeline::lang {

void simplify(function_code& f, std::uint32_t unit) {
  std::vector<instruction>& code = f.code;
  const std::size_t n = code.size();
  std::vector<bool> target(n + 1, false);
  for (const instruction& i : code) {
    if (jumps(i.op)) target[i.a] = true;
  }
  // A window of `width` instructions from `pc` that no jump lands inside.
  auto whole = [&](std::size_t pc, std::size_t width) {
    if (pc + width > n) return false;
    for (std::size_t k = 1; k < width; ++k) {
      if (target[pc + k]) return false;
    }
    return true;
  };
  std::vector<bool> keep(n, true);
  for (std::size_t pc = 0; pc < n; ++pc) {
    if (whole(pc, 2) && code[pc].op == opcode::constant && code[pc].a == unit &&
        code[pc + 1].op == opcode::pop) {
      keep[pc] = keep[pc + 1] = false;
      ++pc;
    } else if (whole(pc, 3) && code[pc].op == opcode::constant && code[pc + 1].op == opcode::load &&
               code[pc + 2].op == opcode::swap) {
      std::swap(code[pc], code[pc + 1]);
      keep[pc + 2] = false;
      pc += 2;
    } else if (whole(pc, 2) &&
               (code[pc].op == opcode::await_ || code[pc].op == opcode::next_or_jump) &&
               code[pc + 1].op == opcode::pop) {
      code[pc].discard = 1;
      keep[pc + 1] = false;
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
