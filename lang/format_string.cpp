#include "format_string.hpp"

#include <cctype>

namespace wakeline::lang {

namespace {

bool is_identifier_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_identifier_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// The part after `:` in `{name:>8}`: fill, alignment, zeros, width, `?`.
bool parse_spec(std::string_view spec, format_piece& piece) {
  std::size_t i = 0;
  auto is_align = [](char c) { return c == '<' || c == '>' || c == '^'; };
  if (spec.size() >= 2 && is_align(spec[1])) {
    piece.fill = spec[0];
    i = 1;
  }
  if (i < spec.size() && is_align(spec[i])) {
    piece.explicit_align = true;
    piece.align = spec[i];
    ++i;
  }
  if (i < spec.size() && spec[i] == '0') {
    piece.zero_pad = true;
    ++i;
  }
  std::uint32_t width = 0;
  while (i < spec.size() && std::isdigit(static_cast<unsigned char>(spec[i]))) {
    width = width * 10 + static_cast<std::uint32_t>(spec[i] - '0');
    if (width > 1000) return false;
    ++i;
  }
  piece.width = width;
  if (i < spec.size() && spec[i] == '?') {
    piece.debug = true;
    ++i;
  }
  return i == spec.size();
}

}  // namespace

parsed_format parse_format_string(std::string_view text) {
  parsed_format out;
  std::string literal;
  std::size_t i = 0;
  auto fail = [&](std::size_t at, std::string message) {
    out.error = std::move(message);
    out.error_offset = static_cast<std::uint32_t>(at);
    return out;
  };
  while (i < text.size()) {
    const char c = text[i];
    if (c == '}') {
      if (i + 1 < text.size() && text[i + 1] == '}') {
        literal += '}';
        i += 2;
        continue;
      }
      return fail(i, "invalid format string: unmatched `}` found");
    }
    if (c != '{') {
      literal += c;
      ++i;
      continue;
    }
    if (i + 1 < text.size() && text[i + 1] == '{') {
      literal += '{';
      i += 2;
      continue;
    }
    const std::size_t close = text.find('}', i);
    if (close == std::string_view::npos) {
      return fail(i, "invalid format string: expected `'}'` but string was terminated");
    }
    const std::string_view inside = text.substr(i + 1, close - i - 1);
    const std::size_t colon = inside.find(':');
    const std::string_view name = inside.substr(0, colon);
    format_piece piece;
    piece.text = std::move(literal);
    literal.clear();
    piece.has_argument = true;
    if (colon != std::string_view::npos && !parse_spec(inside.substr(colon + 1), piece)) {
      return fail(i, "invalid format string: `{" + std::string(inside) +
                         "}` is not a format this subset knows (`{}`, `{:?}`, `{name}`, "
                         "`{:>8}`, `{:05}`)");
    }
    format_argument arg;
    arg.offset = static_cast<std::uint32_t>(i);
    if (name.empty()) {
      arg.how = format_argument::kind::next;
    } else if (std::isdigit(static_cast<unsigned char>(name[0]))) {
      arg.how = format_argument::kind::index;
      for (char d : name) {
        if (!std::isdigit(static_cast<unsigned char>(d))) {
          return fail(i,
                      "invalid format string: invalid argument name `" + std::string(name) + "`");
        }
        arg.index = arg.index * 10 + static_cast<std::uint32_t>(d - '0');
        if (arg.index > 1000) return fail(i, "invalid format string: argument index too large");
      }
    } else {
      if (!is_identifier_start(name[0])) {
        return fail(i, "invalid format string: invalid argument name `" + std::string(name) + "`");
      }
      for (char d : name) {
        if (!is_identifier_char(d)) {
          return fail(i,
                      "invalid format string: invalid argument name `" + std::string(name) + "`");
        }
      }
      arg.how = format_argument::kind::name;
      arg.name = std::string(name);
    }
    out.spec.pieces.push_back(std::move(piece));
    out.arguments.push_back(std::move(arg));
    i = close + 1;
  }
  format_piece last;
  last.text = std::move(literal);
  out.spec.pieces.push_back(std::move(last));
  return out;
}

}  // namespace wakeline::lang
