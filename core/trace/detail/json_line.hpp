// Writes one flat JSON object straight into a string, without building a document first: the
// NDJSON writer's hot path. Strings are escaped as JSON.stringify and nlohmann::json::dump do
// (quote, backslash, control characters; everything else as UTF-8), and bytes that are not valid
// UTF-8 become U+FFFD, so a trace line is always valid JSON.
#pragma once

#include <charconv>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace wakeline::detail {

/// The most bytes `write_json_string` writes for `s`: every byte escaped as \u00XX, plus quotes.
constexpr std::size_t json_string_bound(std::string_view s) { return 6 * s.size() + 2; }

/// Writes `s` as a JSON string literal, quotes included, at `out`; returns the end.
char* write_json_string(char* out, std::string_view s);

/// Appends `s` as a JSON string literal, quotes included.
void append_json_string(std::string& out, std::string_view s);

/// Builds `{"key":value,...}` at the end of `out`, one field at a time, in the order written.
/// It writes through a pointer into space it reserves ahead, and trims `out` in `close()`:
/// appending piece by piece to a std::string costs a call per piece, which in WebAssembly
/// dominated the time of a trace.
class json_line {
 public:
  explicit json_line(std::string& out) : out_(out), size_(out.size()) {
    reserve(1);
    out_[size_++] = '{';
  }
  json_line(const json_line&) = delete;
  json_line& operator=(const json_line&) = delete;

  void number(std::string_view key, std::uint64_t value) {
    char* p = field(key, 20);
    size_ = static_cast<std::size_t>(std::to_chars(p, p + 20, value).ptr - out_.data());
  }

  /// A string field whose value may hold anything: it is escaped.
  void text(std::string_view key, std::string_view value) {
    char* p = field(key, json_string_bound(value));
    size_ = static_cast<std::size_t>(write_json_string(p, value) - out_.data());
  }

  /// A string field whose value is a plain identifier (an enum's name): nothing to escape.
  void name(std::string_view key, std::string_view value) {
    char* p = field(key, value.size() + 2);
    *p++ = '"';
    p = copy(p, value);
    *p++ = '"';
    size_ = static_cast<std::size_t>(p - out_.data());
  }

  /// A field whose value is already JSON text.
  void raw(std::string_view key, std::string_view json) {
    char* p = field(key, json.size());
    size_ = static_cast<std::size_t>(copy(p, json) - out_.data());
  }

  /// Ends the object; `out` then holds exactly what was written.
  void close() {
    reserve(1);
    out_[size_++] = '}';
    out_.resize(size_);
  }

 private:
  static char* copy(char* p, std::string_view s) {
    std::memcpy(p, s.data(), s.size());
    return p + s.size();
  }

  // Makes room for `n` more bytes, and some to spare for the next fields; the string's own
  // capacity grows geometrically, so this allocates rarely.
  void reserve(std::size_t n) {
    if (out_.size() < size_ + n) out_.resize(size_ + n + 128);
  }

  // Writes `"key":` (after a comma if needed) with room for `value_bound` more bytes; returns
  // where the value goes.
  char* field(std::string_view key, std::size_t value_bound) {
    reserve(key.size() + 4 + value_bound);
    char* p = out_.data() + size_;
    if (!first_) *p++ = ',';
    first_ = false;
    *p++ = '"';
    p = copy(p, key);
    *p++ = '"';
    *p++ = ':';
    return p;
  }

  std::string& out_;
  std::size_t size_;  ///< Bytes of `out_` written so far; the rest is room reserved ahead.
  bool first_ = true;
};

}  // namespace wakeline::detail
