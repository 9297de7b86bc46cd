// Which locals a suspend state keeps: those live across its `.await`, read (or dropped) on some
// path after the await before being written again. rustc decides the fields of each state of
// a coroutine the same way (compiler/rustc_mir_transform/src/coroutine.rs, `locals_live_across_
// suspend_points`); a local moved away or dead by then takes no room in that state.
#pragma once

#include "bytecode.hpp"

namespace wakeline::lang {

/// Fills `kept` of each of `f`'s suspend points.
void compute_suspend_liveness(function_code& f);

}  // namespace wakeline::lang
