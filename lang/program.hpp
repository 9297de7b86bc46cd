// A program from text to something to run: lexed, parsed, checked and lowered, with its
// diagnostics; and the running of it, an interpreter whose main future is the root task.
// The CLI, the wasm module and the tests all come through here.
#pragma once

#include <memory>
#include <string>

#include "bytecode.hpp"
#include "diagnostic.hpp"
#include "interpreter.hpp"
#include "source.hpp"

namespace wakeline::lang {

/// A program that compiled: its text and its code, which a run reads for as long as it lasts.
struct compiled_program {
  source_file source;
  program_code code;
};

/// Every diagnostic of `source`: the lexer's and the parser's, then, once it parses, the
/// checker's and lowering's. A program with no error here can run.
diagnostics check_program(const source_file& source);

/// Compiles `text` (named `name` in messages); null when it has errors, which go to `out`.
std::unique_ptr<compiled_program> compile_program(std::string name, std::string text,
                                                  diagnostics& out);

/// A compiled program and the interpreter running it: what a run must keep alive until its
/// runtime is gone, since the trace and the tasks point into both.
struct program_instance {
  program_instance(std::shared_ptr<const compiled_program> p, std::uint64_t seed)
      : program(std::move(p)), in(program->code, program->source, seed) {}
  std::shared_ptr<const compiled_program> program;
  interpreter in;

  /// The root task's future: `main`'s.
  program_task root() { return program_task{&in, in.main_future()}; }
};

}  // namespace wakeline::lang
