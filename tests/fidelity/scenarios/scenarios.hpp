// The fidelity scenarios written against Wakeline's API. Each one mirrors, statement for
// statement, the function of the same name in tests/fidelity/tokio/src/scenarios.rs, so that
// both runtimes spawn the same tasks in the same order (the root is task 1, each spawn takes the
// next id) and their poll sequences can be compared line by line.
#pragma once

#include <span>
#include <string_view>

#include "async.hpp"

namespace wakeline::fidelity {

/// One scenario: its name (as in the Rust program) and the root future's factory.
struct scenario {
  std::string_view name;
  async<void> (*root)();
};

/// The scheduler's scenarios, in the order the Rust program runs them (scenarios.cpp).
std::span<const scenario> scenarios();

/// The primitives' and macros' scenarios, run after those (primitives.cpp).
std::span<const scenario> primitive_scenarios();

}  // namespace wakeline::fidelity
