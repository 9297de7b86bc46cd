// `format!`'s little language, for the subset: `{}`, `{:?}`, `{name}`, `{0}`, a width with an
// alignment, a fill or zeros (`{:>8}`, `{:<5}`, `{:^7}`, `{:*^9}`, `{:05}`), and `{{`/`}}`.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "bytecode.hpp"

namespace wakeline::lang {

/// Which value an argument of the string refers to: the next positional one, one by index,
/// or a local by name.
struct format_argument {
  enum class kind { next, index, name } how = kind::next;
  std::uint32_t index = 0;
  std::string name;
  std::uint32_t offset = 0;  ///< Where the `{` is, in the string's text
};

struct parsed_format {
  format_spec spec;                        ///< the pieces, with each argument's formatting
  std::vector<format_argument> arguments;  ///< one per piece that has an argument
  std::string error;                       ///< empty when the string is valid
  std::uint32_t error_offset = 0;
};

/// Reads `text`, the value of a format string literal.
parsed_format parse_format_string(std::string_view text);

}  // namespace wakeline::lang
