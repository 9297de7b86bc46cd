#include "cli.hpp"

#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

#include "lang/checker.hpp"
#include "lang/diagnostic.hpp"
#include "lang/lexer.hpp"
#include "lang/parser.hpp"
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
  wakeline run EXAMPLE [--strategy NAME] [--set name=value]... [--seed N] [--budget N]
                       [--memory-limit BYTES] [--clock virtual|real] [--format ndjson|chrome]
                       [--out FILE]
  wakeline --help

Runs one of Wakeline's example programs on the async runtime and prints its scheduler trace:
NDJSON (one event per line, docs/trace-format.md) or Chrome trace JSON for Perfetto.

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
errors and warnings as rustc does (today: its syntax, `main`, `.await` and integer literals).

Exit status: 0 when the run completed, 1 when it ended otherwise (deadlock, budget, memory, failure),
2 on bad usage. For `check`: 0 without errors, 1 with errors, 2 when the file cannot be read.
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

// Runs a parsed `run` command and writes its trace where the command says.
int run(const cli_command& command) {
  run_result result;
  try {
    result = run_example(command.request);
  } catch (const usage_error& error) {
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
  std::ifstream file(command.program_path, std::ios::binary);
  if (!file) {
    return fail_usage("cannot read '" + command.program_path + "': " + std::strerror(errno));
  }
  std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  const lang::source_file source(command.program_path, std::move(text));
  lang::diagnostics problems;
  const lang::program program = lang::parse(source, lang::lex(source, problems), problems);
  // A program that does not parse has only the parser's messages: a checker reading a tree
  // with holes would add guesses.
  if (!problems.has_errors()) lang::check(source, program, problems);
  for (const lang::diagnostic& d : problems.all()) std::cerr << lang::render(d, source) << '\n';
  return problems.has_errors() ? 1 : 0;
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
    case cli_action::refuse:
      break;
  }
  return fail_usage(command.problem);
}

}  // namespace wakeline::examples
