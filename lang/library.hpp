// The library a program sees: Tokio's functions and types, the standard library's, and the
// prelude's `work`, on Wakeline's runtime. Builtins are called by path (builtins.hpp); methods
// are found on the receiver, as Rust's method resolution finds them on its type.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "builtins.hpp"
#include "interpreter.hpp"
#include "value.hpp"

namespace wakeline::lang {

/// The arguments of a call, where the caller keeps them (its operand stack); the callee may
/// move them out.
using arguments = std::span<value>;

/// Calls builtin `b` with `args`.
value call_builtin(interpreter& in, builtin b, arguments args, const call_site& where);

/// Calls method `name` of the standard library or the runtime on `receiver`.
value call_library_method(interpreter& in, std::string_view name, const value& receiver,
                          arguments args, const call_site& where);

/// The future of `join!` over `futures`: ready with the tuple of their outputs.
value make_join(value_list futures);

/// The future of `select!` over `futures` (unit for a disabled branch); `tests[i]` is the
/// function (index + 1) that says whether branch i's output matches its pattern, or 0. Ready
/// with `(branch, output)`, or `(n, ())` once every branch is disabled.
value make_select(value_list futures, std::vector<std::uint32_t> tests, bool biased);

/// The context of a poll, as a hand-written `poll` receives it; valid during that poll only.
value make_context(context& cx);
/// Ends the context's life: a `cx` kept past its poll is an error to use.
void expire_context(const value& cx);

/// Iterates `v` (a range or a Vec): the iterator `for` keeps.
value make_iterator(const interpreter& in, value v, span where);
/// The iterator's next item, or false when it is done.
bool iterator_next(const interpreter& in, value& iterator, value& item, span where);

}  // namespace wakeline::lang
