// Use after move, found before the run: a local known to own its value (a String, a Vec, a
// channel's sender, a join handle, a future) that is moved away (into a call, a task, another
// local) and then used again on some path is an error, in rustc's words (`use of moved value`,
// `borrow of moved value`). Locals whose type lowering cannot tell are left to the run, where
// the same mistake panics with the local's name.
#pragma once

#include "bytecode.hpp"
#include "diagnostic.hpp"

namespace wakeline::lang {

/// Reports in `out` each first use of a moved local of `f`.
void check_moves(const function_code& f, diagnostics& out);

}  // namespace wakeline::lang
