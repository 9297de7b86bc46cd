// The types of expressions, as far as what is written and what is called tells: a literal, a
// local whose type is known, a call of a function with its return type written, the standard
// library's and Tokio's constructors, the methods of their types, `.await` on a known future.
// Lowering asks for the type of each local it declares and of each future it awaits, for the
// state machines' layouts (layout.hpp). Anything else is `unknown`, never a guess.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ast.hpp"
#include "bytecode.hpp"
#include "static_type.hpp"

namespace wakeline::lang {

/// What typing needs from lowering: the locals in scope and the program's names.
class type_scope {
 public:
  virtual ~type_scope() = default;
  /// The type of the local named so, unknown when there is none.
  virtual static_type local(const std::string& name) = 0;
  /// The full path a written path stands for, through the `use` lines.
  virtual std::string expand(const std::vector<ident>& segments) const = 0;
  /// The program's function of that name: its index in program_code.
  virtual std::optional<std::uint32_t> function_named(const std::string& name) const = 0;
  /// The body an async block was lowered to, once it has been.
  virtual std::optional<std::uint32_t> async_block(const expr& e) const = 0;
  /// The program's struct of that name.
  virtual std::optional<std::uint32_t> struct_named(const std::string& name) const = 0;
  /// The program's constant of that name, unknown when there is none.
  virtual static_type constant(const std::string& name) const = 0;
  /// The struct `Self` stands for in a method, if any.
  virtual std::optional<std::uint32_t> self_struct() const = 0;
  /// The program lowered so far: struct fields, the outputs of async bodies.
  virtual const program_code& code() const = 0;
};

/// A type as written (`u64`, `Vec<String>`, `Arc<Mutex<u32>>`).
static_type type_from(const type_ref& t, const type_scope& scope);

/// The type of an expression's value.
static_type type_of(const expr& e, type_scope& scope);

/// What `.await` on a future of this type gives.
static_type output_of(const static_type& future, const program_code& code);

/// What a `for` loop over a value of this type holds between items, and each item.
static_type iterator_of(const static_type& iterable);
static_type item_of(const static_type& iterable);

/// Whether values of this type are Copy: reading one by value leaves it where it was.
bool is_copy(const static_type& t);

/// The part a pattern takes: a tuple's item; the payload of `Some`, `Ok`, `Err`, `Ready`.
static_type tuple_item_of(const static_type& tuple, std::size_t index);
static_type payload_of(const static_type& t, variant_tag tag);

/// The type as Rust spells it: `u64`, `Option<String>`, `Sleep`, `impl Future (`step`)`.
std::string rust_name(const static_type& t, const program_code& code);

}  // namespace wakeline::lang
