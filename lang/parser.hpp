// Tokens to the syntax tree (ast.hpp), by recursive descent with Rust's precedence. An error
// is a diagnostic in rustc's words (`expected `;`, found `}``); the parser then skips to the
// end of the statement or item and goes on, so one mistake is one message. Nesting deeper than
// `max_nesting` is refused rather than recursed into, whatever the program.
#pragma once

#include <cstddef>
#include <vector>

#include "ast.hpp"
#include "diagnostic.hpp"
#include "source.hpp"
#include "token.hpp"

namespace wakeline::lang {

/// How deep expressions, blocks, patterns and types may nest.
inline constexpr std::size_t max_nesting = 128;

/// The program `tokens` (from `lex`) spell; problems go to `out`.
program parse(const source_file& source, const std::vector<token>& tokens, diagnostics& out);

}  // namespace wakeline::lang
