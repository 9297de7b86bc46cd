// The interpreter: runs lowered code on Wakeline's runtime. A plain function runs to its end
// when called; an `async fn` or `async` block, when called, only makes a frame (state 0,
// unresumed) that is a future: each poll runs it from its saved state to the next `.await` of
// a future that is pending (it keeps its slots, its operand stack and that future, and returns
// `Poll::Pending`), or to its end (`Poll::Ready`). Every `.await` polls a real future of the
// core (a sleep, a channel's receive, a join handle) or another frame, so the trace is the
// runtime's own.
//
// Bounds: a poll may take `steps_per_poll` steps, a step being a jump back (a loop's next
// iteration) or the start of a body (a call): a loop that never awaits blocks its worker, so
// the run ends and says where (counting only those keeps straight-line code free of the
// check). Calls nest at most `max_call_depth` deep (deeper is a stack overflow, which panics
// the task, never the host).
#pragma once

#include <cstdint>
#include <functional>
#include <new>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "bytecode.hpp"
#include "core/context.hpp"
#include "core/poll.hpp"
#include "core/source_location.hpp"
#include "operand_stack.hpp"
#include "source.hpp"
#include "value.hpp"

namespace wakeline::lang {

/// A Rust panic in the program: the task ends with it, as a Tokio task does; `what()` is the
/// message as Rust prints it, with the place: `attempt to add with overflow, main.rs:12:5`.
class panic_error : public std::runtime_error {
 public:
  panic_error(std::string message, std::string location)
      : std::runtime_error(message + ", " + location), message_(std::move(message)) {}
  const std::string& message() const { return message_; }

 private:
  std::string message_;
};

/// A task that ran its whole step budget in one poll: the run stops.
class runaway_error : public panic_error {
 public:
  using panic_error::panic_error;
};

/// A line the program printed (`println!`, `eprintln!`, `print!`).
struct printed_line {
  std::string text;
  bool to_stderr = false;
};

struct interpreter_limits {
  std::uint64_t steps_per_poll = 1'000'000;
  std::uint32_t max_call_depth = 200;
};

class frame;
class interpreter;

/// Where a call is made: its span, for a panic's line and column, and its line, for the trace.
struct call_site {
  span where;
  std::uint32_t line = 0;
  operator span() const { return where; }  // NOLINT: a call site is where it is.
};

/// A value the program can `.await`, `spawn`, `join!` or `select!` on.
class future_object : public object {
 public:
  /// Any future answers `as<future_object>()`.
  static constexpr object_tag tag_of = object_tag::other_future;
  explicit future_object(object_tag t = object_tag::other_future) : object(t) {}
  /// Polls once: true with `out` set when ready.
  virtual bool poll(interpreter& in, context& cx, value& out) = 0;
};

class interpreter {
 public:
  interpreter(const program_code& code, const source_file& source, std::uint64_t seed,
              interpreter_limits limits = {});

  /// The future of `main` (an `async fn main`'s frame, or a future that calls a plain `main`).
  value main_future();

  /// Polls `future` (a frame, a struct with `impl Future`, a future of the runtime).
  bool poll_future(const value& future, context& cx, value& out);
  /// Calls function `index` with `args` (moved from) now; for an async fn, makes its future.
  value call(std::uint32_t index, std::span<value> args, span where);

  /// Panics the running task with `message`, at `where`.
  [[noreturn]] void panic(span where, const std::string& message) const;
  /// Where `where` is, for the runtime's trace: the program's name and line.
  source_location location(span where) const;
  source_location location(const call_site& site) const {
    return {source_.name().c_str(), site.line};
  }
  std::string describe_location(span where) const;

  /// Starts a task's poll: its step budget is full again.
  void begin_task_poll() { steps_left_ = limits_.steps_per_poll; }

  const program_code& code() const { return code_; }
  const source_file& source() const { return source_; }
  /// The run's random numbers (where `select!` starts polling), from its seed.
  std::uint64_t next_random();

  /// Where `println!` goes besides the trace's `output` events; by default, nowhere else.
  std::function<void(const printed_line&)> on_print;
  /// What `println!` and its kin do: an `output` event of the running task, then `on_print`.
  void print(std::string text, bool to_stderr, const call_site& where);

  /// Runs `f` until it returns (true, its value in `out`) or awaits a pending future (false).
  bool run(frame& f, context* cx, value& out);

 private:
  friend class frame;
  bool resume(frame& f, context* cx, value& out);
  // Places an instruction reads or writes, through Arcs and guards.
  value* field(value& base, const std::string& name, span where) const;
  value* tuple_item(value& base, std::uint32_t index, span where) const;
  value* element(value& base, const value& index, span where) const;
  value call_method(const std::string& name, const value& receiver, std::span<value> args,
                    const call_site& where);

  enum class quick_method : std::uint8_t { none, unwrap, push };
  bool call_quick_method(quick_method m, operand_stack& stack, std::size_t receiver,
                         std::uint32_t args);

  const program_code& code_;
  const source_file& source_;
  std::vector<quick_method> quick_methods_;  ///< By name index: the methods done in place
  interpreter_limits limits_;
  std::uint64_t random_state_;
  std::uint64_t steps_left_ = 0;

  /// Counts a step of the poll's budget; past it, the run ends (runaway_error).
  void count_step(span where) {
    if (--steps_left_ == 0) runaway(where);
  }
  [[noreturn, gnu::cold]] void runaway(span where) const;
  std::uint32_t depth_ = 0;
};

/// The frame of a body: its slots and operand stack, where it stands, and, suspended, the
/// future it awaits. An async body's frame is the future the program holds. A frame, its
/// slots and the room of its operand stack are one block, as a coroutine frame is.
class frame final : public future_object {
 public:
  static constexpr object_tag tag_of = object_tag::frame;
  enum class state : std::uint8_t { unresumed, suspended, returned, poisoned };

  /// A frame of `code` whose first slots are `args`, moved from.
  static frame* make(const function_code& code, std::span<value> args);
  /// Destroys the frame and gives back its whole block, whose size its code gives.
  static void operator delete(frame* f, std::destroying_delete_t);
  ~frame() override;
  std::string type_name() const override;
  bool poll(interpreter& in, context& cx, value& out) override;

  const function_code& code;
  std::span<value> slots;
  operand_stack stack;
  std::uint32_t pc = 0;
  state where = state::unresumed;
  value awaitee;  ///< The future of the `.await` it is suspended at
  bool awaiting = false;
  std::uint32_t suspend = 0;  ///< Which suspend point, while suspended

 private:
  frame(const function_code& code, std::span<value> args, value* room);
  static std::size_t block_bytes(const function_code& code);
};

/// What a task of the runtime runs: a program future, polled through the interpreter.
struct program_task {
  interpreter* in;
  value future;
  wakeline::poll<value> poll(context& cx);
};

}  // namespace wakeline::lang
