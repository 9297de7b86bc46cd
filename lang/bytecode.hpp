// What lowering makes of a program: for each function, `async fn` and `async` block, a list of
// instructions for a stack machine, with its local slots and, for the async ones, its state
// machine: the suspend points (one per `.await`, as rustc numbers them) and the locals each
// keeps alive across its await.
//
// An instruction works on an operand stack and the frame's slots. A frame of an async body is
// a future: polling it runs from its saved program counter to the next `await` whose future is
// pending (the frame keeps its slots, its operand stack and the awaited future: the state), or
// to `ret`.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ast.hpp"
#include "source.hpp"
#include "static_type.hpp"
#include "value.hpp"

namespace wakeline::lang {

enum class opcode : std::uint8_t {
  constant,         ///< push constants[a]
  pop,              ///< drop the top
  dup,              ///< push a second reference to the top
  swap,             ///< exchange the two top values
  load,             ///< push slot a, shared (a borrow, a receiver)
  take,             ///< push slot a by value: moved out unless its value is Copy
  store,            ///< pop into slot a, dropping what it held (`let`, `=`)
  drop_slot,        ///< drop slot a (the end of its scope)
  jump,             ///< pc = a
  jump_if_false,    ///< pop a bool; pc = a when false
  jump_if_true,     ///< pop a bool; pc = a when true
  unary,            ///< a: unary_op
  binary,           ///< a: binary_op
  cast,             ///< a: int_type
  call,             ///< call function a with b arguments (a plain fn runs now; an async fn
                    ///< makes its future)
  call_builtin,     ///< builtin a (builtins.hpp) with b arguments
  call_method,      ///< method names[a] on the receiver under b arguments
  field,            ///< pop a struct (through Arc and guards), push field names[a]
  set_field,        ///< pop value, pop struct: struct.names[a] = value
  tuple_item,       ///< pop a tuple, push item a
  set_tuple_item,   ///< pop value, pop tuple: tuple.a = value
  index,            ///< pop index, pop vec: push vec[index]
  set_index,        ///< pop value, pop index, pop vec
  deref,            ///< `*x`: a guard's value, or the value itself
  set_deref,        ///< pop value, pop guard: *guard = value
  make_tuple,       ///< pop a items
  make_vec,         ///< pop a items
  make_vec_repeat,  ///< pop count, pop item: `vec![item; count]`
  make_struct,      ///< struct a, fields popped in declaration order
  make_variant,     ///< a: variant_tag; pops the payload for the tags that have one
  make_future,      ///< the future of async body a, capturing b values popped (its first slots)
  await_,           ///< pop a future; poll it until ready (suspend point a); push its output
  ret,              ///< pop the return value; end the frame
  is_variant,       ///< pop a value; push whether it is variant a
  payload,          ///< pop Some/Ok/Err/Ready; push its payload
  matches_const,    ///< pop a value; push whether it equals constants[a]
  in_range,      ///< pop a value; push whether constants[a] <= v <(=) constants[a+1]; b: inclusive
  format,        ///< formats[a] with b arguments popped: push a String
  print,         ///< pop a String; a: 0 stdout, 1 stderr; b: 1 adds a newline
  panic,         ///< pop a String: the task panics with it
  iterate,       ///< pop a range or a Vec: push an iterator
  next_or_jump,  ///< the iterator on top: push its next item, or pop it and jump to a
  try_,          ///< `?`: Ok/Some -> payload; Err/None -> return it from the frame
  join,          ///< pop a futures: push the future that awaits all (`join!`)
  select,        ///< pop a (future, pattern test) pairs: push a select over them (b: biased)
};

const char* to_string(opcode op);

struct instruction {
  opcode op;
  /// `await_`, `next_or_jump`: 1 drops the value instead of pushing it (a `pop` that followed,
  /// folded in by peephole.hpp).
  std::uint8_t discard = 0;
  std::uint32_t a = 0;
  std::uint32_t b = 0;
  span where;              ///< What a panic or a suspension here points at
  std::uint32_t line = 0;  ///< The line of `where`, for the trace, found once at lowering
};

/// A local of a body: a `let`, a parameter, a pattern binding, or a temporary of lowering
/// (named with a leading `$`, never shown as the reader's).
struct local_slot {
  std::string name;
  span declared;
  /// Known to hold a Copy value (an integer, a bool, a Duration): dropping it does nothing, so
  /// a state need not keep it only to drop it.
  bool trivial_drop = false;
  /// Known to own a value that is not Copy (a String, a sender, a future): moving it away and
  /// using it again is an error before the run (moves.hpp).
  bool owns = false;
  /// Its type, as far as lowering can tell (typing.hpp): for the states' layouts.
  static_type type;
  /// Where its storage begins when that is before its first mention: `let x = init;` evaluates
  /// `init` into x's place, so x has storage while `init` runs, across an await in it (MIR's
  /// StorageLive). No such instruction: UINT64_MAX.
  std::uint64_t storage_live = UINT64_MAX;
};

/// A value rustc keeps across an await that is no local of the program: part of what a macro
/// or an expression expands to. `name` says what it is, for a reader (`wakeline states`).
struct unnamed_value {
  std::string name;
  static_type type;
};

/// One `.await` of an async body: what the state machine calls a suspend state.
struct suspend_point {
  std::uint32_t state = 0;  ///< rustc's number: 3 for the first await, 4 for the next...
  span where;               ///< the `.await` expression
  std::uint32_t line = 0;
  std::vector<std::uint32_t> kept;  ///< slots live across this await: stored in the state
  static_type awaited;              ///< the future awaited, stored in the state too
  /// Temporaries rustc keeps across this await that are no local here: a matched value moved
  /// from, the left side of `a + b.await`, a `format!`'s pieces and its arguments' references
  /// when the await is inside one of its arguments, and what `join!` and `select!` keep.
  std::vector<unnamed_value> hidden;
};

enum class body_kind : std::uint8_t { function, async_function, async_block, poll_method };

struct function_code {
  std::string name;  ///< `main`, `worker`, `Countdown::poll`, `main::{async block#1}`
  body_kind kind = body_kind::function;
  span where;
  std::uint32_t params = 0;     ///< Slots 0..params are the arguments (or the captures)
  std::uint32_t max_stack = 0;  ///< The most values its operand stack holds at once
  std::vector<local_slot> slots;
  std::vector<instruction> code;
  std::vector<suspend_point> suspends;
  /// Integer types of the parameters and the return value, for literals passed to them.
  std::vector<int_type> param_types;
  int_type return_type = int_type::inferred;
  /// What the body gives: its return type as written; an async block's tail, as typed.
  static_type output;

