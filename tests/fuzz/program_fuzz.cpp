// Fuzzes the compiler of the language (lang/): any bytes as a program, through the lexer, the
// parser, the checker and lowering (with the liveness of each state machine and its printer),
// and every diagnostic rendered as the CLI would. Whatever the text, the result is code or
// messages: never a crash, a sanitizer report, a hang or an exception. Seeds in
// tests/fuzz/corpus/program_fuzz/ are programs of the subset; program_fuzz.dict has its words.
#include <cstddef>
#include <cstdint>
#include <string>

#include "lang/diagnostic.hpp"
#include "lang/program.hpp"
#include "lang/states.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace wakeline::lang;
  std::string text(reinterpret_cast<const char*>(data), size);
  diagnostics problems;
  if (auto compiled = compile_program("main.rs", text, problems)) {
    if (states_text(*compiled).empty() || states_json(*compiled).empty()) __builtin_trap();
  }
  const source_file source("main.rs", std::move(text));
  for (const diagnostic& d : problems.all()) {
    const std::string text = render(d, source);
    if (text.empty() || d.where.begin > d.where.end || d.where.end > source.text().size()) {
      __builtin_trap();  // A diagnostic must say something about a span inside the program.
    }
  }
  return 0;
}
