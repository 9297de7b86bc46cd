// Picks the coroutine library the compiler ships: <coroutine> with g++ and recent clang,
// <experimental/coroutine> with the clang 14 / libc++ that Debian's Emscripten uses.
#pragma once

#if __has_include(<coroutine>)
#include <coroutine>
namespace wakeline::detail::coro {
using std::coroutine_handle;
using std::noop_coroutine;
using std::suspend_always;
using std::suspend_never;
}  // namespace wakeline::detail::coro
#else
#include <experimental/coroutine>
namespace wakeline::detail::coro {
using std::experimental::coroutine_handle;
using std::experimental::noop_coroutine;
using std::experimental::suspend_always;
using std::experimental::suspend_never;
}  // namespace wakeline::detail::coro
#endif
