// The `wakeline` command line read into the command it asks for, with no I/O: cli.cpp executes
// the result, tests/examples/cli_args_test.cpp and tests/fuzz/cli_fuzz.cpp call it directly.
// Values that need the registry (the example, its parameters, the strategy) stay text here;
// check_request judges them when the command runs.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "runner.hpp"

namespace wakeline::examples {

/// What a build of the command can do.
struct cli_flavour {
  /// Whether `--clock real` is offered (not in WebAssembly, where a real wait blocks the thread).
  bool real_clock = true;
};

/// What `wakeline ...` asks for.
enum class cli_action {
  help,        ///< `--help`, `-h` or `help`: print the usage text.
  list,        ///< `list`: the examples and their parameters.
  strategies,  ///< `strategies`: the strategies and their settings.
  states,      ///< `states PROGRAM.rs [--json|--code]`: the state machines of a program.
  run,         ///< `run EXAMPLE [options]`: run the example and write its trace.
  check,       ///< `check PROGRAM.rs`: read a program of the language and print its diagnostics.
  refuse,      ///< Bad usage: print `problem` and exit with status 2.
};

/// How `run` writes the trace (`--format`).
enum class trace_format {
  ndjson,  ///< One JSON event per line (docs/trace-format.md).
  chrome,  ///< One Chrome trace JSON object, for Perfetto.
};

/// A command line read into what it asks for.
struct cli_command {
  cli_action action = cli_action::refuse;
  /// For `run`: the example and its options, as typed; not yet checked against the registry.
  run_request request;
  trace_format format = trace_format::ndjson;  ///< For `run`.
  std::string out_path;      ///< For `run`: where the trace goes; empty for standard output.
  std::string program_path;  ///< For `check`, `states` and `run` of a program: the file.
  bool json = false;         ///< For `states`: JSON instead of text.
  bool code = false;         ///< For `states`: the lowered code of every body.
  /// For `refuse`: the one-line message, never empty; the CLI prints it after "wakeline: ".
  std::string problem;
};

/// Reads the arguments after the program's name (`args[0]` is the command). Never throws for
/// any text: a bad command line comes back as `cli_action::refuse`.
cli_command parse_cli_args(std::span<const std::string_view> args, const cli_flavour& flavour);

/// Reads `argv` as `main` receives it (`argv[0]` is the program's name).
cli_command parse_cli_args(int argc, const char* const* argv, const cli_flavour& flavour);

/// Reads a non-negative decimal integer as `--seed`, `--budget` and `--memory-limit` take it
/// (parse_integer's strict reading, so at most 2^63 - 1); nullopt otherwise.
std::optional<std::uint64_t> parse_unsigned(std::string_view text);

}  // namespace wakeline::examples
