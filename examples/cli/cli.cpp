#include "cli.hpp"

#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <limits>
#include <optional>
#include <string>

#include "lang/diagnostic.hpp"
#include "lang/disassemble.hpp"
#include "lang/program.hpp"
#include "lang/states.hpp"
#include "registry.hpp"
#include "runner.hpp"
#include "trace/chrome_writer.hpp"

namespace {

using namespace wakeline;
using namespace wakeline::examples;

constexpr const char* usage_text = R"(usage:
  wakeline list
  wakeline strategies
  wakeline check PROGRAM.rs
  wakeline states PROGRAM.rs [--json|--code]
  wakeline run EXAMPLE|PROGRAM.rs [--strategy NAME] [--set name=value]... [--seed N] [--budget N]
                       [--memory-limit BYTES] [--clock virtual|real] [--format ndjson|chrome]
                       [--out FILE]
  wakeline --help

Runs one of Wakeline's example programs, or a program of its subset of async Rust (a file
ending in .rs, docs/language.md), on the async runtime and prints its scheduler trace: NDJSON
(one event per line, docs/trace-format.md) or Chrome trace JSON for Perfetto. What a program
prints goes to stderr.

  --strategy NAME    scheduling strategy (default: the example's first, local for most)
  --set name=value   set an example parameter ('wakeline list') or a setting of the
                     strategy ('wakeline strategies'); repeatable
  --seed N           seed for the example's random choices (default: 0)
  --budget N         stop after N events with outcome budget_exhausted (default: 1000000)
  --memory-limit N   stop with outcome memory_exhausted once the program holds more than N
                     bytes of task frames and trace (default: 268435456, 256 MiB; 0: none)
  --clock KIND       virtual (default: time jumps to the next deadline) or real
  --format FORMAT    ndjson (default) or chrome
  --out FILE         write the trace to FILE instead of stdout

`check` reads a program of Wakeline's subset of async Rust (docs/language.md) and prints its
errors and warnings as rustc does. `states` prints the state machine the compiler made of each
async fn and async block: its states, one per `.await`, and the locals each keeps (--code: the
instructions every function was lowered to).

Exit status: 0 when the run completed, 1 when it ended otherwise (deadlock, budget, memory, failure),
2 on bad usage. For `check` and `states`: 0 without errors, 1 with errors, 2 when the file
cannot be read.
)";

int fail_usage(const std::string& message) {
  std::cerr << "wakeline: " << message << '\n';
  return 2;
}

// One `--set` line of a listing: name, default, range, description.
void print_setting(const param_spec& p) {
  std::cout << "    --set " << p.name << "=";
  if (p.type == param_type::boolean) {
    std::cout << (p.default_value ? "true" : "false") << "  (true|false)";
  } else {
    std::cout << p.default_value << "  (" << p.min << ".." << p.max << ")";
  }
  std::cout << "  " << p.description << '\n';
}

void list_examples() {
  for (const example* e : all_examples()) {
    if (!e->listed) continue;
    std::cout << e->id << "  [" << e->topic << "]  " << e->title << '\n';
    for (const param_spec& p : e->params) print_setting(p);
  }
}

void list_strategies() {
  for (int k = 0; k <= static_cast<int>(last_strategy_kind); ++k) {
    auto kind = static_cast<strategy_kind>(k);
    std::cout << to_string(kind) << '\n';
    for (const strategy_setting& s : settings_of(kind)) print_setting(as_param(s));
  }
}

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return std::nullopt;
  return std::string((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
}

// Runs a parsed `run` command and writes its trace where the command says.
int run(cli_command command) {
  if (command.request.is_program) {
    auto text = read_file(command.program_path);
    if (!text) {
      return fail_usage("cannot read '" + command.program_path + "': " + std::strerror(errno));
    }
    command.request.program_name = command.program_path;
    command.request.program_text = std::move(*text);
  }
  run_result result;
  try {
    const checked_run checked = check_request(command.request);
    result = start(checked);
    if (result.program != nullptr) {
      result.program->in.on_print = [](const lang::printed_line& line) { std::cerr << line.text; };
    }
    resume(result, std::numeric_limits<std::uint64_t>::max());
  } catch (const usage_error& error) {
    if (error.kind() == usage_error::problem::program_error) {
      std::cerr << error.what();
      return 1;
    }
    return fail_usage(error.what());
  }

  const std::string& out_path = command.out_path;
  std::ofstream file;
  if (!out_path.empty()) {
    file.open(out_path, std::ios::binary);
    if (!file) return fail_usage("cannot write '" + out_path + "': " + std::strerror(errno));
  }
  std::ostream& out = out_path.empty() ? std::cout : file;
  if (command.format == trace_format::chrome) {
    write_chrome_trace(out, result.header, result.rt->trace());
  } else {
    write_ndjson(out, result.header, result.rt->trace());
  }
  out.flush();
  if (result.outcome != run_outcome::completed) {
    std::cerr << "wakeline: run ended with outcome " << to_string(result.outcome);
    if (!result.message.empty()) std::cerr << ": " << result.message;
    std::cerr << '\n';
    return 1;
  }
  return 0;
}

// Reads a program, prints its diagnostics to stderr in rustc's shape; 1 when one is an error.
int check(const cli_command& command) {
  auto text = read_file(command.program_path);
  if (!text) {
    return fail_usage("cannot read '" + command.program_path + "': " + std::strerror(errno));
  }
  const lang::source_file source(command.program_path, std::move(*text));
  const lang::diagnostics problems = lang::check_program(source);
  for (const lang::diagnostic& d : problems.all()) std::cerr << lang::render(d, source) << '\n';
  return problems.has_errors() ? 1 : 0;
}

// Compiles a program and prints its state machines; its errors, as `check` does, when it has any.
int states(const cli_command& command) {
  auto text = read_file(command.program_path);
  if (!text) {
    return fail_usage("cannot read '" + command.program_path + "': " + std::strerror(errno));
  }
  lang::diagnostics problems;
  auto program = lang::compile_program(command.program_path, *text, problems);
  if (program == nullptr) {
    const lang::source_file source(command.program_path, std::move(*text));
    for (const lang::diagnostic& d : problems.all()) std::cerr << lang::render(d, source) << '\n';
    return 1;
  }
  if (command.code) {
    for (std::uint32_t f = 0; f < program->code.functions.size(); ++f) {
      std::cout << lang::disassemble(program->code, f) << '\n';
    }
  } else {
    std::cout << (command.json ? lang::states_json(*program) + "\n" : lang::states_text(*program));
  }
  return 0;
}

}  // namespace

namespace wakeline::examples {

int cli_main(int argc, char** argv, const cli_flavour& flavour) {
  std::ios::sync_with_stdio(false);
  const cli_command command = parse_cli_args(argc, argv, flavour);
  switch (command.action) {
    case cli_action::help:
      std::cout << usage_text;
      return 0;
    case cli_action::list:
      list_examples();
      return 0;
    case cli_action::strategies:
      list_strategies();
      return 0;
    case cli_action::run:
      return run(command);
    case cli_action::check:
      return check(command);
    case cli_action::states:
      return states(command);
    case cli_action::refuse:
      break;
  }
  return fail_usage(command.problem);
}

}  // namespace wakeline::examples