  bool is_async() const {
    return kind == body_kind::async_function || kind == body_kind::async_block;
  }
};

struct struct_code {
  std::string name;
  std::vector<std::string> fields;
  std::vector<int_type> field_types;
  std::vector<static_type> field_static_types;
  bool copy = false;          ///< `#[derive(Clone, Copy)]`
  std::int32_t poll_fn = -1;  ///< its `impl Future`'s poll, when it has one
  std::vector<std::pair<std::string, std::uint32_t>> methods;  ///< from `impl Type`
};

/// A `format!`-style string: literal pieces and, between them, arguments with their spec.
struct format_piece {
  std::string text;           ///< literal text before the argument
  bool has_argument = false;  ///< false for the last piece
  bool debug = false;         ///< `{:?}`
  std::uint32_t width = 0;
  bool explicit_align = false;  ///< without one, strings align left and numbers right
  char align = '<';             ///< `<`, `>` or `^`
  char fill = ' ';
  bool zero_pad = false;
};

struct format_spec {
  std::vector<format_piece> pieces;
};

struct program_code {
  std::vector<function_code> functions;
  std::vector<struct_code> structs;
  value_list constants;
  std::vector<std::string> names;  ///< field and method names, interned
  std::vector<format_spec> formats;
  std::int32_t main = -1;
};

}  // namespace wakeline::lang
