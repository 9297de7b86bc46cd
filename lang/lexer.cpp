#include "lexer.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>

namespace wakeline::lang {

namespace {

using enum token_kind;

bool is_identifier_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_identifier_char(char c) { return is_identifier_start(c) || (c >= '0' && c <= '9'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// The length of the UTF-8 sequence starting at `text[i]`, or 0 when it is not valid UTF-8
/// (overlong forms, surrogates and code points past U+10FFFF included).
std::size_t utf8_length(const std::string& text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b = byte(i);
  if (b < 0x80) return 1;
  std::size_t n = 0;
  std::uint32_t code = 0;
  if (b >= 0xC2 && b <= 0xDF) {
    n = 2, code = b & 0x1F;
  } else if (b >= 0xE0 && b <= 0xEF) {
    n = 3, code = b & 0x0F;
  } else if (b >= 0xF0 && b <= 0xF4) {
    n = 4, code = b & 0x07;
  } else {
    return 0;
  }
  if (i + n > text.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    code = (code << 6) | (byte(i + k) & 0x3F);
  }
  if ((n == 3 && (code < 0x800 || (code >= 0xD800 && code <= 0xDFFF))) ||
      (n == 4 && (code < 0x10000 || code > 0x10FFFF))) {
    return 0;
  }
  return n;
}

class lexer {
 public:
  lexer(const source_file& source, diagnostics& out) : text_(source.text()), out_(out) {}

  std::vector<token> run() {
    std::vector<token> tokens;
    while (true) {
      skip_whitespace_and_comments();
      if (pos_ >= text_.size()) break;
      const std::uint32_t begin = here();
      if (std::optional<token_kind> kind = next_kind()) {
        tokens.push_back({*kind, {begin, here()}});
      }
    }
    tokens.push_back({end_of_file, {here(), here()}});
    return tokens;
  }

 private:
  std::uint32_t here() const { return static_cast<std::uint32_t>(pos_); }
  char peek(std::size_t ahead = 0) const {
    return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
  }
  bool at_end(std::size_t ahead = 0) const { return pos_ + ahead >= text_.size(); }

  void skip_whitespace_and_comments() {
    while (!at_end()) {
      const char c = peek();
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++pos_;
      } else if (c == '/' && peek(1) == '/') {
        while (!at_end() && peek() != '\n') ++pos_;
      } else if (c == '/' && peek(1) == '*') {
        skip_block_comment();
      } else {
        return;
      }
    }
  }

  // Block comments nest, as in Rust.
  void skip_block_comment() {
    const std::uint32_t begin = here();
    pos_ += 2;
    int depth = 1;
    while (!at_end() && depth > 0) {
      if (peek() == '/' && peek(1) == '*') {
        ++depth;
        pos_ += 2;
      } else if (peek() == '*' && peek(1) == '/') {
        --depth;
        pos_ += 2;
      } else {
        ++pos_;
      }
    }
    if (depth > 0) out_.error({begin, begin + 2}, "unterminated block comment");
  }

  // The kind of the token at pos_, consuming it; nothing when it was refused.
  std::optional<token_kind> next_kind() {
    const char c = peek();
    if (is_identifier_start(c)) return identifier_or_keyword();
    if (is_digit(c)) return number();
    if (c == '"') return string_literal();
    if (c == '\'') return quote();
    return punctuation();
  }

  std::optional<token_kind> identifier_or_keyword() {
    const std::uint32_t begin = here();
    if ((peek() == 'r' || peek() == 'b') && (peek(1) == '"' || peek(1) == '#' || peek(1) == '\'')) {
      const bool raw = peek() == 'r';
      skip_prefixed_literal();
      out_.error({begin, here()},
                 raw ? "raw strings and raw identifiers are not part of this subset"
                     : "byte literals are not part of this subset");
      return std::nullopt;
    }
    while (is_identifier_char(peek())) ++pos_;
    const std::string_view word(text_.data() + begin, pos_ - begin);
    if (word == "_") return underscore;
    return keyword_or_identifier(word);
  }

  // Skips r"..", r#".."#, b".." and b'.' as one token after refusing it.
  void skip_prefixed_literal() {
    ++pos_;
    std::size_t hashes = 0;
    while (peek() == '#') ++hashes, ++pos_;
    const char close = peek();
    if (close != '"' && close != '\'') return;
    ++pos_;
    while (!at_end()) {
      if (peek() == '\\' && hashes == 0) {
        pos_ += at_end(1) ? 1 : 2;  // A backslash that ends the text escapes nothing.
        continue;
      }
      if (peek() == close) {
        std::size_t k = 1;
        while (k <= hashes && peek(k) == '#') ++k;
        if (k > hashes) {
          pos_ += 1 + hashes;
          return;
        }
      }
      ++pos_;
    }
  }

  // An integer: decimal, or 0x / 0o / 0b, with `_` between digits and an optional suffix
  // (`u64`), which the checker reads. A fraction or an exponent is refused: no floats here.
  std::optional<token_kind> number() {
    const std::uint32_t begin = here();
    if (peek() == '0' && (peek(1) == 'x' || peek(1) == 'o' || peek(1) == 'b')) pos_ += 2;
    while (is_identifier_char(peek())) ++pos_;
    if (peek() == '.' && is_digit(peek(1))) {
      pos_ += 1;
      while (is_identifier_char(peek())) ++pos_;
      out_.error({begin, here()}, "floating-point numbers are not part of this subset",
                 "use an integer type");
      return std::nullopt;
    }
    return integer;
  }

  // A string literal; its escapes are checked here so that later stages can trust it.
  std::optional<token_kind> string_literal() {
    const std::uint32_t begin = here();
    ++pos_;
    bool ok = true;
    while (!at_end() && peek() != '"') {
      if (peek() == '\\') {
        ok = escape() && ok;
      } else {
        ++pos_;
      }
    }
    if (at_end()) {
      out_.error({begin, begin + 1}, "unterminated double quote string");
      return std::nullopt;
    }
    ++pos_;  // The closing quote.
    return ok ? std::optional(string) : std::nullopt;
  }

  // One escape in a string: \n \r \t \\ \0 \' \" \x00-\x7F \u{...}, or a backslash before a
  // line break, which skips the break and the next line's leading whitespace.
  bool escape() {
    const std::uint32_t begin = here();
    pos_ += 1;
    const char c = peek();
    switch (c) {
      case 'n':
      case 'r':
      case 't':
      case '\\':
      case '0':
      case '\'':
      case '"':
        ++pos_;
        return true;
      case '\n':
        return true;  // skip_whitespace happens naturally: the string keeps reading.
      case 'x':
        if (is_hex(peek(1)) && is_hex(peek(2)) && peek(1) <= '7') {
          pos_ += 3;
          return true;
        }
        pos_ += 1;
        out_.error({begin, here()}, "invalid `\\x` escape", "use `\\x00` to `\\x7F`");
        return false;
      case 'u':
        return unicode_escape(begin);
      default: {
        const std::size_t length =
            at_end() ? 0 : std::max<std::size_t>(1, utf8_length(text_, pos_));
        pos_ += length;
        out_.error({begin, here()}, "unknown character escape: `" +
                                        std::string(text_.substr(begin + 1, length)) + "`");
        return false;
      }
    }
  }

  static bool is_hex(char c) { return hex_value(c) >= 0; }
  static int hex_value(char c) {
    if (is_digit(c)) return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  bool unicode_escape(std::uint32_t begin) {
    pos_ += 1;  // u
    if (peek() != '{') {
      out_.error({begin, here()}, "incorrect unicode escape sequence", "format: `\\u{7FFF}`");
      return false;
    }
    ++pos_;
    std::uint32_t code = 0;
    std::size_t digits = 0;
    while (is_hex(peek()) || peek() == '_') {
      if (peek() != '_') {
        code = code * 16 + static_cast<std::uint32_t>(hex_value(peek()));
        if (++digits > 6) break;
      }
      ++pos_;
    }
    if (peek() != '}' || digits == 0 || digits > 6) {
      while (!at_end() && peek() != '}' && peek() != '"') ++pos_;
      if (peek() == '}') ++pos_;
      out_.error({begin, here()}, "invalid unicode character escape");
      return false;
    }
    ++pos_;
    if (code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
      out_.error({begin, here()}, "invalid unicode character escape", "not a Unicode scalar value");
      return false;
    }
    return true;
  }

  // A lifetime (`'a`, `'_`) or a character literal, which the subset does not have.
  std::optional<token_kind> quote() {
    const std::uint32_t begin = here();
    ++pos_;
    if ((is_identifier_start(peek())) && peek(1) != '\'') {
      while (is_identifier_char(peek())) ++pos_;
      return lifetime;
    }
    // 'x' or '\n': read to the closing quote on this line.
    // A backslash that ends the text escapes nothing.
    while (!at_end() && peek() != '\'' && peek() != '\n')
      pos_ += peek() == '\\' && !at_end(1) ? 2 : 1;
    if (peek() == '\'') ++pos_;
    out_.error({begin, here()}, "character literals are not part of this subset",
               "use a string: `\"...\"`");
    return std::nullopt;
  }

  std::optional<token_kind> punctuation() {
    const std::uint32_t begin = here();
    // Longest first.
    static constexpr std::pair<std::string_view, token_kind> table[] = {
        {"<<=", shl_eq},      {">>=", shr_eq},   {"..=", dot_dot_eq}, {"::", path_sep},
        {"->", arrow},        {"=>", fat_arrow}, {"==", eq_eq},       {"!=", ne},
        {"<=", le},           {">=", ge},        {"&&", amp_amp},     {"||", pipe_pipe},
        {"<<", shl},          {">>", shr},       {"+=", plus_eq},     {"-=", minus_eq},
        {"*=", star_eq},      {"/=", slash_eq},  {"%=", percent_eq},  {"^=", caret_eq},
        {"&=", amp_eq},       {"|=", pipe_eq},   {"..", dot_dot},     {"(", open_paren},
        {")", close_paren},   {"{", open_brace}, {"}", close_brace},  {"[", open_bracket},
        {"]", close_bracket}, {";", semicolon},  {",", comma},        {".", dot},
        {":", colon},         {"#", pound},      {"!", bang},         {"?", question},
        {"@", at_sign},       {"=", eq},         {"<", lt},           {">", gt},
        {"+", plus},          {"-", minus},      {"*", star},         {"/", slash},
        {"%", percent},       {"^", caret},      {"&", amp},          {"|", pipe},
    };
    const std::string_view rest(text_.data() + pos_, text_.size() - pos_);
    for (const auto& [spelling, kind] : table) {
      if (rest.starts_with(spelling)) {
        pos_ += spelling.size();
        return kind;
      }
    }
    // Anything else: one character, named in the message.
    const std::size_t length = std::max<std::size_t>(1, utf8_length(text_, pos_));
    pos_ += length;
    std::string shown(text_.substr(begin, length));
    if (shown == std::string(1, '\0')) shown = "\\u{0}";
    out_.error({begin, here()}, "unknown start of token: " + shown);
    return std::nullopt;
  }

  const std::string& text_;
  diagnostics& out_;
  std::size_t pos_ = 0;
};

}  // namespace

std::vector<token> lex(const source_file& source, diagnostics& out) {
  const std::string& text = source.text();
  const auto end = static_cast<std::uint32_t>(text.size());
  if (text.size() > max_program_bytes) {
    out.error({0, 0}, "the program is too large: " + std::to_string(text.size()) +
                          " bytes, where the limit is " + std::to_string(max_program_bytes));
    return {{token_kind::end_of_file, {end, end}}};
  }
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = utf8_length(text, i);
    if (length == 0) {
      const auto at = static_cast<std::uint32_t>(i);
      out.error({at, at + 1}, "the program is not valid UTF-8");
      return {{token_kind::end_of_file, {end, end}}};
    }
    i += length;
  }
  return lexer(source, out).run();
}

}  // namespace wakeline::lang
