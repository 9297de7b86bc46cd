// The lexer: Rust's tokens for the subset, spans that cover them exactly, and one diagnostic per
// problem with lexing going on after it.
#include "lang/lexer.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using namespace wakeline::lang;
using enum token_kind;

struct lexed {
  std::vector<token> tokens;
  diagnostics problems;
};

lexed lex_text(const std::string& text) {
  lexed out;
  const source_file f("main.rs", text);
  out.tokens = lex(f, out.problems);
  return out;
}

std::vector<token_kind> kinds(const std::string& text) {
  const lexed out = lex_text(text);
  std::vector<token_kind> k;
  for (const token& t : out.tokens) k.push_back(t.kind);
  return k;
}

std::vector<std::string> messages(const std::string& text) {
  const lexed out = lex_text(text);
  std::vector<std::string> m;
  for (const diagnostic& d : out.problems.all()) m.push_back(d.message);
  return m;
}

TEST(Lexer, ReadsAnAsyncMainWithItsAttribute) {
  EXPECT_EQ(kinds("#[tokio::main]\nasync fn main() { sleep(d).await; }"),
            (std::vector<token_kind>{
                pound,      open_bracket, identifier, path_sep,    identifier,  close_bracket,
                kw_async,   kw_fn,        identifier, open_paren,  close_paren, open_brace,
                identifier, open_paren,   identifier, close_paren, dot,         kw_await,
                semicolon,  close_brace,  end_of_file}));
}

TEST(Lexer, SpansCoverEachTokenExactly) {
  const std::string text = "let  tx\t= 1_000u64;";
  const lexed out = lex_text(text);
  ASSERT_EQ(out.tokens.size(), 6u);
  const source_file f("main.rs", text);
  EXPECT_EQ(f.text(out.tokens[1].span), "tx");
  EXPECT_EQ(f.text(out.tokens[3].span), "1_000u64");
  EXPECT_EQ(out.tokens[5].span, (span{19, 19}));
}

TEST(Lexer, TakesTheLongestPunctuation) {
  EXPECT_EQ(kinds("..= .. . :: : -> => == = <<= << <= >>= >> >= && & || | ?"),
            (std::vector<token_kind>{dot_dot_eq, dot_dot,  dot,        path_sep, colon, arrow,
                                     fat_arrow,  eq_eq,    eq,         shl_eq,   shl,   le,
                                     shr_eq,     shr,      ge,         amp_amp,  amp,   pipe_pipe,
                                     pipe,       question, end_of_file}));
}

TEST(Lexer, ReadsRangesAndMethodCallsAfterIntegers) {
  EXPECT_EQ(kinds("0..10 1..=n 5.to_string() t.0"),
            (std::vector<token_kind>{integer, dot_dot, integer, integer, dot_dot_eq, identifier,
                                     integer, dot, identifier, open_paren, close_paren, identifier,
                                     dot, integer, end_of_file}));
}

TEST(Lexer, SkipsCommentsIncludingNestedBlocks) {
  EXPECT_EQ(kinds("a // line\n/* outer /* inner */ still */ b"),
            (std::vector<token_kind>{identifier, identifier, end_of_file}));
}

TEST(Lexer, KnowsKeywordsLifetimesAndTheUnderscore) {
  EXPECT_EQ(kinds("Context<'_> self Self _ _x move"),
            (std::vector<token_kind>{identifier, lt, lifetime, gt, kw_self_value, kw_self_type,
                                     underscore, identifier, kw_move, end_of_file}));
}

TEST(Lexer, AcceptsStringEscapesAndRefusesUnknownOnes) {
  EXPECT_TRUE(messages(R"("a\n\t\\\"\0\x41\u{1F980}\u{FF_FF}")").empty());
  EXPECT_EQ(messages(R"("bad \q here")"),
            (std::vector<std::string>{"unknown character escape: `q`"}));
  EXPECT_EQ(messages(R"("\x80")"), (std::vector<std::string>{"invalid `\\x` escape"}));
  EXPECT_EQ(messages(R"("\u{D800}")"),
            (std::vector<std::string>{"invalid unicode character escape"}));
}

TEST(Lexer, RefusesWhatTheSubsetDoesNotHaveAndGoesOn) {
  EXPECT_EQ(
      messages("let x = 1.5; let c = 'a'; let r = r\"raw\"; let y = 2;"),
      (std::vector<std::string>{"floating-point numbers are not part of this subset",
                                "character literals are not part of this subset",
                                "raw strings and raw identifiers are not part of this subset"}));
  // Each refused literal is skipped whole: the statements around it still lex.
  EXPECT_EQ(kinds("x = 1.5; y"),
            (std::vector<token_kind>{identifier, eq, semicolon, identifier, end_of_file}));
}

TEST(Lexer, NamesAnUnknownCharacterOnceAndGoesOn) {
  const lexed out = lex_text("let x = 1 $ 2;\nlet é = 3;");
  ASSERT_EQ(out.problems.all().size(), 2u);
  EXPECT_EQ(out.problems.all()[0].message, "unknown start of token: $");
  EXPECT_EQ(out.problems.all()[0].where, (span{10, 11}));
  EXPECT_EQ(out.problems.all()[1].message, "unknown start of token: é");
  EXPECT_EQ(out.tokens.back().kind, end_of_file);
}

TEST(Lexer, ReportsUnterminatedStringsAndComments) {
  EXPECT_EQ(messages("let s = \"open"),
            (std::vector<std::string>{"unterminated double quote string"}));
  EXPECT_EQ(messages("/* /* */"), (std::vector<std::string>{"unterminated block comment"}));
  // A byte string cut after a backslash: its span ends with the text, not past it.
  const lexed cut = lex_text("let b = b\"a\\");
  ASSERT_EQ(cut.problems.all().size(), 1u);
  EXPECT_EQ(cut.problems.all()[0].where, (span{8, 12}));
  // So does a character literal cut after a backslash.
  const lexed quote = lex_text("let c = '(\\");
  ASSERT_EQ(quote.problems.all().size(), 1u);
  EXPECT_EQ(quote.problems.all()[0].where, (span{8, 11}));
}

TEST(Lexer, RefusesTextThatIsNotUtf8OrTooLargeWhole) {
  const lexed bad = lex_text(std::string("let x = \"\xff\";"));
  ASSERT_EQ(bad.problems.all().size(), 1u);
  EXPECT_EQ(bad.problems.all()[0].message, "the program is not valid UTF-8");
  EXPECT_EQ(bad.problems.all()[0].where, (span{9, 10}));
  EXPECT_EQ(bad.tokens.size(), 1u);
  EXPECT_EQ(messages(std::string("\xed\xa0\x80")),  // a UTF-16 surrogate, encoded
            (std::vector<std::string>{"the program is not valid UTF-8"}));
  EXPECT_EQ(messages(std::string(1, '\0')),
            (std::vector<std::string>{"unknown start of token: \\u{0}"}));
  const lexed big = lex_text(std::string(max_program_bytes + 1, ' '));
  ASSERT_EQ(big.problems.all().size(), 1u);
  EXPECT_EQ(big.problems.all()[0].message.rfind("the program is too large", 0), 0u);
}

TEST(Lexer, DeepNestingIsJustTokens) {
  const std::string deep = std::string(10000, '(') + std::string(10000, ')');
  const lexed out = lex_text(deep);
  EXPECT_TRUE(out.problems.all().empty());
  EXPECT_EQ(out.tokens.size(), 20001u);
}

}  // namespace
