#include "diagnostic.hpp"

#include <algorithm>

namespace wakeline::lang {

bool diagnostics::has_errors() const {
  return std::any_of(list_.begin(), list_.end(),
                     [](const diagnostic& d) { return d.severity == severity::error; });
}

std::string render(const diagnostic& d, const source_file& source) {
  const position from = source.at(d.where.begin);
  const std::string line_number = std::to_string(from.line);
  const std::string gutter(line_number.size(), ' ');
  std::string out = d.severity == severity::error ? "error: " : "warning: ";
  out += d.message;
  out += '\n' + gutter + "--> " + source.name() + ':' + line_number + ':' +
         std::to_string(from.column) + '\n';
  const std::string_view line = source.line_text(from.line);
  out += gutter + " |\n" + line_number + " | ";
  // Tabs would move the caret: shown as one space each, on both lines.
  for (char c : line) out += c == '\t' ? ' ' : c;
  out += '\n' + gutter + " | " + std::string(from.column - 1, ' ');
  // The caret runs to the span's end, or the line's end when the span goes past it.
  const position to = source.at(d.where.end);
  std::uint32_t width = 1;
  if (to.line == from.line && to.column > from.column) {
    width = to.column - from.column;
  } else if (to.line > from.line) {
    // To the end of the first line.
    width = 0;
    const std::string& text = source.text();
    for (std::size_t i = d.where.begin; i < text.size() && text[i] != '\n' && text[i] != '\r';
         ++i) {
      width += starts_character(text[i]);
    }
    width = std::max<std::uint32_t>(width, 1);
  }
  out += std::string(width, '^');
  if (!d.label.empty()) out += ' ' + d.label;
  out += '\n';
  return out;
}

}  // namespace wakeline::lang
