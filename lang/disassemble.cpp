#include "disassemble.hpp"

#include "display.hpp"

namespace wakeline::lang {

const char* to_string(opcode op) {
  static const char* const names[] = {"constant",
                                      "pop",
                                      "dup",
                                      "swap",
                                      "load",
                                      "take",
                                      "store",
                                      "drop_slot",
                                      "jump",
                                      "jump_if_false",
                                      "jump_if_true",
                                      "unary",
                                      "binary",
                                      "cast",
                                      "call",
                                      "call_builtin",
                                      "call_method",
                                      "field",
                                      "set_field",
                                      "tuple_item",
                                      "set_tuple_item",
                                      "index",
                                      "set_index",
                                      "deref",
                                      "set_deref",
                                      "make_tuple",
                                      "make_vec",
                                      "make_vec_repeat",
                                      "make_struct",
                                      "make_variant",
                                      "make_future",
                                      "await",
                                      "ret",
                                      "is_variant",
                                      "payload",
                                      "matches_const",
                                      "in_range",
                                      "format",
                                      "print",
                                      "panic",
                                      "iterate",
                                      "next_or_jump",
                                      "try",
                                      "join",
                                      "select"};
  static_assert(sizeof(names) / sizeof(names[0]) == static_cast<std::size_t>(opcode::select) + 1);
  return names[static_cast<std::size_t>(op)];
}

std::string disassemble(const program_code& code, std::uint32_t index) {
  const function_code& f = code.functions[index];
  std::string out = f.name + " (" + std::to_string(f.params) + " params, " +
                    std::to_string(f.slots.size()) + " slots)\n";
  for (std::size_t pc = 0; pc < f.code.size(); ++pc) {
    const instruction& i = f.code[pc];
    out += "  " + std::to_string(pc) + "  " + to_string(i.op);
    switch (i.op) {
      case opcode::constant:
      case opcode::matches_const:
        out += " " + debug_string(code.constants[i.a]);
        break;
      case opcode::load:
      case opcode::take:
      case opcode::store:
      case opcode::drop_slot:
        out += " " + f.slots[i.a].name;
        break;
      case opcode::call:
      case opcode::make_future:
        out += " " + code.functions[i.a].name + " " + std::to_string(i.b);
        break;
      case opcode::call_method:
        out += " " + code.names[i.a] + " " + std::to_string(i.b);
        break;
      case opcode::field:
      case opcode::set_field:
        out += " " + code.names[i.a];
        break;
      case opcode::next_or_jump:
        out += " " + std::to_string(i.a) + " " + f.slots[i.b].name;
        break;
      default:
        out += " " + std::to_string(i.a) + " " + std::to_string(i.b);
    }
    if (i.discard != 0) out += " (dropped)";
    out += '\n';
  }
  return out;
}

}  // namespace wakeline::lang
