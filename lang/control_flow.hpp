// Where control goes after an instruction of lowered code: what the analyses over a body's
// code (liveness.hpp, moves.hpp) walk.
#pragma once

#include <cstddef>
#include <vector>

#include "bytecode.hpp"

namespace wakeline::lang {

/// True for the instructions whose `a` is an address.
inline bool jumps(opcode op) {
  return op == opcode::jump || op == opcode::jump_if_false || op == opcode::jump_if_true ||
         op == opcode::next_or_jump;
}

/// The instructions control may reach after `pc`, into `out`.
inline void successors(const function_code& f, std::size_t pc, std::vector<std::size_t>& out) {
  out.clear();
  const instruction& i = f.code[pc];
  if (i.op == opcode::ret || i.op == opcode::panic) return;
  if (jumps(i.op)) out.push_back(i.a);
  if (i.op != opcode::jump && pc + 1 < f.code.size()) out.push_back(pc + 1);
}

}  // namespace wakeline::lang
