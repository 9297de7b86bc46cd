// A program's text and the spans that point into it: byte ranges, kept from the lexer to a
// panic at run time, and turned into lines and columns only to show them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace wakeline::lang {

/// Bytes [begin, end) of a program's text.
struct span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;

  friend bool operator==(const span&, const span&) = default;
};

/// A line and a column, both from 1; the column counts characters (UTF-8 code points), as
/// rustc's do.
struct position {
  std::uint32_t line = 1;
  std::uint32_t column = 1;

  friend bool operator==(const position&, const position&) = default;
};

/// True for a byte that starts a character: anything but a UTF-8 continuation byte
/// (0b10xxxxxx). Columns count these.
constexpr bool starts_character(char byte) {
  return (static_cast<unsigned char>(byte) & 0xC0) != 0x80;
}

/// One program: its file name (as diagnostics show it) and its text.
class source_file {
 public:
  source_file(std::string name, std::string text);

  const std::string& name() const { return name_; }
  const std::string& text() const { return text_; }
  std::string_view text(span s) const;

  /// Where byte `offset` is; an offset past the end is the end.
  position at(std::uint32_t offset) const;
  /// The line of byte `offset` alone, without counting the column's characters.
  std::uint32_t line_of(std::uint32_t offset) const;
  /// The number of lines (a text ending in '\n' has no empty last line).
  std::uint32_t line_count() const { return static_cast<std::uint32_t>(line_starts_.size()); }
  /// The text of line `line` (from 1), without its line ending.
  std::string_view line_text(std::uint32_t line) const;

 private:
  std::string name_;
  std::string text_;
  std::vector<std::uint32_t> line_starts_;  ///< Byte offset of each line's first byte.
};

}  // namespace wakeline::lang
