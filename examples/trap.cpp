// trap: a test-only example whose main task executes a trap instruction (or aborts), so the
// JavaScript API's recovery from a trapped WebAssembly instance can be tested. Unlisted: natively
// it kills the process, which is the point of a trap, so nothing but tests/wasm/ should run it.
#include <chrono>
#include <cstdlib>

#include "registry.hpp"

namespace {

using namespace wakeline;
using std::chrono::milliseconds;

// A few timer waits first, so the trace has events (and batches reach JS) before the trap.
async<void> wait_then_trap(const examples::param_values& params) {
  const auto steps = params.integer("steps");
  for (std::int64_t i = 0; i < steps; ++i) co_await sleep(milliseconds(1));
  // Emscripten turns abort() into its own abort path (a JS exception), not a wasm trap.
  if (params.flag("abort")) std::abort();
  __builtin_trap();
}

const bool registered = examples::register_example({
    .id = "trap",
    .title = "A task that traps",
    .topic = "pitfalls",
    .explanation =
        "Test-only: the main task waits on a few timers, then executes a trap instruction (or "
        "calls std::abort()). In WebAssembly the instance stops there; the JavaScript API ends "
        "the run with outcome error and makes a fresh instance for the next run.",
    .params = {{"steps", examples::param_type::integer, 3, 0, 1000,
                "how many 1 ms timers to await before the trap"},
               {"abort", examples::param_type::boolean, 0, 0, 1,
                "call std::abort() instead of executing a trap instruction"}},
    .main = wait_then_trap,
    .listed = false,
});

}  // namespace
