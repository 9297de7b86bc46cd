// The syntax tree the parser builds: Rust's items, statements, expressions, patterns and types,
// for the subset. Every node has its span. Nodes own their children (unique_ptr); the tree is
// built once and read by the later stages, never changed.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "source.hpp"

namespace wakeline::lang {

struct expr;
struct pattern;
struct block;
using expr_ptr = std::unique_ptr<expr>;
using pattern_ptr = std::unique_ptr<pattern>;

struct ident {
  std::string name;
  lang::span span;
};

/// A type as written: `u32`, `Vec<String>`, `&mut Context<'_>`, `Pin<&mut Self>`, `()`, `(u32,
/// bool)`.
enum class type_kind { path, reference, tuple, impl_trait };

struct type_binding;

struct type_ref {
  type_kind kind = type_kind::path;
  std::vector<ident> path;             ///< kind::path and impl_trait: `std::sync::Arc`, `Future`
  std::vector<type_ref> args;          ///< Generic arguments; the referent; the tuple's items
  std::vector<type_binding> bindings;  ///< `Output = u32` in `impl Future<...>`
  bool mutable_reference = false;
  lang::span span;
};

/// `Output = u32` among generic arguments.
struct type_binding {
  ident name;
  type_ref value;
};

/// A path in an expression or a pattern: `tx`, `tokio::spawn`, `Poll::Ready`, `Vec::<u32>::new`.
struct path_ref {
  std::vector<ident> segments;
  std::vector<type_ref> generics;  ///< A turbofish's arguments, wherever it stood
  lang::span span;
};

enum class pattern_kind {
  wildcard,      ///< `_`
  binding,       ///< `x`, `mut x`, `ref x` (ref is refused by the checker)
  literal,       ///< `3`, `-1`, `"text"`, `true`
  range,         ///< `1..=5`
  tuple,         ///< `(a, _)`
  tuple_struct,  ///< `Some(x)`, `Poll::Ready(v)`, `Err(e)`
  path,          ///< `None`, `Poll::Pending`
  alternatives,  ///< `1 | 2`
  rest,          ///< `..` inside a tuple pattern
};

struct pattern {
  pattern_kind kind = pattern_kind::wildcard;
  ident name;                      ///< binding
  bool is_mut = false;             ///< binding
  path_ref path;                   ///< tuple_struct, path
  expr_ptr literal;                ///< literal; range start
  expr_ptr range_end;              ///< range
  bool inclusive = false;          ///< range
  std::vector<pattern_ptr> items;  ///< tuple, tuple_struct, alternatives
  lang::span span;
};

struct match_arm {
  pattern_ptr pat;
  expr_ptr guard;  ///< `if cond`, or null
  expr_ptr body;
  lang::span span;
};

/// One branch of `tokio::select!`: `pattern = future => handler`, or `else => handler`.
struct select_branch {
  pattern_ptr pat;  ///< null for `else`
  expr_ptr future;  ///< null for `else`
  expr_ptr guard;   ///< `, if cond` before `=>`, or null
  expr_ptr handler;
  lang::span span;
};

enum class unary_op { negate, not_, deref, ref, ref_mut };
enum class binary_op {
  add,
  sub,
  mul,
  div,
  rem,
  bit_and,
  bit_or,
  bit_xor,
  shl,
  shr,
  eq,
  ne,
  lt,
  le,
  gt,
  ge,
  and_,
  or_,
};

struct field_init {
  ident name;
  expr_ptr value;  ///< null in the shorthand `Point { x, y }`
};

struct statement;

struct block {
  std::vector<statement> statements;
  expr_ptr tail;  ///< The last expression without `;`: the block's value, or null
  lang::span span;
};

enum class expr_kind {
  integer,
  string,
  boolean,
  unit,
  path,
  call,
  method_call,
  field,
  tuple_field,
  index,
  await_,
  try_,
  unary,
  binary,
  assign,
  compound_assign,
  cast,
  range,
  tuple,
  struct_literal,
  array,
  block,
  async_block,
  if_,
  if_let,
  match,
  while_,
  while_let,
  loop,
  for_,
  break_,
  continue_,
  return_,
  macro,  ///< println!, format!, vec!, panic!, assert!, tokio::join!, tokio::select!, ...
};

struct expr {
  expr_kind kind = expr_kind::unit;
  lang::span span;

  std::string text;     ///< integer: its digits as written; string: its value, escapes resolved
  bool braces = false;  ///< macro: written with `{ }`, so that as a statement it needs no `;`
  bool flag = false;    ///< boolean: its value; async_block: `move`; range: inclusive; macro
                        ///< `select!`: `biased;`
  path_ref path;        ///< path; struct_literal; macro's name
  ident name;           ///< method_call, field: the member; break/continue: no labels here
  type_ref type;        ///< cast
  unary_op unary = unary_op::negate;
  binary_op binary = binary_op::add;
  expr_ptr lhs;                 ///< receiver, callee, operand, condition, scrutinee, range start
  expr_ptr rhs;                 ///< binary right side, assigned value, index, range end, value
  std::vector<expr_ptr> items;  ///< call and macro arguments, tuple and array items
  std::unique_ptr<block> body;  ///< block, async_block, loops, then-branch
  expr_ptr else_branch;         ///< if/if let: an `else` block or another `if`
  pattern_ptr pat;              ///< if let, while let, for
  std::vector<match_arm> arms;
  std::vector<field_init> fields;
  std::vector<select_branch> branches;
  expr_ptr repeat_count;  ///< `vec![x; n]`
};

struct let_statement {
  pattern_ptr pat;
  std::optional<type_ref> type;
  expr_ptr init;
};

enum class statement_kind { let, expr, empty };

struct statement {
  statement_kind kind = statement_kind::empty;
  let_statement let;
  expr_ptr value;  ///< kind::expr
  bool has_semicolon = false;
  lang::span span;
};

struct attribute {
  std::vector<ident> path;  ///< `tokio::main`, `derive`, `allow`
  std::string arguments;    ///< The text between the parentheses, as written; empty for none
  lang::span span;
};

struct param {
  pattern_ptr pat;  ///< `x`, `mut x`; for `self`, a binding named "self"
  type_ref type;
  bool is_self = false;
  lang::span span;
};

struct function {
  std::vector<attribute> attributes;
  bool is_async = false;
  ident name;
  std::vector<param> params;
  std::optional<type_ref> return_type;
  block body;
  lang::span span;
};

struct struct_field {
  ident name;
  type_ref type;
};

struct struct_decl {
  std::vector<attribute> attributes;
  ident name;
  std::vector<struct_field> fields;  ///< Empty for a unit struct `struct Tick;`
  lang::span span;
};

/// `impl Type { fn... }` or `impl Future for Type { type Output = T; fn poll(...) }`.
struct impl_block {
  std::optional<type_ref> trait;
  type_ref self_type;
  std::vector<std::pair<ident, type_ref>> associated_types;
  std::vector<function> functions;
  lang::span span;
};

/// `use tokio::sync::mpsc;`, `use std::time::{Duration, Instant};`: the paths it brings in.
struct use_decl {
  std::vector<std::vector<ident>> paths;  ///< One per name brought in; a glob ends in "*"
  lang::span span;
};

/// `const STEPS: u32 = 3;`: a named value, used where it is named.
struct const_decl {
  ident name;
  type_ref type;
  expr_ptr value;
  lang::span span;
};

struct program {
  std::vector<use_decl> uses;
  std::vector<const_decl> constants;
  std::vector<function> functions;
  std::vector<struct_decl> structs;
  std::vector<impl_block> impls;
};

}  // namespace wakeline::lang
