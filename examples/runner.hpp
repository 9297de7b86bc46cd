// Runs one example from user input: validates every value, builds the runtime, runs the root
// future and keeps the trace. The CLI and the wasm module both go through here, so a link and
// a command line with the same inputs give byte-identical traces.
#pragma once

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "registry.hpp"

namespace wakeline::lang {
struct compiled_program;
struct program_instance;
}  // namespace wakeline::lang

namespace wakeline::examples {

/// Input that cannot be run: unknown example, parameter or strategy, malformed or out-of-range
/// value. The message is one sentence naming the problem.
class usage_error : public std::runtime_error {
 public:
  /// What kind of problem, for callers that report it as a code (the JS API).
  enum class problem {
    unknown_example,
    unknown_strategy,
    unknown_parameter,
    bad_value,
    out_of_range,
    program_error  ///< The program has errors; the message is its diagnostics, as rustc shows them
  };

  usage_error(problem kind, const std::string& message)
      : std::runtime_error(message), kind_(kind) {}
  problem kind() const { return kind_; }

 private:
  problem kind_;
};

/// What the user asked for, as text where the user typed it.
struct run_request {
  std::string example;
  /// A program of the language (docs/language.md) to run instead of an example: its text, and
  /// the file name its messages and trace show.
  bool is_program = false;
  std::string program_name;
  std::string program_text;
  std::string strategy;  ///< Empty: the example's first strategy (local for most).
  std::vector<std::pair<std::string, std::string>> settings;  ///< name=value, in order given.
  std::uint64_t seed = 0;
  std::uint64_t budget = 1'000'000;
  /// Bytes the program may hold (runtime_options::memory_limit); 0 means no limit.
  std::uint64_t memory_limit = runtime_options::default_memory_limit;
  clock_kind clock = clock_kind::virtual_time;
  bool trace = true;
};

/// A finished run.
struct run_result {
  trace_header header;
  /// The parameters the root future refers to, at a fixed address for the life of the run.
  std::unique_ptr<const param_values> params;
  /// A program's code and interpreter; the runtime's tasks point into them.
  std::shared_ptr<lang::program_instance> program;
  std::unique_ptr<runtime> rt;  ///< Owns the recorded trace; destroyed before `params`.
  run_outcome outcome = run_outcome::completed;
  std::string message;  ///< Why the root task failed, when it did.
};

/// Parses a decimal integer strictly (optional '-', digits, no overflow); nullopt otherwise.
std::optional<std::int64_t> parse_integer(std::string_view text);

/// A strategy's setting described as a parameter (booleans as 0 and 1), so that `--set`, the
/// API and the page treat both alike.
param_spec as_param(const strategy_setting& setting);

/// The parameter of that name: the example's own, else a setting of the strategy; nullopt
/// when neither has it.
std::optional<param_spec> find_setting(const example& e, strategy_kind strategy,
                                       std::string_view name);

/// The validated settings of a request: the example's parameters (with the seed) and the
/// strategy's settings, defaults filled in.
struct validated_settings {
  param_values params;
  strategy_config strategy;
};

/// Checks name=value settings against the example's parameters and the strategy's settings.
/// Throws usage_error naming the first problem.
validated_settings validate_settings(
    const example& e, strategy_kind strategy,
    const std::vector<std::pair<std::string, std::string>>& settings, std::uint64_t seed);

/// A request that passed validation: everything needed to run it, and its header.
struct checked_run {
  const example* e = nullptr;
  run_request request;
  param_values params;
  strategy_config strategy;
  trace_header header;
  std::shared_ptr<const lang::compiled_program> program;  ///< For a program run
};

/// Validates `request`; throws usage_error naming the first problem.
checked_run check_request(const run_request& request);

/// What runs programs of the language. A build that has the language links
/// examples/program_host.cpp, which sets it; without one, a program request is refused. So the
/// WebAssembly module a page loads first can leave the language out, and load it when needed.
struct program_host {
  /// Compiles the request's program; throws usage_error (program_error) with its diagnostics.
  std::shared_ptr<const lang::compiled_program> (*compile)(const run_request& request);
  /// Starts the run's program as the root task of `result.rt`, keeping what it needs in
  /// `result.program`.
  void (*start)(run_result& result, const checked_run& run);
};
void set_program_host(const program_host* host);

/// Runs a checked request to its end.
run_result execute(const checked_run& run);

/// Starts a checked request without running it, for hosts that run it in slices with `resume`.
run_result start(const checked_run& run);

/// Runs at most `max_steps` more steps of a started run. Returns true once it has ended, with
/// `outcome` and `message` set; the trace is the same as `execute`'s whatever the slices.
bool resume(run_result& run, std::uint64_t max_steps);

/// Validates `request` (throws usage_error) and runs it to its end.
run_result run_example(const run_request& request);

}  // namespace wakeline::examples
