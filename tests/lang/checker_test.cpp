// The checker: rustc's refusals for a program that parses — `.await` outside `async`, a missing
// or wrongly `async` `main`, and integer literals a type of the subset cannot hold.
#include "lang/checker.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "lang/lexer.hpp"
#include "lang/parser.hpp"

namespace {

using namespace wakeline::lang;

std::vector<std::string> errors(const std::string& text) {
  const source_file f("main.rs", text);
  diagnostics problems;
  const program p = parse(f, lex(f, problems), problems);
  EXPECT_FALSE(problems.has_errors()) << "does not parse: " << problems.all()[0].message;
  check(f, p, problems);
  std::vector<std::string> messages;
  for (const diagnostic& d : problems.all()) messages.push_back(d.message);
  return messages;
}

const std::string tokio_main = "#[tokio::main]\nasync fn main() {}\n";

TEST(Checker, AcceptsAProgramWithATokioMain) {
  EXPECT_TRUE(errors(tokio_main).empty());
  EXPECT_TRUE(errors("fn main() {}").empty());
}

TEST(Checker, WantsAMainAndAnAsyncMainOnlyUnderTokio) {
  EXPECT_EQ(errors("async fn work() {}"),
            (std::vector<std::string>{"`main` function not found in crate `main`"}));
  EXPECT_EQ(errors("async fn main() {}"),
            (std::vector<std::string>{"`main` function is not allowed to be `async`"}));
}

TEST(Checker, AllowsAwaitOnlyInsideAsyncFunctionsAndBlocks) {
  EXPECT_TRUE(
      errors(tokio_main + "async fn f() { g().await; let b = async { h().await }; }").empty());
  EXPECT_TRUE(errors(tokio_main + "fn f() { let b = async move { h().await }; }").empty());
  EXPECT_EQ(
      errors(tokio_main + "fn f() { g().await; }"),
      (std::vector<std::string>{"`await` is only allowed inside `async` functions and blocks"}));
  // Inside `poll`, which is a plain function, as in Rust.
  EXPECT_EQ(
      errors(tokio_main + "struct S;\nimpl Future for S {\n  type Output = ();\n"
                          "  fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {\n"
                          "    sleep(d).await;\n    Poll::Ready(())\n  }\n}\n"),
      (std::vector<std::string>{"`await` is only allowed inside `async` functions and blocks"}));
}

TEST(Checker, PointsAtTheAwaitAsRustcDoes) {
  const source_file f("main.rs", "fn main() {\n    g().await;\n}\n");
  diagnostics problems;
  check(f, parse(f, lex(f, problems), problems), problems);
  ASSERT_EQ(problems.all().size(), 1u);
  EXPECT_EQ(render(problems.all()[0], f),
            "error: `await` is only allowed inside `async` functions and blocks\n"
            " --> main.rs:2:8\n"
            "  |\n"
            "2 |     g().await;\n"
            "  |        ^^^^^^ only allowed inside `async` functions and blocks\n");
}

TEST(Checker, KnowsTheIntegerLiteralsOfTheSubset) {
  const std::string prefix = tokio_main + "fn f() { let x = ";
  const auto literal = [&](const std::string& text) { return errors(prefix + text + "; }"); };
  for (const std::string ok :
       {"0", "1_000_000", "7u64", "0xffu32", "0b1010", "0o777", "-2147483648i32",
        "18446744073709551615u64", "4294967295u32", "3usize"}) {
    EXPECT_TRUE(literal(ok).empty()) << ok;
  }
  EXPECT_EQ(literal("4294967296u32"), (std::vector<std::string>{"literal out of range for `u32`"}));
  EXPECT_EQ(literal("2147483648i32"), (std::vector<std::string>{"literal out of range for `i32`"}));
  EXPECT_EQ(literal("18446744073709551616"),
            (std::vector<std::string>{"literal out of range for `u64`"}));
  EXPECT_EQ(literal("5u8"),
            (std::vector<std::string>{"integer type `u8` is not part of this subset"}));
  EXPECT_EQ(literal("5abc"), (std::vector<std::string>{"invalid suffix `abc` for number literal"}));
  EXPECT_EQ(literal("0b102"), (std::vector<std::string>{"invalid digit for a base 2 literal"}));
  EXPECT_EQ(literal("0x"), (std::vector<std::string>{"no valid digits found for number"}));
}

TEST(Checker, LooksEverywhereAnExpressionCanBe) {
  EXPECT_EQ(
      errors(tokio_main + "fn f() { match x { 1..=300u8 => {}, _ if y == 5u8 => {} } }").size(),
      2u);
  EXPECT_EQ(errors(tokio_main + "async fn f() { tokio::select! { v = g(9u8) => {}, } }").size(),
            1u);
  EXPECT_EQ(errors(tokio_main + "fn f() { let p = P { x: 1u8 }; let v = vec![0u8; 2u8]; }").size(),
            3u);
}

}  // namespace
