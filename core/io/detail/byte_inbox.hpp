// Bytes that have arrived on a stream and not been read yet, for both the simulated and the real
// socket: a read takes from the front, arrivals append at the back.
#pragma once

#include <algorithm>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace wakeline::detail {

class byte_inbox {
 public:
  /// Appends bytes that arrived.
  void append(std::string_view bytes) { bytes_.append(bytes); }

  /// Bytes waiting to be read.
  std::size_t size() const { return bytes_.size() - read_; }
  bool empty() const { return size() == 0; }

  /// Moves as many waiting bytes as fit into `buffer`; returns how many.
  std::size_t take(std::span<char> buffer) {
    std::size_t n = std::min(buffer.size(), size());
    std::copy_n(bytes_.data() + read_, n, buffer.data());
    read_ += n;
    // Start over once everything was read, so the string does not grow without end.
    if (read_ == bytes_.size()) {
      bytes_.clear();
      read_ = 0;
    }
    return n;
  }

 private:
  std::string bytes_;
  std::size_t read_ = 0;
};

}  // namespace wakeline::detail
