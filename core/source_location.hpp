// Where in the source something happened: captured with compiler builtins because the wasm
// toolchain's libc++ has no <source_location>.
#pragma once

#include <cstdint>

namespace wakeline {

/// A file and line, both from the compiler; `file` points at a string literal.
struct source_location {
  const char* file = nullptr;
  std::uint32_t line = 0;

  /// The location of the caller, when used as a default argument.
  static constexpr source_location current(const char* file = __builtin_FILE(),
                                           std::uint32_t line = __builtin_LINE()) {
    return {file, line};
  }

  bool known() const { return file != nullptr; }
};

}  // namespace wakeline
