#include "display.hpp"

#include "objects.hpp"
#include "operators.hpp"

namespace wakeline::lang {

namespace {

std::string integer_text(const value& v) {
  wide_int n = integer_value(v);
  if (n == 0) return "0";
  const bool negative = n < 0;
  std::string digits;
  while (n != 0) {
    const int d = static_cast<int>(n % 10);
    digits.insert(digits.begin(), static_cast<char>('0' + (d < 0 ? -d : d)));
    n /= 10;
  }
  return negative ? "-" + digits : digits;
}

// Rust's Debug of a Duration: the largest unit that keeps an integer part, with the fraction
// trimmed (`1.5s`, `10ms`, `250µs`, `0ns`).
std::string duration_text(std::uint64_t ns) {
  struct unit {
    std::uint64_t size;
    const char* name;
  };
  const unit units[] = {{1'000'000'000, "s"}, {1'000'000, "ms"}, {1'000, "µs"}, {1, "ns"}};
  for (const unit& u : units) {
    if (ns < u.size && u.size != 1) continue;
    std::string out = std::to_string(ns / u.size);
    std::uint64_t rest = ns % u.size;
    if (rest != 0) {
      std::string fraction = std::to_string(rest);
      fraction.insert(0, std::to_string(u.size).size() - 1 - fraction.size(), '0');
      while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
      out += "." + fraction;
    }
    return out + u.name;
  }
  return "0ns";
}

std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
  return out + "\"";
}

std::string list(const value_list& items, const char* open, const char* close) {
  std::string out = open;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ", ";
    out += debug_string(items[i]);
  }
  if (items.size() == 1 && open[0] == '(') out += ",";
  return out + close;
}

bool display_string(const value& v, std::string& out) {
  switch (v.kind()) {
    case value_kind::boolean:
      out = v.as_bool() ? "true" : "false";
      return true;
    case value_kind::integer:
      out = integer_text(v);
      return true;
    case value_kind::object:
      if (const auto* s = v.as<string_object>()) {
        out = s->text;
        return true;
      }
      if (const auto* a = v.as<arc_object>()) return display_string(a->inner, out);
      if (v.get()->display(out)) return true;
      out = "`" + v.get()->type_name() + "` doesn't implement `std::fmt::Display`";
      return false;
    case value_kind::unit:
      out = "`()` doesn't implement `std::fmt::Display`";
      return false;
    case value_kind::duration:
      out = "`Duration` doesn't implement `std::fmt::Display`";
      return false;
    case value_kind::instant:
      out = "`Instant` doesn't implement `std::fmt::Display`";
      return false;
    case value_kind::variant:
      out = "`Option`, `Result` and `Poll` don't implement `std::fmt::Display`";
      return false;
    case value_kind::moved:
      out = "use of moved value";
      return false;
  }
  return false;
}

}  // namespace

std::string debug_string(const value& v) {
  switch (v.kind()) {
    case value_kind::unit:
      return "()";
    case value_kind::boolean:
      return v.as_bool() ? "true" : "false";
    case value_kind::integer:
      return integer_text(v);
    case value_kind::duration:
      return duration_text(v.bits());
    case value_kind::instant:
      return "Instant(" + duration_text(v.bits()) + ")";
    case value_kind::moved:
      return "<moved>";
    case value_kind::variant: {
      static const char* names[] = {"None", "Some", "Ok", "Err", "Ready", "Pending"};
      const char* name = names[static_cast<int>(v.tag())];
      if (v.get() == nullptr) return name;
      return std::string(name) + "(" + debug_string(v.payload()) + ")";
    }
    case value_kind::object:
      break;
  }
  if (const auto* s = v.as<string_object>()) return quoted(s->text);
  if (const auto* t = v.as<tuple_object>()) return list(t->items, "(", ")");
  if (const auto* l = v.as<vec_object>()) return list(l->items, "[", "]");
  if (const auto* a = v.as<arc_object>()) return debug_string(a->inner);
  if (const auto* s = v.as<struct_object>()) {
    if (s->fields.empty()) return s->type->name;
    std::string out = s->type->name + " { ";
    for (std::size_t i = 0; i < s->fields.size(); ++i) {
      if (i > 0) out += ", ";
      out += s->type->fields[i] + ": " + debug_string(s->fields[i]);
    }
    return out + " }";
  }
  if (const auto* r = v.as<range_object>()) {
    return debug_string(r->start) + (r->inclusive ? "..=" : "..") + debug_string(r->end);
  }
  return v.get()->debug();
}

bool format_value(const value& v, const format_piece& piece, std::string& out) {
  std::string text;
  if (piece.debug) {
    text = debug_string(v);
  } else if (!display_string(v, text)) {
    out = text;  // The reason.
    return false;
  }
  const bool number = v.kind() == value_kind::integer;
  const std::size_t length = [&] {
    std::size_t n = 0;
    for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
  }();
  if (piece.width <= length) {
    out += text;
    return true;
  }
  const std::size_t pad = piece.width - length;
  if (piece.zero_pad && number) {
    const bool negative = !text.empty() && text[0] == '-';
    out += negative ? "-" : "";
    out.append(pad, '0');
    out += negative ? text.substr(1) : text;
    return true;
  }
  const char align = piece.explicit_align ? piece.align : number ? '>' : '<';
  const std::size_t before = align == '>' ? pad : align == '^' ? pad / 2 : 0;
  out.append(before, piece.fill);
  out += text;
  out.append(pad - before, piece.fill);
  return true;
}

}  // namespace wakeline::lang
