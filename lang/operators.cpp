#include "operators.hpp"

#include <limits>

#include "interpreter.hpp"
#include "objects.hpp"

namespace wakeline::lang {

namespace {

struct integer_range {
  wide_int min;
  wide_int max;
  int bits;
};

integer_range range_of(int_type t) {
  switch (t) {
    case int_type::inferred:
    case int_type::i32:
      return {std::numeric_limits<std::int32_t>::min(), std::numeric_limits<std::int32_t>::max(),
              32};
    case int_type::i64:
      return {std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max(),
              64};
    case int_type::u32:
      return {0, std::numeric_limits<std::uint32_t>::max(), 32};
    case int_type::u64:
    case int_type::usize:
      return {0, std::numeric_limits<std::uint64_t>::max(), 64};
  }
  return {0, 0, 0};
}

value make_integer(wide_int n, int_type t) {
  return value::integer(static_cast<std::uint64_t>(n), t);
}

const char* op_verb(binary_op op) {
  switch (op) {
    case binary_op::add:
      return "add";
    case binary_op::sub:
      return "subtract";
    case binary_op::mul:
      return "multiply";
    case binary_op::div:
      return "divide";
    case binary_op::rem:
      return "calculate the remainder";
    case binary_op::shl:
      return "shift left";
    case binary_op::shr:
      return "shift right";
    default:
      return "compute";
  }
}

const char* op_symbol(binary_op op) {
  static const char* symbols[] = {"+",  "-",  "*",  "/", "%",  "&", "|",  "^",  "<<",
                                  "<<", "==", "!=", "<", "<=", ">", ">=", "&&", "||"};
  if (op == binary_op::shr) return ">>";
  return symbols[static_cast<int>(op)];
}

std::string type_of(const value& v) {
  switch (v.kind()) {
    case value_kind::unit:
      return "()";
    case value_kind::boolean:
      return "bool";
    case value_kind::integer:
      return v.type() == int_type::inferred ? "{integer}" : to_string(v.type());
    case value_kind::duration:
      return "Duration";
    case value_kind::instant:
      return "Instant";
    case value_kind::variant:
      switch (v.tag()) {
        case variant_tag::none:
        case variant_tag::some:
          return "Option<_>";
        case variant_tag::ok:
        case variant_tag::err:
          return "Result<_, _>";
        default:
          return "Poll<_>";
      }
    case value_kind::object:
      return v.get()->type_name();
    case value_kind::moved:
      return "(moved)";
  }
  return "?";
}

int compare(const value& a, const value& b) {
  if (a.kind() == value_kind::integer) {
    const wide_int x = integer_value(a), y = integer_value(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (a.kind() == value_kind::duration || a.kind() == value_kind::instant) {
    return a.bits() < b.bits() ? -1 : a.bits() > b.bits() ? 1 : 0;
  }
  if (a.kind() == value_kind::boolean) return static_cast<int>(a.as_bool()) - b.as_bool();
  const auto* s = a.as<string_object>();
  const auto* t = b.as<string_object>();
  if (s != nullptr && t != nullptr) return s->text.compare(t->text);
  return 0;
}

}  // namespace

const char* to_string(int_type type) {
  switch (type) {
    case int_type::inferred:
      return "i32";
    case int_type::i32:
      return "i32";
    case int_type::i64:
      return "i64";
    case int_type::u32:
      return "u32";
    case int_type::u64:
      return "u64";
    case int_type::usize:
      return "usize";
  }
  return "?";
}

bool is_signed(int_type type) {
  return type == int_type::inferred || type == int_type::i32 || type == int_type::i64;
}

wide_int integer_value(const value& v) {
  if (is_signed(v.type())) return static_cast<std::int64_t>(v.bits());
  return static_cast<wide_int>(v.bits());
}

bool values_equal(const value& a, const value& b) {
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case value_kind::unit:
    case value_kind::moved:
      return true;
    case value_kind::boolean:
    case value_kind::duration:
    case value_kind::instant:
      return a.bits() == b.bits();
    case value_kind::integer:
      return integer_value(a) == integer_value(b);
    case value_kind::variant:
      if (a.tag() != b.tag()) return false;
      return a.get() == nullptr || values_equal(a.payload(), b.payload());
    case value_kind::object:
      break;
  }
  if (a.get() == b.get()) return true;
  if (const auto* s = a.as<string_object>()) {
    const auto* t = b.as<string_object>();
    return t != nullptr && s->text == t->text;
  }
  auto items_equal = [](const value_list& x, const value_list& y) {
    if (x.size() != y.size()) return false;
    for (std::size_t i = 0; i < x.size(); ++i) {
      if (!values_equal(x[i], y[i])) return false;
    }
    return true;
  };
  if (const auto* t = a.as<tuple_object>()) {
    const auto* u = b.as<tuple_object>();
    return u != nullptr && items_equal(t->items, u->items);
  }
  if (const auto* v = a.as<vec_object>()) {
    const auto* w = b.as<vec_object>();
    return w != nullptr && items_equal(v->items, w->items);
  }
  if (const auto* s = a.as<struct_object>()) {
    const auto* t = b.as<struct_object>();
    return t != nullptr && s->type == t->type && items_equal(s->fields, t->fields);
  }
  if (const auto* s = a.as<arc_object>()) {
    const auto* t = b.as<arc_object>();
    return t != nullptr && values_equal(s->inner, t->inner);
  }
  if (const auto* m = a.as<missed_tick_object>()) {
    const auto* n = b.as<missed_tick_object>();
    return n != nullptr && m->behavior == n->behavior;
  }
  return false;
}

value apply_binary(const interpreter& in, span where, binary_op op, const value& a,
                   const value& b) {
  const bool comparison = op >= binary_op::eq && op <= binary_op::ge;
  if (comparison) {
    if (a.kind() != b.kind() && !(a.is_unit() && b.is_unit())) {
      in.panic(where,
               "mismatched types: cannot compare `" + type_of(a) + "` with `" + type_of(b) + "`");
    }
    if (op == binary_op::eq) return value::boolean(values_equal(a, b));
    if (op == binary_op::ne) return value::boolean(!values_equal(a, b));
    const int c = compare(a, b);
    switch (op) {
      case binary_op::lt:
        return value::boolean(c < 0);
      case binary_op::le:
        return value::boolean(c <= 0);
      case binary_op::gt:
        return value::boolean(c > 0);
      default:
        return value::boolean(c >= 0);
    }
  }
  if (a.kind() == value_kind::integer && b.kind() == value_kind::integer) {
    int_type t = a.type() == int_type::inferred ? b.type() : a.type();
    if (op == binary_op::shl || op == binary_op::shr)
      t = a.type();
    else if (a.type() != int_type::inferred && b.type() != int_type::inferred &&
             a.type() != b.type()) {
      in.panic(where, std::string("mismatched types: cannot apply `") + op_symbol(op) + "` to `" +
                          to_string(a.type()) + "` and `" + to_string(b.type()) + "`");
    }
    const integer_range r = range_of(t);
    const wide_int x = integer_value(a), y = integer_value(b);
    wide_int result = 0;
    auto overflow = [&] {
      in.panic(where, std::string("attempt to ") + op_verb(op) + " with overflow");
    };
    switch (op) {
      case binary_op::add:
        result = x + y;
        break;
      case binary_op::sub:
        result = x - y;
        break;
      case binary_op::mul:
        result = x * y;
        break;
      case binary_op::div:
        if (y == 0) in.panic(where, "attempt to divide by zero");
        result = x / y;
        break;
      case binary_op::rem:
        if (y == 0) in.panic(where, "attempt to calculate the remainder with a divisor of zero");
        result = x % y;
        break;
      case binary_op::bit_and:
        return make_integer(x & y, t);
      case binary_op::bit_or:
        return make_integer(x | y, t);
      case binary_op::bit_xor:
        return make_integer(x ^ y, t);
      case binary_op::shl:
      case binary_op::shr: {
        if (y < 0 || y >= r.bits) overflow();
        const wide_int mask = (static_cast<wide_int>(1) << r.bits) - 1;
        if (op == binary_op::shr) return make_integer(x >> static_cast<int>(y), t);
        wide_int shifted = (x << static_cast<int>(y)) & mask;
        if (is_signed(t) && shifted > r.max) shifted -= static_cast<wide_int>(1) << r.bits;
        return make_integer(shifted, t);
      }
      default:
        in.panic(where, std::string("no operator `") + op_symbol(op) + "` for integers here");
    }
    if (result < r.min || result > r.max) overflow();
    return make_integer(result, t);
  }
  if (a.kind() == value_kind::boolean && b.kind() == value_kind::boolean) {
    switch (op) {
      case binary_op::bit_and:
        return value::boolean(a.as_bool() && b.as_bool());
      case binary_op::bit_or:
        return value::boolean(a.as_bool() || b.as_bool());
      case binary_op::bit_xor:
        return value::boolean(a.as_bool() != b.as_bool());
      default:
        break;
    }
  }
  if (a.kind() == value_kind::duration && b.kind() == value_kind::duration) {
    if (op == binary_op::add) {
      if (a.bits() + b.bits() < a.bits()) in.panic(where, "overflow when adding durations");
      return value::duration(a.bits() + b.bits());
    }
    if (op == binary_op::sub) {
      if (b.bits() > a.bits()) in.panic(where, "overflow when subtracting durations");
      return value::duration(a.bits() - b.bits());
    }
  }
  if (a.kind() == value_kind::duration && b.kind() == value_kind::integer &&
      (op == binary_op::mul || op == binary_op::div)) {
    const wide_int n = integer_value(b);
    if (op == binary_op::div) {
      if (n <= 0) in.panic(where, "divide by zero error when dividing duration by scalar");
      return value::duration(static_cast<std::uint64_t>(a.bits() / n));
    }
    const wide_int product = static_cast<wide_int>(a.bits()) * n;
    if (n < 0 || product > static_cast<wide_int>(std::numeric_limits<std::uint64_t>::max())) {
      in.panic(where, "overflow when multiplying duration by scalar");
    }
    return value::duration(static_cast<std::uint64_t>(product));
  }
  if (a.kind() == value_kind::instant && b.kind() == value_kind::duration) {
    if (op == binary_op::add) {
      if (a.bits() + b.bits() < a.bits())
        in.panic(where, "overflow when adding duration to instant");
      return value::instant(a.bits() + b.bits());
    }
    if (op == binary_op::sub) {
      if (b.bits() > a.bits()) in.panic(where, "overflow when subtracting duration from instant");
      return value::instant(a.bits() - b.bits());
    }
  }
  if (a.kind() == value_kind::instant && b.kind() == value_kind::instant && op == binary_op::sub) {
    return value::duration(a.bits() > b.bits() ? a.bits() - b.bits() : 0);
  }
  if (op == binary_op::add) {
    const auto* s = a.as<string_object>();
    const auto* t = b.as<string_object>();
    if (s != nullptr && t != nullptr) return make_string(s->text + t->text);
  }
  in.panic(where, std::string("cannot apply `") + op_symbol(op) + "` to `" + type_of(a) +
                      "` and `" + type_of(b) + "`");
}

value apply_unary(const interpreter& in, span where, unary_op op, const value& v) {
  if (op == unary_op::not_) {
    if (v.kind() == value_kind::boolean) return value::boolean(!v.as_bool());
    if (v.kind() == value_kind::integer) {
      const integer_range r = range_of(v.type());
      const wide_int mask = (static_cast<wide_int>(1) << r.bits) - 1;
      wide_int n = ~integer_value(v) & mask;
      if (is_signed(v.type()) && n > r.max) n -= static_cast<wide_int>(1) << r.bits;
      return make_integer(n, v.type());
    }
  }
  if (op == unary_op::negate && v.kind() == value_kind::integer) {
    if (!is_signed(v.type())) {
      in.panic(where, std::string("cannot apply unary operator `-` to type `") +
                          to_string(v.type()) + "`");
    }
    const wide_int n = -integer_value(v);
    if (n > range_of(v.type()).max) in.panic(where, "attempt to negate with overflow");
    return make_integer(n, v.type());
  }
  in.panic(where, std::string("cannot apply unary operator `") +
                      (op == unary_op::not_ ? "!" : "-") + "` to type `" + type_of(v) + "`");
}

value apply_cast(const interpreter& in, span where, const value& v, int_type type,
                 bool settle_only) {
  if (v.kind() != value_kind::integer) {
    if (settle_only) return v;
    in.panic(where, "non-primitive cast: `" + type_of(v) + "` as `" + to_string(type) + "`");
  }
  if (settle_only) {
    if (v.type() != int_type::inferred) return v;
    const integer_range r = range_of(type);
    const wide_int n = integer_value(v);
    if (n < r.min || n > r.max) {
      in.panic(where, std::string("literal out of range for `") + to_string(type) + "`");
    }
    return make_integer(n, type);
  }
  const integer_range r = range_of(type);
  const wide_int mask = (static_cast<wide_int>(1) << r.bits) - 1;
  wide_int n = integer_value(v) & mask;
  if (is_signed(type) && n > r.max) n -= static_cast<wide_int>(1) << r.bits;
  return make_integer(n, type);
}

}  // namespace wakeline::lang
