#include "trace/detail/json_line.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>

namespace {

using wakeline::detail::append_json_string;
using wakeline::detail::json_line;

std::string escaped(std::string_view s) {
  std::string out;
  append_json_string(out, s);
  return out;
}

TEST(JsonLine, StringsAreEscapedExactlyAsNlohmannDumpsThem) {
  std::string every_control_character;
  for (char c = 0; c < 0x20; ++c) every_control_character += c;
  const std::string cases[] = {
      "",
      "plain",
      "quote \" and backslash \\",
      every_control_character,
      "DEL \x7f stays",
      "two bytes: \xC3\xA9, three: \xE2\x82\xAC, four: \xF0\x9F\x98\x80",
      "slash / is not escaped",
      std::string("nul \0 inside", 12),
  };
  for (const std::string& s : cases) {
    EXPECT_EQ(escaped(s), nlohmann::json(s).dump()) << s;
  }
}

TEST(JsonLine, BytesThatAreNotUtf8BecomeReplacementCharacters) {
  EXPECT_EQ(escaped("a\xFF"
                    "b"),
            "\"a\xEF\xBF\xBD"
            "b\"");
  EXPECT_EQ(escaped("\xC3"), "\"\xEF\xBF\xBD\"");                  // Truncated sequence.
  EXPECT_EQ(escaped("\xC0\xAF"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");  // Overlong '/'.
  EXPECT_EQ(escaped("\xED\xA0\x80"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");  // Surrogate.
  // What comes out always parses.
  auto parsed = nlohmann::json::parse(escaped("\xF5\x80\x80\x80 \xE0\x80\x80"));
  EXPECT_TRUE(parsed.is_string());
}

TEST(JsonLine, FieldsComeOutInTheOrderWrittenWithFullRangeNumbers) {
  std::string out;
  json_line j(out);
  j.number("zero", 0);
  j.number("max", std::numeric_limits<std::uint64_t>::max());
  j.name("kind", "poll_end");
  j.text("name", "a \"b\"");
  j.raw("list", "[1,2]");
  j.close();
  EXPECT_EQ(
      out,
      R"({"zero":0,"max":18446744073709551615,"kind":"poll_end","name":"a \"b\"","list":[1,2]})");
  EXPECT_EQ(nlohmann::ordered_json::parse(out).dump(), out);
}

}  // namespace
