// Diagnostics print as rustc prints them: headline, location, the line, a caret under the span.
#include "lang/diagnostic.hpp"

#include <gtest/gtest.h>

namespace {

using namespace wakeline::lang;

TEST(Diagnostic, RendersInRustcsShape) {
  const source_file f("main.rs", "fn main() {\n    let x = 5\n}\n");
  const diagnostic d{severity::error, "expected `;`, found `}`", {25, 25}, "expected `;`"};
  EXPECT_EQ(render(d, f),
            "error: expected `;`, found `}`\n"
            " --> main.rs:2:14\n"
            "  |\n"
            "2 |     let x = 5\n"
            "  |              ^ expected `;`\n");
}

TEST(Diagnostic, UnderlinesTheWholeSpanAndWidensTheGutterForLongLineNumbers) {
  std::string text(9, '\n');
  text += "let tx = 1; use_it(tx);\n";
  const source_file f("main.rs", text);
  const diagnostic d{severity::warning, "unused variable: `tx`", {13, 15}, {}};
  EXPECT_EQ(render(d, f),
            "warning: unused variable: `tx`\n"
            "  --> main.rs:10:5\n"
            "   |\n"
            "10 | let tx = 1; use_it(tx);\n"
            "   |     ^^\n");
}

TEST(Diagnostic, ASpanOverSeveralLinesIsUnderlinedToTheEndOfItsFirst) {
  const source_file f("main.rs", "/* never\nclosed");
  const diagnostic d{severity::error, "unterminated block comment", {0, 15}, {}};
  EXPECT_EQ(render(d, f),
            "error: unterminated block comment\n"
            " --> main.rs:1:1\n"
            "  |\n"
            "1 | /* never\n"
            "  | ^^^^^^^^\n");
}

TEST(Diagnostics, SayWhetherAnyIsAnError) {
  diagnostics list;
  list.warning({0, 1}, "unused");
  EXPECT_FALSE(list.has_errors());
  list.error({0, 1}, "broken");
  EXPECT_TRUE(list.has_errors());
  EXPECT_EQ(list.all().size(), 2u);
}

}  // namespace
