// Small rewrites of lowered code that change nothing a program can observe: a statement's
// unit value pushed and dropped at once (`x += 1;` leaves `()`, which `;` drops) is not
// pushed at all. Jumps are renumbered; a pair a jump lands inside is kept.
#pragma once

#include "bytecode.hpp"

namespace wakeline::lang {

/// Rewrites `f`'s code in place; `unit` is the index of `()` among the constants.
void remove_dropped_units(function_code& f, std::uint32_t unit);

}  // namespace wakeline::lang
