// Rust's operators on the program's values, with the checks of a debug build: overflow,
// division by zero and out-of-range shifts panic with Rust's messages
// (`attempt to add with overflow`); `as` between integer types wraps, as in Rust.
#pragma once

#include <string>

#include "ast.hpp"
#include "value.hpp"

namespace wakeline::lang {

class interpreter;

/// Wide enough for any sum or product of two of the subset's integers, so overflow is checked
/// after the fact.
__extension__ typedef __int128 wide_int;

/// `a op b`; panics through `in` at `where`.
value apply_binary(const interpreter& in, span where, binary_op op, const value& a, const value& b);
value apply_unary(const interpreter& in, span where, unary_op op, const value& v);
/// `v as type`; with `settle_only`, only gives a literal that has no type yet its type.
value apply_cast(const interpreter& in, span where, const value& v, int_type type,
                 bool settle_only);

/// Rust's `==` on values of one type (structural, as `#[derive(PartialEq)]` does).
bool values_equal(const value& a, const value& b);

/// The integer in `v` as a signed 128-bit number, read by its type.
wide_int integer_value(const value& v);

}  // namespace wakeline::lang
