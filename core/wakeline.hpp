// Wakeline's public surface: everything a program using the runtime may name.
#pragma once

#include "async.hpp"
#include "context.hpp"
#include "future.hpp"
#include "join_handle.hpp"
#include "pending.hpp"
#include "poll.hpp"
#include "poll_fn.hpp"
#include "ready.hpp"
#include "runtime.hpp"
#include "spawn.hpp"
#include "time/sleep.hpp"
#include "trace/header.hpp"
#include "trace/ndjson_writer.hpp"
#include "waker.hpp"
#include "yield_now.hpp"
