// Lowering: the syntax tree of a checked program becomes code for the interpreter. Each `fn`
// becomes a function; each `async fn` and `async` block becomes a state machine, as rustc
// lowers them (compiler/rustc_mir_transform/src/coroutine.rs): state 0 unresumed, 1 returned,
// 2 poisoned (it panicked), and one suspend state per `.await`, from 3 in source order, keeping
// the locals that are live across that await. Names are resolved here, through the program's
// `use` lines, to locals, functions, structs and the builtins of the runtime.
#pragma once

#include "ast.hpp"
#include "bytecode.hpp"
#include "diagnostic.hpp"
#include "source.hpp"

namespace wakeline::lang {

/// Lowers `p` (parsed and checked from `source`); what cannot be lowered goes to `out` as an
/// error, and the code is then not to be run.
program_code lower(const source_file& source, const program& p, diagnostics& out);

}  // namespace wakeline::lang
