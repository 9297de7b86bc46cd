// The lowered code as text, one instruction a line: for a reader who wants to see what a body
// became (`wakeline states PROGRAM.rs --code`).
#pragma once

#include <string>

#include "bytecode.hpp"

namespace wakeline::lang {

/// Function `index` of `code`, disassembled.
std::string disassemble(const program_code& code, std::uint32_t index);

}  // namespace wakeline::lang
