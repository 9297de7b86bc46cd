// What the compiler made of each `async fn` and `async` block: its state machine, as rustc
// lays it out (state 0 unresumed, 1 returned, 2 poisoned, then one suspend state per `.await`)
// with the locals each state keeps. `wakeline states` prints it; the page shows it beside the
// editor and highlights the state a task's future is in.
#pragma once

#include <string>

#include "program.hpp"

namespace wakeline::lang {

/// The state machines of `p`, for a reader: one block per async body.
std::string states_text(const compiled_program& p);

/// The same as JSON (docs/language.md, "The state machines").
std::string states_json(const compiled_program& p);

}  // namespace wakeline::lang
