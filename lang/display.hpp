// How `{}` (Display) and `{:?}` (Debug) write the program's values, as Rust's standard library
// writes them: `Some(3)`, `"text"` quoted under Debug, `[1, 2]`, `10ms` for a Duration.
#pragma once

#include <string>

#include "bytecode.hpp"
#include "value.hpp"

namespace wakeline::lang {

/// Writes `v` by `piece`'s spec (Debug or Display, width, alignment, fill) onto `out`; false
/// when the value's type has no such formatting (a Vec under `{}`), with `out` naming it.
bool format_value(const value& v, const format_piece& piece, std::string& out);

/// `{:?}` of `v`.
std::string debug_string(const value& v);

}  // namespace wakeline::lang
