// Small rewrites of lowered code that change nothing a program can observe, so that a poll
// runs fewer instructions:
// - a statement's unit value pushed and dropped at once (`x += 1;` leaves `()`, which `;`
//   drops) is not pushed at all;
// - a constant pushed, then a local loaded and the two swapped (`x += 1` evaluates `1` first)
//   becomes the load, then the constant: reading a local or a constant has no effect, so
//   their order is free;
// - a value an `.await` or a `for` loop's next item pushes only for a `pop` to drop it
//   (`sleep(d).await;`, `for _ in`) is dropped by the instruction itself.
// Jumps are renumbered; a window a jump lands inside is left as it is.
#pragma once

#include "bytecode.hpp"

namespace wakeline::lang {

/// Rewrites `f`'s code in place; `unit` is the index of `()` among the constants.
void simplify(function_code& f, std::uint32_t unit);

}  // namespace wakeline::lang
