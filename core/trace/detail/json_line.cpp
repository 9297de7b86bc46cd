#include "json_line.hpp"

#include <cstring>

namespace wakeline::detail {

namespace {

// The length of the valid UTF-8 sequence at the start of `s` (RFC 3629: no overlong forms, no
// surrogates, nothing above U+10FFFF), or 0 if it is not one.
std::size_t utf8_sequence_length(std::string_view s) {
  auto byte = [&s](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  auto continuation = [&](std::size_t i) { return i < s.size() && (byte(i) & 0xC0) == 0x80; };
  unsigned char b = byte(0);
  if (b < 0x80) return 1;
  if (b >= 0xC2 && b <= 0xDF) return continuation(1) ? 2 : 0;
  if (b >= 0xE0 && b <= 0xEF) {
    if (!continuation(1) || !continuation(2)) return 0;
    if (b == 0xE0 && byte(1) < 0xA0) return 0;   // Overlong.
    if (b == 0xED && byte(1) >= 0xA0) return 0;  // Surrogate.
    return 3;
  }
  if (b >= 0xF0 && b <= 0xF4) {
    if (!continuation(1) || !continuation(2) || !continuation(3)) return 0;
    if (b == 0xF0 && byte(1) < 0x90) return 0;   // Overlong.
    if (b == 0xF4 && byte(1) >= 0x90) return 0;  // Above U+10FFFF.
    return 4;
  }
  return 0;
}

}  // namespace

char* write_json_string(char* out, std::string_view s) {
  static constexpr char hex[] = "0123456789abcdef";
  *out++ = '"';
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    char short_escape = 0;
    switch (c) {
      case '"':
        short_escape = '"';
        break;
      case '\\':
        short_escape = '\\';
        break;
      case '\b':
        short_escape = 'b';
        break;
      case '\f':
        short_escape = 'f';
        break;
      case '\n':
        short_escape = 'n';
        break;
      case '\r':
        short_escape = 'r';
        break;
      case '\t':
        short_escape = 't';
        break;
      default:
        break;
    }
    if (short_escape != 0) {
      *out++ = '\\';
      *out++ = short_escape;
      ++i;
    } else if (c < 0x20) {
      std::memcpy(out, "\\u00", 4);
      out[4] = hex[c >> 4];
      out[5] = hex[c & 0xF];
      out += 6;
      ++i;
    } else if (std::size_t length = utf8_sequence_length(s.substr(i)); length != 0) {
      std::memcpy(out, s.data() + i, length);
      out += length;
      i += length;
    } else {
      std::memcpy(out, "\xEF\xBF\xBD", 3);  // U+FFFD for one byte that starts no valid sequence.
      out += 3;
      ++i;
    }
  }
  *out++ = '"';
  return out;
}

void append_json_string(std::string& out, std::string_view s) {
  std::size_t size = out.size();
  out.resize(size + json_string_bound(s));
  char* end = write_json_string(out.data() + size, s);
  out.resize(static_cast<std::size_t>(end - out.data()));
}

}  // namespace wakeline::detail
