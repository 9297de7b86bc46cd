#include "source.hpp"

#include <algorithm>

namespace wakeline::lang {

source_file::source_file(std::string name, std::string text)
    : name_(std::move(name)), text_(std::move(text)) {
  line_starts_.push_back(0);
  for (std::uint32_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n' && i + 1 < text_.size()) line_starts_.push_back(i + 1);
  }
}

std::string_view source_file::text(span s) const {
  const std::size_t begin = std::min<std::size_t>(s.begin, text_.size());
  const std::size_t end = std::clamp<std::size_t>(s.end, begin, text_.size());
  return std::string_view(text_).substr(begin, end - begin);
}

position source_file::at(std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
  // The last line that starts at or before the offset.
  auto line = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) - 1;
  std::uint32_t column = 1;
  for (std::uint32_t i = *line; i < offset; ++i) column += starts_character(text_[i]);
  return {static_cast<std::uint32_t>(line - line_starts_.begin()) + 1, column};
}

std::uint32_t source_file::line_of(std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
  auto line = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) - 1;
  return static_cast<std::uint32_t>(line - line_starts_.begin()) + 1;
}

std::string_view source_file::line_text(std::uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  const std::uint32_t begin = line_starts_[line - 1];
  std::uint32_t end = line < line_starts_.size() ? line_starts_[line] : text_.size();
  while (end > begin && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
  return std::string_view(text_).substr(begin, end - begin);
}

}  // namespace wakeline::lang
