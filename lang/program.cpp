#include "program.hpp"

#include "checker.hpp"
#include "lexer.hpp"
#include "lower.hpp"
#include "parser.hpp"

namespace wakeline::lang {

namespace {

// Runs every stage that can speak about `source`; `code` gets the lowered program.
diagnostics compile(const source_file& source, program_code* code) {
  diagnostics out;
  const program tree = parse(source, lex(source, out), out);
  // A program that does not parse has only the parser's messages: later stages reading a tree
  // with holes would add guesses.
  if (out.has_errors()) return out;
  check(source, tree, out);
  if (out.has_errors()) return out;
  program_code lowered = lower(source, tree, out);
  if (code != nullptr) *code = std::move(lowered);
  return out;
}

}  // namespace

diagnostics check_program(const source_file& source) { return compile(source, nullptr); }

std::unique_ptr<compiled_program> compile_program(std::string name, std::string text,
                                                  diagnostics& out) {
  auto result = std::make_unique<compiled_program>(
      compiled_program{source_file(std::move(name), std::move(text)), {}});
  out = compile(result->source, &result->code);
  if (out.has_errors() || result->code.main < 0) return nullptr;
  return result;
}

}  // namespace wakeline::lang
