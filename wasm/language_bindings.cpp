// The language's part of the WebAssembly API (docs/language.md), linked only into the full
// module (wakeline-full.wasm): the page's first module runs examples without it, and the API
// loads the full one when a program is checked or run. Programs run through the runner like
// examples (examples/program_host.cpp), so `wakeline_start` of bindings.cpp runs them here.
#include <emscripten/emscripten.h>

#include <nlohmann/json.hpp>
#include <string>
#include <utility>

#include "buffers.hpp"
#include "lang/program.hpp"
#include "lang/states.hpp"
#include "program_host.hpp"
#include "registry.hpp"

namespace {

using namespace wakeline;
using json = nlohmann::ordered_json;
using wasm::answer;
using wasm::input;

// A program's diagnostics, with their spans as byte offsets and as lines and columns.
json diagnostics_json(const lang::source_file& source, const lang::diagnostics& problems) {
  json list = json::array();
  for (const lang::diagnostic& d : problems.all()) {
    const lang::position start = source.at(d.where.begin);
    const lang::position end = source.at(d.where.end);
    list.push_back({{"severity", d.severity == lang::severity::error ? "error" : "warning"},
                    {"message", d.message},
                    {"label", d.label},
                    {"from", d.where.begin},
                    {"to", d.where.end},
                    {"start", {{"line", start.line}, {"column", start.column}}},
                    {"end", {{"line", end.line}, {"column", end.column}}}});
  }
  return list;
}

}  // namespace

extern "C" {

/// Checks the program of the language in the input (docs/language.md): lexer, parser and, when
/// it parses, the checker. The answer is a JSON array of diagnostics, each {severity, message,
/// label, from, to, start: {line, column}, end: {line, column}}: `from` and `to` are byte
/// offsets into the program's UTF-8, lines and columns count from 1 and columns in characters.
EMSCRIPTEN_KEEPALIVE void wakeline_check_program() {
  const lang::source_file source("main.rs", std::move(input()));
  input() = std::string();
  // Messages quote the program, which may hold bytes that are not UTF-8: replaced, not thrown.
  answer() = diagnostics_json(source, lang::check_program(source))
                 .dump(-1, ' ', false, json::error_handler_t::replace);
}

/// The state machines of the program in the input buffer (`wakeline states --json`):
/// {"machines": [...]}, or {"diagnostics": [...]} when it does not compile.
EMSCRIPTEN_KEEPALIVE void wakeline_program_states() {
  std::string text = std::move(input());
  input() = std::string();
  lang::diagnostics problems;
  auto program = lang::compile_program("main.rs", text, problems);
  if (program == nullptr) {
    const lang::source_file source("main.rs", std::move(text));
    answer() = json{{"diagnostics", diagnostics_json(source, problems)}}.dump(
        -1, ' ', false, json::error_handler_t::replace);
    return;
  }
  answer() = lang::states_json(*program);
}

/// The text of an example's program in the language (examples/programs/NAME.rs), by the
/// example's id: {"text": "..."}, or {"error": "..."} when it has none.
EMSCRIPTEN_KEEPALIVE const char* wakeline_example_program(const char* id) {
  const examples::example* e = examples::find_example(id);
  const std::string_view text =
      e != nullptr ? examples::example_program_text(*e) : std::string_view();
  answer() =
      text.empty()
          ? json{{"error", "example '" + std::string(id) + "' has no program in the language"}}
                .dump(-1, ' ', false, json::error_handler_t::replace)
          : json{{"text", std::string(text)}}.dump();
  return answer().c_str();
}

}  // extern "C"
