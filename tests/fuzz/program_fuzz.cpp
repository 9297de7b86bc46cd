// Fuzzes the front of the language (lang/): any bytes as a program, through the lexer, the
// parser and (when it parses) the checker, and every diagnostic rendered as the CLI would. Whatever
// the text, the result is a tree and messages: never a crash, a sanitizer report, a hang or an
// exception. Seeds in tests/fuzz/corpus/program_fuzz/ are programs of the subset; program_fuzz.dict
// has its words.
#include <cstddef>
#include <cstdint>
#include <string>

#include "lang/checker.hpp"
#include "lang/diagnostic.hpp"
#include "lang/lexer.hpp"
#include "lang/parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace wakeline::lang;
  const source_file source("main.rs", std::string(reinterpret_cast<const char*>(data), size));
  diagnostics problems;
  const program tree = parse(source, lex(source, problems), problems);
  if (!problems.has_errors()) check(source, tree, problems);
  for (const diagnostic& d : problems.all()) {
    const std::string text = render(d, source);
    if (text.empty() || d.where.begin > d.where.end || d.where.end > source.text().size()) {
      __builtin_trap();  // A diagnostic must say something about a span inside the program.
    }
  }
  return 0;
}
