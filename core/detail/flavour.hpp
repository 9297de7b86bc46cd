// Which rules the primitives follow right now: the running runtime's strategy decides
// (core/strategy.hpp, `primitives_of`). Outside a runtime they follow the textbook's.
#pragma once

#include "../runtime.hpp"

namespace wakeline::detail {

/// True when the runtime running on this thread wants Tokio 1.24's rules from its primitives.
inline bool tokio_primitives() {
  runtime* rt = runtime::try_current();
  return rt != nullptr && rt->primitives() == primitive_flavour::tokio;
}

}  // namespace wakeline::detail
