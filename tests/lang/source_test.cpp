// Spans into a program's text, turned into lines and columns (columns count characters).
#include "lang/source.hpp"

#include <gtest/gtest.h>

namespace {

using namespace wakeline::lang;

TEST(SourceFile, FindsTheLineAndColumnOfAnOffset) {
  const source_file f("main.rs", "fn main() {\n    let x = 1;\n}\n");
  EXPECT_EQ(f.line_count(), 3u);
  EXPECT_EQ(f.at(0), (position{1, 1}));
  EXPECT_EQ(f.at(12), (position{2, 1}));
  EXPECT_EQ(f.at(16), (position{2, 5}));
  EXPECT_EQ(f.line_text(2), "    let x = 1;");
  EXPECT_EQ(f.line_text(3), "}");
  EXPECT_EQ(f.line_text(4), "");
  EXPECT_EQ(f.text({16, 19}), "let");
}

TEST(SourceFile, CountsColumnsInCharactersAndClampsOffsetsPastTheEnd) {
  const source_file f("main.rs", "let s = \"é\"; x");
  // "é" is two bytes: the `;` after it is at byte 12, column 12.
  EXPECT_EQ(f.at(12), (position{1, 12}));
  EXPECT_EQ(f.at(1000), (position{1, 15}));
  EXPECT_EQ(f.text({11, 1000}), "\"; x");
}

TEST(SourceFile, AnEmptyProgramHasOneEmptyLine) {
  const source_file f("main.rs", "");
  EXPECT_EQ(f.line_count(), 1u);
  EXPECT_EQ(f.at(0), (position{1, 1}));
  EXPECT_EQ(f.line_text(1), "");
}

}  // namespace
