// Programs of the language for the runner (runner.hpp's program_host): compiled with their
// diagnostics as rustc shows them, started as the root task. Linked into every build that has the
// language (the CLI, the tests, the WebAssembly module of the language), never into the module a
// page loads first.
#include "program_host.hpp"

#include <memory>
#include <string>

#include "lang/diagnostic.hpp"
#include "lang/program.hpp"
#include "registry.hpp"
#include "runner.hpp"

namespace wakeline::examples {

extern const std::pair<std::string_view, std::string_view> embedded_programs[];
extern const unsigned embedded_programs_count;

std::string_view example_program_text(const example& e) {
  const std::string file = example_program(e);
  for (unsigned i = 0; i < embedded_programs_count && !file.empty(); ++i) {
    if (embedded_programs[i].first == file) return embedded_programs[i].second;
  }
  return {};
}

namespace {

std::shared_ptr<const lang::compiled_program> compile(const run_request& request) {
  lang::diagnostics problems;
  std::shared_ptr<const lang::compiled_program> program =
      lang::compile_program(request.program_name, request.program_text, problems);
  if (program == nullptr) {
    const lang::source_file source(request.program_name, request.program_text);
    std::string message;
    for (const lang::diagnostic& d : problems.all()) {
      if (d.severity == lang::severity::error) message += lang::render(d, source) + "\n";
    }
    if (message.empty()) message = "the program has no `main` function";
    throw usage_error(usage_error::problem::program_error, message);
  }
  return program;
}

void start(run_result& result, const checked_run& run) {
  result.program = std::make_shared<lang::program_instance>(run.program, run.request.seed);
  const lang::function_code& main = run.program->code.functions[run.program->code.main];
  result.rt->start(result.program->root(), "main", result.program->in.location(main.where));
}

constexpr program_host host{&compile, &start};

const bool registered = (set_program_host(&host), true);

}  // namespace

}  // namespace wakeline::examples
