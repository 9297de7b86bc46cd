#include "checker.hpp"

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace wakeline::lang {

namespace {

// The integer types of the subset, with their largest value and whether they are signed (a
// negated literal may then be one more: `-2147483648i32`).
struct integer_type {
  std::string_view name;
  std::uint64_t max;
  bool is_signed;
};
constexpr integer_type integer_types[] = {
    {"i32", static_cast<std::uint64_t>(std::numeric_limits<std::int32_t>::max()), true},
    {"i64", static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()), true},
    {"u32", std::numeric_limits<std::uint32_t>::max(), false},
    {"u64", std::numeric_limits<std::uint64_t>::max(), false},
    {"usize", std::numeric_limits<std::uint64_t>::max(), false},
};
// Rust's other integer types: named as outside the subset rather than as unknown suffixes.
constexpr std::string_view other_rust_integers[] = {"i8", "i16", "i128", "isize",
                                                    "u8", "u16", "u128"};

class checker {
 public:
  checker(const source_file& source, diagnostics& out) : source_(source), out_(out) {}

  void run(const program& p) {
    const function* main = nullptr;
    for (const function& f : p.functions) {
      if (f.name.name == "main") main = &f;
      body(f.body, f.is_async);
    }
    for (const impl_block& b : p.impls) {
      for (const function& f : b.functions) body(f.body, f.is_async);
    }
    if (main == nullptr) {
      const auto end = static_cast<std::uint32_t>(source_.text().size());
      out_.error({end, end}, "`main` function not found in crate `main`",
                 "consider adding a `main` function");
    } else if (main->is_async && !has_tokio_main(*main)) {
      out_.error(main->name.span, "`main` function is not allowed to be `async`",
                 "add `#[tokio::main]` to run it on the runtime");
    }
  }

 private:
  static bool has_tokio_main(const function& f) {
    for (const attribute& a : f.attributes) {
      if (a.path.size() == 2 && a.path[0].name == "tokio" && a.path[1].name == "main") return true;
    }
    return false;
  }

  void body(const block& b, bool in_async) {
    const bool saved = in_async_;
    in_async_ = in_async;
    walk(b);
    in_async_ = saved;
  }

  void walk(const block& b) {
    for (const statement& s : b.statements) {
      if (s.kind == statement_kind::let) {
        walk(*s.let.pat);
        if (s.let.init) walk(*s.let.init);
      } else if (s.value) {
        walk(*s.value);
      }
    }
    if (b.tail) walk(*b.tail);
  }

  void walk(const pattern& p) {
    if (p.literal) walk(*p.literal);
    if (p.range_end) walk(*p.range_end);
    for (const pattern_ptr& item : p.items) walk(*item);
  }

  void walk(const expr& e) {
    switch (e.kind) {
      case expr_kind::integer:
        integer(e, false);
        break;
      case expr_kind::unary:
        if (e.unary == unary_op::negate && e.lhs->kind == expr_kind::integer) {
          integer(*e.lhs, true);
          return;
        }
        break;
      case expr_kind::await_:
        if (!in_async_) {
          out_.error({e.lhs->span.end, e.span.end},
                     "`await` is only allowed inside `async` functions and blocks",
                     "only allowed inside `async` functions and blocks");
        }
        break;
      case expr_kind::async_block:
        body(*e.body, true);
        return;  // Its body is walked as async; nothing else of it to see.
      default:
        break;
    }
    if (e.lhs) walk(*e.lhs);
    if (e.rhs) walk(*e.rhs);
    for (const expr_ptr& item : e.items) walk(*item);
    if (e.body) walk(*e.body);
    if (e.else_branch) walk(*e.else_branch);
    if (e.pat) walk(*e.pat);
    if (e.repeat_count) walk(*e.repeat_count);
    for (const match_arm& arm : e.arms) {
      walk(*arm.pat);
      if (arm.guard) walk(*arm.guard);
      walk(*arm.body);
    }
    for (const field_init& f : e.fields) {
      if (f.value) walk(*f.value);
    }
    for (const select_branch& b : e.branches) {
      if (b.pat) walk(*b.pat);
      if (b.future) walk(*b.future);
      if (b.guard) walk(*b.guard);
      walk(*b.handler);
    }
  }

  // An integer literal: its digits in their base, its suffix, and its value within its type.
  void integer(const expr& e, bool negated) {
    std::string_view text = e.text;
    unsigned base = 10;
    if (text.size() >= 2 && text[0] == '0' &&
        (text[1] == 'x' || text[1] == 'o' || text[1] == 'b')) {
      base = text[1] == 'x' ? 16 : text[1] == 'o' ? 8 : 2;
      text.remove_prefix(2);
    }
    std::uint64_t value = 0;
    bool overflow = false;
    std::size_t i = 0;
    std::size_t digits = 0;
    for (; i < text.size(); ++i) {
      const char c = text[i];
      if (c == '_') continue;
      int digit = -1;
      if (c >= '0' && c <= '9') digit = c - '0';
      if (base == 16 && c >= 'a' && c <= 'f') digit = c - 'a' + 10;
      if (base == 16 && c >= 'A' && c <= 'F') digit = c - 'A' + 10;
      if (digit < 0) break;  // The suffix begins.
      if (static_cast<unsigned>(digit) >= base) {
        out_.error(e.span, "invalid digit for a base " + std::to_string(base) + " literal");
        return;
      }
      ++digits;
      overflow = overflow || __builtin_mul_overflow(value, base, &value) ||
                 __builtin_add_overflow(value, static_cast<std::uint64_t>(digit), &value);
    }
    if (digits == 0) {
      out_.error(e.span, "no valid digits found for number");
      return;
    }
    const std::string_view suffix = text.substr(i);
    std::optional<integer_type> type;
    if (!suffix.empty()) {
      for (const integer_type& t : integer_types) {
        if (t.name == suffix) type = t;
      }
      if (!type) {
        for (std::string_view other : other_rust_integers) {
          if (other == suffix) {
            out_.error(e.span,
                       "integer type `" + std::string(suffix) + "` is not part of this subset",
                       "use `i32`, `i64`, `u32`, `u64` or `usize`");
            return;
          }
        }
        out_.error(e.span, "invalid suffix `" + std::string(suffix) + "` for number literal",
                   "the suffix must be one of `i32`, `i64`, `u32`, `u64`, `usize`");
        return;
      }
    }
    // Without a suffix the type comes from the context, which is the checker's next step; a
    // literal no integer type of the subset can hold is wrong whatever it is.
    std::uint64_t max = type ? type->max : std::numeric_limits<std::uint64_t>::max();
    if (negated && type && type->is_signed) ++max;
    if (overflow || value > max) {
      out_.error(e.span, "literal out of range for `" +
                             std::string(type ? type->name : std::string_view("u64")) + "`");
    }
  }

  const source_file& source_;
  diagnostics& out_;
  bool in_async_ = false;
};

}  // namespace

void check(const source_file& source, const program& p, diagnostics& out) {
  checker(source, out).run(p);
}

}  // namespace wakeline::lang
