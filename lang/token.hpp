// The tokens of the language: Rust's, for the subset docs/language.md describes. A token is a
// kind and a span; its text is read from the source when needed (an identifier's name, a
// literal's digits), so tokens stay small.
#pragma once

#include <cstdint>
#include <string_view>

#include "source.hpp"

namespace wakeline::lang {

enum class token_kind : std::uint8_t {
  // Literals and names.
  identifier,  ///< `tx`, `Countdown`, `println` (the `!` of a macro is its own token)
  integer,     ///< `42`, `1_000`, `7u64`, `0xff`
  string,      ///< `"text"`, with its escapes checked
  lifetime,    ///< `'_`, `'a`: read and ignored where Rust allows them
  // Keywords.
  kw_as,
  kw_async,
  kw_await,
  kw_break,
  kw_const,
  kw_continue,
  kw_crate,
  kw_else,
  kw_enum,
  kw_false,
  kw_fn,
  kw_for,
  kw_if,
  kw_impl,
  kw_in,
  kw_let,
  kw_loop,
  kw_match,
  kw_mod,
  kw_move,
  kw_mut,
  kw_pub,
  kw_ref,
  kw_return,
  kw_self_value,
  kw_self_type,
  kw_static,
  kw_struct,
  kw_super,
  kw_trait,
  kw_true,
  kw_type,
  kw_unsafe,
  kw_use,
  kw_where,
  kw_while,
  kw_dyn,
  // Punctuation.
  open_paren,
  close_paren,
  open_brace,
  close_brace,
  open_bracket,
  close_bracket,
  semicolon,
  comma,
  dot,
  dot_dot,
  dot_dot_eq,
  colon,
  path_sep,
  arrow,
  fat_arrow,
  pound,
  bang,
  question,
  at_sign,
  underscore,
  eq,
  eq_eq,
  ne,
  lt,
  le,
  gt,
  ge,
  plus,
  minus,
  star,
  slash,
  percent,
  caret,
  amp,
  pipe,
  amp_amp,
  pipe_pipe,
  shl,
  shr,
  plus_eq,
  minus_eq,
  star_eq,
  slash_eq,
  percent_eq,
  caret_eq,
  amp_eq,
  pipe_eq,
  shl_eq,
  shr_eq,
  end_of_file,
};

struct token {
  token_kind kind = token_kind::end_of_file;
  lang::span span;
};

/// How a kind is written in a diagnostic: "`;`", "`fn`", "an identifier".
std::string_view describe(token_kind kind);

/// The keyword spelled `text`, or identifier when it is none.
token_kind keyword_or_identifier(std::string_view text);

}  // namespace wakeline::lang
