// Compiles and runs a program of the language on a runtime, for tests: how the run ended, why
// the root task failed, and what the program printed.
#pragma once

#include <gtest/gtest.h>

#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "lang/program.hpp"
#include "runtime.hpp"

namespace wakeline::lang::testing {

struct program_run {
  run_outcome outcome = run_outcome::completed;
  std::string error;   ///< The root task's failure, when it failed
  std::string output;  ///< Everything printed, stdout and stderr in order
  /// Each pending poll's await point, as "line:state" (the poll_end's line and state).
  std::vector<std::string> suspensions;
};

inline std::shared_ptr<const compiled_program> compile_or_fail(const std::string& text) {
  diagnostics problems;
  std::shared_ptr<const compiled_program> p = compile_program("main.rs", text, problems);
  for (const diagnostic& d : problems.all()) {
    ADD_FAILURE() << render(d, source_file("main.rs", text));
  }
  return p;
}

inline program_run run_program(const std::string& text,
                               strategy_kind strategy = strategy_kind::local) {
  program_run result;
  auto program = compile_or_fail(text);
  if (program == nullptr) return result;
  program_instance instance(program, 0);
  instance.in.on_print = [&result](const printed_line& line) { result.output += line.text; };
  // The tasks point into the instance: the runtime is declared after it, to go first.
  runtime_options options;
  options.strategy = strategy;
  runtime rt(options);
  rt.start(instance.root(), "main");
  rt.resume(std::numeric_limits<std::uint64_t>::max());
  result.outcome = rt.outcome();
  for (const trace_event& e : rt.trace().events()) {
    if (e.kind == event_kind::poll_end && e.detail == static_cast<int>(poll_result::pending)) {
      result.suspensions.push_back(std::to_string(e.line) + ":" + std::to_string(e.ref));
    }
  }
  if (std::exception_ptr error = rt.root_error()) {
    try {
      std::rethrow_exception(error);
    } catch (const std::exception& e) {
      result.error = e.what();
    }
  }
  return result;
}

/// The body of an `async fn main` as a whole program.
inline std::string in_main(const std::string& body, const std::string& items = "") {
  return "use std::time::Duration;\nuse tokio::time::sleep;\nuse tokio::sync::mpsc;\n" + items +
         "#[tokio::main]\nasync fn main() {\n" + body + "\n}\n";
}

}  // namespace wakeline::lang::testing
