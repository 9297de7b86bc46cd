#include "token.hpp"

#include <array>

namespace wakeline::lang {

namespace {

using enum token_kind;

struct keyword {
  std::string_view spelling;
  token_kind kind;
  std::string_view quoted;  ///< As diagnostics write it.
};

constexpr std::array<keyword, 37> keywords{{
    {"as", kw_as, "`as`"},
    {"async", kw_async, "`async`"},
    {"await", kw_await, "`await`"},
    {"break", kw_break, "`break`"},
    {"const", kw_const, "`const`"},
    {"continue", kw_continue, "`continue`"},
    {"crate", kw_crate, "`crate`"},
    {"else", kw_else, "`else`"},
    {"enum", kw_enum, "`enum`"},
    {"false", kw_false, "`false`"},
    {"fn", kw_fn, "`fn`"},
    {"for", kw_for, "`for`"},
    {"if", kw_if, "`if`"},
    {"impl", kw_impl, "`impl`"},
    {"in", kw_in, "`in`"},
    {"let", kw_let, "`let`"},
    {"loop", kw_loop, "`loop`"},
    {"match", kw_match, "`match`"},
    {"mod", kw_mod, "`mod`"},
    {"move", kw_move, "`move`"},
    {"mut", kw_mut, "`mut`"},
    {"pub", kw_pub, "`pub`"},
    {"ref", kw_ref, "`ref`"},
    {"return", kw_return, "`return`"},
    {"self", kw_self_value, "`self`"},
    {"Self", kw_self_type, "`Self`"},
    {"static", kw_static, "`static`"},
    {"struct", kw_struct, "`struct`"},
    {"super", kw_super, "`super`"},
    {"trait", kw_trait, "`trait`"},
    {"true", kw_true, "`true`"},
    {"type", kw_type, "`type`"},
    {"unsafe", kw_unsafe, "`unsafe`"},
    {"use", kw_use, "`use`"},
    {"where", kw_where, "`where`"},
    {"while", kw_while, "`while`"},
    {"dyn", kw_dyn, "`dyn`"},
}};

}  // namespace

token_kind keyword_or_identifier(std::string_view text) {
  for (const keyword& k : keywords) {
    if (k.spelling == text) return k.kind;
  }
  return identifier;
}

std::string_view describe(token_kind kind) {
  for (const keyword& k : keywords) {
    if (k.kind == kind) return k.quoted;
  }
  switch (kind) {
    case identifier:
      return "an identifier";
    case integer:
      return "an integer";
    case string:
      return "a string literal";
    case lifetime:
      return "a lifetime";
    case open_paren:
      return "`(`";
    case close_paren:
      return "`)`";
    case open_brace:
      return "`{`";
    case close_brace:
      return "`}`";
    case open_bracket:
      return "`[`";
    case close_bracket:
      return "`]`";
    case semicolon:
      return "`;`";
    case comma:
      return "`,`";
    case dot:
      return "`.`";
    case dot_dot:
      return "`..`";
    case dot_dot_eq:
      return "`..=`";
    case colon:
      return "`:`";
    case path_sep:
      return "`::`";
    case arrow:
      return "`->`";
    case fat_arrow:
      return "`=>`";
    case pound:
      return "`#`";
    case bang:
      return "`!`";
    case question:
      return "`?`";
    case at_sign:
      return "`@`";
    case underscore:
      return "`_`";
    case eq:
      return "`=`";
    case eq_eq:
      return "`==`";
    case ne:
      return "`!=`";
    case lt:
      return "`<`";
    case le:
      return "`<=`";
    case gt:
      return "`>`";
    case ge:
      return "`>=`";
    case plus:
      return "`+`";
    case minus:
      return "`-`";
    case star:
      return "`*`";
    case slash:
      return "`/`";
    case percent:
      return "`%`";
    case caret:
      return "`^`";
    case amp:
      return "`&`";
    case pipe:
      return "`|`";
    case amp_amp:
      return "`&&`";
    case pipe_pipe:
      return "`||`";
    case shl:
      return "`<<`";
    case shr:
      return "`>>`";
    case plus_eq:
      return "`+=`";
    case minus_eq:
      return "`-=`";
    case star_eq:
      return "`*=`";
    case slash_eq:
      return "`/=`";
    case percent_eq:
      return "`%=`";
    case caret_eq:
      return "`^=`";
    case amp_eq:
      return "`&=`";
    case pipe_eq:
      return "`|=`";
    case shl_eq:
      return "`<<=`";
    case shr_eq:
      return "`>>=`";
    case end_of_file:
      return "end of file";
    default:
      return "a token";
  }
}

}  // namespace wakeline::lang
