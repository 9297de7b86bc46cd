// Source text to tokens, the first stage. Whitespace and comments go; every problem becomes a
// diagnostic and lexing goes on after it, so one stray character is one message. Text that is
// too large, or not UTF-8, is refused whole.
#pragma once

#include <cstddef>
#include <vector>

#include "diagnostic.hpp"
#include "source.hpp"
#include "token.hpp"

namespace wakeline::lang {

/// The largest program accepted, in bytes.
inline constexpr std::size_t max_program_bytes = 512 * 1024;

/// The tokens of `source`, ending with one end_of_file token; problems go to `out`.
std::vector<token> lex(const source_file& source, diagnostics& out);

}  // namespace wakeline::lang
