// What only builds with the language have: the text of each example's program in the language
// (examples/programs/NAME.rs), embedded by the build.
#pragma once

#include <string_view>

#include "registry.hpp"

namespace wakeline::examples {

/// The text of `e`'s program in the language, or empty when it has none.
std::string_view example_program_text(const example& e);

}  // namespace wakeline::examples
