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

/// `a op b` for two integers of one type when nothing can go wrong: the common case of a loop
/// counter, without the general path's checks. False (and `out` untouched) otherwise: the
/// general path then computes it, or panics with Rust's message.
inline bool integer_fast_path(binary_op op, const value& a, const value& b, value& out) {
  if (a.kind() != value_kind::integer || b.kind() != value_kind::integer) return false;
  const int_type t = a.type() == int_type::inferred ? b.type() : a.type();
  if (b.type() != t && b.type() != int_type::inferred) return false;
  // Small non-negative operands cannot overflow any type of the subset.
  const std::uint64_t x = a.bits(), y = b.bits();
  constexpr std::uint64_t small = std::uint64_t{1} << 30;
  if (x >= small || y >= small) return false;
  switch (op) {
    case binary_op::add:
      out = value::integer(x + y, t);
      return true;
    case binary_op::mul:
      if (x >= (1u << 15) || y >= (1u << 15)) return false;
      out = value::integer(x * y, t);
      return true;
    case binary_op::lt:
      out = value::boolean(x < y);
      return true;
    case binary_op::le:
      out = value::boolean(x <= y);
      return true;
    case binary_op::gt:
      out = value::boolean(x > y);
      return true;
    case binary_op::ge:
      out = value::boolean(x >= y);
      return true;
    case binary_op::eq:
      out = value::boolean(x == y);
      return true;
    case binary_op::ne:
      out = value::boolean(x != y);
      return true;
    default:
      return false;
  }
}

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
