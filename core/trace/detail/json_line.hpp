// Writes one flat JSON object straight into a string, without building a document first: the
// NDJSON writer's hot path. Strings are escaped as JSON.stringify and nlohmann::json::dump do
// (quote, backslash, control characters; everything else as UTF-8), and bytes that are not valid
// UTF-8 become U+FFFD, so a trace line is always valid JSON.
#pragma once

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>

namespace wakeline::detail {

/// Appends `s` as a JSON string literal, quotes included.
void append_json_string(std::string& out, std::string_view s);

/// Builds `{"key":value,...}` in `out`, one field at a time, in the order written.
class json_line {
 public:
  explicit json_line(std::string& out) : out_(out) { out_ += '{'; }
  json_line(const json_line&) = delete;
  json_line& operator=(const json_line&) = delete;

  void number(std::string_view key, std::uint64_t value) {
    field(key);
    char digits[20];
    auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    out_.append(digits, end);
  }

  /// A string field whose value may hold anything: it is escaped.
  void text(std::string_view key, std::string_view value) {
    field(key);
    append_json_string(out_, value);
  }

  /// A string field whose value is a plain identifier (an enum's name): nothing to escape.
  void name(std::string_view key, std::string_view value) {
    field(key);
    out_ += '"';
    out_ += value;
    out_ += '"';
  }

  /// A field whose value is already JSON text.
  void raw(std::string_view key, std::string_view json) {
    field(key);
    out_ += json;
  }

  void close() { out_ += '}'; }

 private:
  void field(std::string_view key) {
    if (!first_) out_ += ',';
    first_ = false;
    out_ += '"';
    out_ += key;
    out_ += "\":";
  }

  std::string& out_;
  bool first_ = true;
};

}  // namespace wakeline::detail
