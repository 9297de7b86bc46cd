// The checker: what rustc would refuse in a program that parses, before it runs. Today it
// knows where `.await` may stand, that a program has a `main` and which `main` may be `async`,
// and what an integer literal may be; name resolution and moves are to come
// (docs/language.md). Every finding is a diagnostic in rustc's words; none stops the others.
#pragma once

#include "ast.hpp"
#include "diagnostic.hpp"
#include "source.hpp"

namespace wakeline::lang {

/// Checks `p` (parsed from `source`); problems go to `out`.
void check(const source_file& source, const program& p, diagnostics& out);

}  // namespace wakeline::lang
