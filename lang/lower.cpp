#include "lower.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "builtins.hpp"
#include "format_string.hpp"
#include "liveness.hpp"
#include "moves.hpp"
#include "objects.hpp"
#include "peephole.hpp"
#include "typing.hpp"

namespace wakeline::lang {

namespace {

std::string join_path(const std::vector<ident>& segments, std::size_t from = 0) {
  std::string out;
  for (std::size_t i = from; i < segments.size(); ++i) {
    if (!out.empty()) out += "::";
    out += segments[i].name;
  }
  return out;
}

std::optional<int_type> integer_type_named(std::string_view name) {
  if (name == "i32") return int_type::i32;
  if (name == "i64") return int_type::i64;
  if (name == "u32") return int_type::u32;
  if (name == "u64") return int_type::u64;
  if (name == "usize") return int_type::usize;
  return std::nullopt;
}

int_type integer_type_of(const type_ref& t) {
  if (t.kind == type_kind::path && t.path.size() == 1) {
    if (auto it = integer_type_named(t.path[0].name)) return *it;
  }
  return int_type::inferred;
}

// Which variant a path names in an expression or a pattern: `Some`, `Option::None`,
// `Poll::Ready`, `std::task::Poll::Pending`.
std::optional<variant_tag> variant_named(const std::vector<ident>& segments) {
  const std::string& last = segments.back().name;
  const std::string owner = segments.size() >= 2 ? segments[segments.size() - 2].name : "";
  if (owner.empty() || owner == "Option") {
    if (last == "Some") return variant_tag::some;
    if (last == "None") return variant_tag::none;
  }
  if (owner.empty() || owner == "Result") {
    if (last == "Ok") return variant_tag::ok;
    if (last == "Err") return variant_tag::err;
  }
  if (owner == "Poll") {
    if (last == "Ready") return variant_tag::ready;
    if (last == "Pending") return variant_tag::pending;
  }
  return std::nullopt;
}

bool variant_has_payload(variant_tag tag) {
  return tag != variant_tag::none && tag != variant_tag::pending;
}

// How an operand is read: by value moves a local that is not Copy (a `let` initialiser, an
// argument); by reference shares it (a receiver, an operand of `==`, a format argument).
enum class mode { by_value, by_ref };

struct label {
  std::vector<std::size_t> patches;  ///< Jumps waiting for the address
  std::int64_t address = -1;
};

struct loop_context {
  bool is_loop = false;  ///< `loop`: `break value` leaves a value; the others leave ()
  label* break_to = nullptr;
  label* continue_to = nullptr;
  std::size_t scope_depth = 0;
  std::int64_t stack_depth = 0;
};

// One body being lowered: a function, an async fn, an async block or a poll method.
struct body_context {
  body_context(program_code& p, std::uint32_t index) : program(&p), function_index(index) {}
  /// By index: lowering a nested async block adds functions, which may move the others.
  function_code& code() const { return program->functions[function_index]; }
  program_code* program;
  std::uint32_t function_index;
  body_context* parent = nullptr;  ///< The body an async block is written in
  struct capture {
    std::uint32_t outer_slot;
    std::uint32_t inner_slot;
  };
  std::vector<capture> captures;
  std::vector<std::vector<std::pair<std::string, std::uint32_t>>> scopes;
  std::vector<loop_context> loops;
  std::int64_t depth = 0;  ///< Values on the operand stack, as lowering counts them
  std::uint32_t async_blocks = 0;
};

/// Instructions times locals of one body, at most: 16 M bits per analysis, 2 MB.
constexpr std::uint64_t max_analysis_cells = std::uint64_t{16} << 20;

class lowering : public type_scope {
 public:
  lowering(const source_file& source, const program& p, diagnostics& out)
      : source_(source), program_(p), out_(out) {}

  program_code run() {
    read_uses();
    declare_constants();
    declare_structs();
    declare_functions();
    for (const pending_body& b : bodies_) lower_body(b);
    for (function_code& f : code_.functions) {
      // The analyses below keep a set of locals per instruction: bounded, so that no program
      // text can make them take the host's memory or time.
      const std::uint64_t cells = static_cast<std::uint64_t>(f.code.size()) * f.slots.size();
      if (cells > max_analysis_cells) {
        out_.error(f.where,
                   "`" + f.name +
                       "` is too large to compile here: " + std::to_string(f.code.size()) +
                       " instructions and " + std::to_string(f.slots.size()) + " locals",
                   "split it into smaller functions");
        continue;
      }
      check_moves(f, out_);
      simplify(f, unit_constant_);
      if (f.is_async()) compute_suspend_liveness(f);
    }
    return std::move(code_);
  }

 private:
  struct pending_body {
    const function* fn;
    std::uint32_t index;
    std::int32_t self_struct;  ///< For methods: the struct of `self`
  };

  // ---- names ----

  void read_uses() {
    for (const use_decl& u : program_.uses) {
      for (const std::vector<ident>& path : u.paths) {
        if (path.empty()) continue;
        if (path.back().name == "*") {
          globs_.push_back(join_path({path.begin(), path.end() - 1}));
          continue;
        }
        std::vector<ident> full = path;
        if (full.back().name == "self" && full.size() >= 2) full.pop_back();
        uses_[full.back().name] = join_path(full);
      }
    }
  }

  // The full path a written path stands for: its first segment through the `use` lines.
  std::string expand(const std::vector<ident>& segments) const override {
    auto it = uses_.find(segments[0].name);
    if (it == uses_.end()) return join_path(segments);
    std::string rest = join_path(segments, 1);
    return rest.empty() ? it->second : it->second + "::" + rest;
  }

  std::optional<builtin> resolve_builtin(const std::vector<ident>& segments) const {
    if (auto b = find_builtin(expand(segments))) return b;
    for (const std::string& glob : globs_) {
      if (auto b = find_builtin(glob + "::" + join_path(segments))) return b;
    }
    return std::nullopt;
  }

  void declare_constants() {
    for (const const_decl& c : program_.constants) {
      if (!constants_.emplace(c.name.name, &c).second) {
        out_.error(c.name.span, "the name `" + c.name.name + "` is defined multiple times");
      }
    }
  }

  // A `const` is its expression, lowered where it is named.
  bool lower_constant(const std::string& name) {
    auto it = constants_.find(name);
    if (it == constants_.end()) return false;
    const const_decl& c = *it->second;
    if (constant_depth_ >= 16) {
      out_.error(c.name.span, "cycle detected when evaluating the constant `" + name + "`");
      push_unit();
      return true;
    }
    ++constant_depth_;
    lower_expr(*c.value, mode::by_value);
    --constant_depth_;
    const int_type t = integer_type_of(c.type);
    if (t != int_type::inferred) emit(opcode::cast, static_cast<std::uint32_t>(t), 1);
    return true;
  }

  void declare_structs() {
    for (const struct_decl& s : program_.structs) {
      struct_code sc;
      sc.name = s.name.name;
      for (const struct_field& f : s.fields) {
        sc.fields.push_back(f.name.name);
        sc.field_types.push_back(integer_type_of(f.type));
      }
      for (const attribute& a : s.attributes) {
        if (a.path.size() == 1 && a.path[0].name == "derive" &&
            a.arguments.find("Copy") != std::string::npos) {
          sc.copy = true;
        }
      }
      if (struct_index_.count(sc.name)) {
        out_.error(s.name.span, "the name `" + sc.name + "` is defined multiple times");
        continue;
      }
      struct_index_[sc.name] = static_cast<std::uint32_t>(code_.structs.size());
      code_.structs.push_back(std::move(sc));
    }
    // Field types once every struct has its index: a field may be another struct.
    for (const struct_decl& s : program_.structs) {
      auto it = struct_index_.find(s.name.name);
      if (it == struct_index_.end()) continue;
      struct_code& sc = code_.structs[it->second];
      if (!sc.field_static_types.empty()) continue;
      for (const struct_field& f : s.fields)
        sc.field_static_types.push_back(type_from(f.type, *this));
    }
  }

  std::uint32_t add_function(const function& f, body_kind kind, std::string name) {
    function_code fc;
    fc.name = std::move(name);
    fc.kind = kind;
    fc.where = f.span;
    fc.return_type = f.return_type ? integer_type_of(*f.return_type) : int_type::inferred;
    fc.output =
        f.return_type ? type_from(*f.return_type, *this) : static_type::of(static_type::kind::unit);
    for (const param& p : f.params) fc.param_types.push_back(integer_type_of(p.type));
    code_.functions.push_back(std::move(fc));
    return static_cast<std::uint32_t>(code_.functions.size() - 1);
  }

  void declare_functions() {
    for (const function& f : program_.functions) {
      if (function_index_.count(f.name.name)) {
        out_.error(f.name.span, "the name `" + f.name.name + "` is defined multiple times");
        continue;
      }
      const std::uint32_t index = add_function(
          f, f.is_async ? body_kind::async_function : body_kind::function, f.name.name);
      function_index_[f.name.name] = index;
      function_items_[index] = &f;
      if (f.name.name == "main") code_.main = static_cast<std::int32_t>(index);
      bodies_.push_back({&f, index, -1});
    }
    for (const impl_block& b : program_.impls) {
      const std::string type_name =
          b.self_type.path.empty() ? std::string() : b.self_type.path.back().name;
      auto it = struct_index_.find(type_name);
      if (it == struct_index_.end()) {
        out_.error(b.self_type.span, "cannot find type `" + type_name + "` in this scope");
        continue;
      }
      struct_code& sc = code_.structs[it->second];
      const bool is_future =
          b.trait && !b.trait->path.empty() && b.trait->path.back().name == "Future";
      if (b.trait && !is_future) {
        out_.error(b.trait->span, "only `impl Future for ...` is part of this subset");
        continue;
      }
      for (const function& f : b.functions) {
        const bool is_poll = is_future && f.name.name == "poll";
        if (is_future && !is_poll) {
          out_.error(f.name.span, "method `" + f.name.name + "` is not a member of trait `Future`");
          continue;
        }
        const body_kind kind = is_poll      ? body_kind::poll_method
                               : f.is_async ? body_kind::async_function
                                            : body_kind::function;
        const std::uint32_t index = add_function(f, kind, sc.name + "::" + f.name.name);
        if (is_poll) {
          sc.poll_fn = static_cast<std::int32_t>(index);
        } else {
          sc.methods.emplace_back(f.name.name, index);
        }
        function_index_[sc.name + "::" + f.name.name] = index;
        bodies_.push_back({&f, index, static_cast<std::int32_t>(it->second)});
      }
      if (is_future && sc.poll_fn < 0) {
        out_.error(b.span, "not all trait items implemented, missing: `poll`");
      }
    }
  }

  std::uint32_t name_id(const std::string& name) {
    auto it = name_ids_.find(name);
    if (it != name_ids_.end()) return it->second;
    const auto id = static_cast<std::uint32_t>(code_.names.size());
    code_.names.push_back(name);
    name_ids_.emplace(name, id);
    return id;
  }

  std::uint32_t constant(value v) {
    code_.constants.push_back(std::move(v));
    return static_cast<std::uint32_t>(code_.constants.size() - 1);
  }

  // ---- emitting ----

  static std::int64_t stack_effect(opcode op, std::uint32_t a, std::uint32_t b) {
    switch (op) {
      case opcode::constant:
      case opcode::dup:
      case opcode::load:
      case opcode::take:
        return 1;
      case opcode::pop:
      case opcode::store:
      case opcode::jump_if_false:
      case opcode::jump_if_true:
      case opcode::binary:
      case opcode::index:
      case opcode::ret:
      case opcode::print:
      case opcode::panic:
      case opcode::make_vec_repeat:
        return -1;
      case opcode::set_field:
      case opcode::set_tuple_item:
      case opcode::set_deref:
        return -2;
      case opcode::set_index:
        return -3;
      case opcode::call:
      case opcode::call_builtin:
      case opcode::make_future:
      case opcode::format:
        return 1 - static_cast<std::int64_t>(b);
      case opcode::call_method:
        return -static_cast<std::int64_t>(b);
      case opcode::make_tuple:
      case opcode::make_vec:
      case opcode::join:
        return 1 - static_cast<std::int64_t>(a);
      case opcode::select:
        return 1 - 2 * static_cast<std::int64_t>(a);
      case opcode::make_struct:
        return 1 - static_cast<std::int64_t>(b);
      case opcode::make_variant:
        return variant_has_payload(static_cast<variant_tag>(a)) ? 0 : 1;
      case opcode::next_or_jump:
        return 1;
      default:
        return 0;
    }
  }

  std::size_t emit(opcode op, std::uint32_t a = 0, std::uint32_t b = 0, span where = {}) {
    const std::uint32_t line = where.end > where.begin ? source_.line_of(where.begin) : 0;
    body_->code().code.push_back({op, 0, a, b, where, line});
    body_->depth += stack_effect(op, a, b);
    function_code& f = body_->code();
    // Calls push their arguments before popping them: the deepest point is before the effect.
    f.max_stack = std::max<std::uint32_t>(
        f.max_stack, static_cast<std::uint32_t>(std::max<std::int64_t>(body_->depth, 0)) + 1);
    return body_->code().code.size() - 1;
  }

  std::uint32_t here() const { return static_cast<std::uint32_t>(body_->code().code.size()); }

  void jump_to(opcode op, label& l, span where = {}) {
    const std::size_t at = emit(op, 0, 0, where);
    if (l.address >= 0) {
      body_->code().code[at].a = static_cast<std::uint32_t>(l.address);
    } else {
      l.patches.push_back(at);
    }
  }

  void place(label& l) {
    l.address = here();
    for (std::size_t at : l.patches)
      body_->code().code[at].a = static_cast<std::uint32_t>(l.address);
    l.patches.clear();
  }

  void push_unit() { emit(opcode::constant, unit_constant_); }

  // After a jump that never falls through (`return`, `break`), lowering goes on as if the
  // expression had left its value: the code that follows is never reached.
  void unreachable_value() { body_->depth += 1; }

  // ---- scopes and locals ----

  std::uint32_t new_slot(const std::string& name, span declared) {
    function_code& f = body_->code();
    f.slots.push_back({name, declared});
    return static_cast<std::uint32_t>(f.slots.size() - 1);
  }

  std::uint32_t declare(const ident& name) {
    const std::uint32_t slot = new_slot(name.name, name.span);
    body_->scopes.back().emplace_back(name.name, slot);
    return slot;
  }

  std::uint32_t temporary(const char* what, span where) {
    const std::uint32_t slot = new_slot(std::string("$") + what, where);
    body_->scopes.back().emplace_back(std::string("$") + what, slot);
    return slot;
  }

  void open_scope() { body_->scopes.emplace_back(); }

  // Drops the scope's locals in reverse order of declaration, as Rust does.
  void drop_scope_locals(std::size_t scope) {
    const auto& locals = body_->scopes[scope];
    for (auto it = locals.rbegin(); it != locals.rend(); ++it) emit(opcode::drop_slot, it->second);
  }

  void close_scope() {
    drop_scope_locals(body_->scopes.size() - 1);
    body_->scopes.pop_back();
  }

  static std::optional<std::uint32_t> find_local(const body_context& b, const std::string& name) {
    for (auto scope = b.scopes.rbegin(); scope != b.scopes.rend(); ++scope) {
      for (auto it = scope->rbegin(); it != scope->rend(); ++it) {
        if (it->first == name) return it->second;
      }
    }
    for (const auto& c : b.captures) {
      if (b.code().slots[c.inner_slot].name == name) return c.inner_slot;
    }
    return std::nullopt;
  }

  // A local of this body or, for an async block, of the bodies around it, captured then.
  std::optional<std::uint32_t> resolve_local(body_context& b, const std::string& name) {
    if (auto slot = find_local(b, name)) return slot;
    if (b.parent == nullptr) return std::nullopt;
    auto outer = resolve_local(*b.parent, name);
    if (!outer) return std::nullopt;
    function_code& f = b.code();
    f.slots.push_back({name, b.parent->code().slots[*outer].declared});
    f.slots.back().type = b.parent->code().slots[*outer].type;
    const auto inner = static_cast<std::uint32_t>(f.slots.size() - 1);
    b.captures.push_back({*outer, inner});
    return inner;
  }

  // ---- bodies ----

  void lower_body(const pending_body& pb) {
    const function& f = *pb.fn;
    body_context b(code_, pb.index);
    body_ = &b;
    self_struct_ = pb.self_struct;
    open_scope();
    for (const param& p : f.params) {
      if (p.pat && p.pat->kind == pattern_kind::binding) {
        const std::uint32_t slot = declare(p.pat->name);
        body_->code().slots[slot].trivial_drop = is_copy_type(p.type);
        body_->code().slots[slot].owns = !p.is_self && is_owned_type(p.type);
        body_->code().slots[slot].type = type_from(p.type, *this);
      } else {
        const std::uint32_t slot = temporary("arg", p.span);
        body_->code().slots[slot].type = type_from(p.type, *this);
        pending_param_patterns_.emplace_back(p.pat.get(), slot);
      }
    }
    b.code().params = static_cast<std::uint32_t>(b.code().slots.size());
    for (auto& [pat, slot] : pending_param_patterns_) bind_irrefutable(*pat, slot);
    pending_param_patterns_.clear();
    lower_block_value(f.body);
    finish_body(f.return_type ? integer_type_of(*f.return_type) : int_type::inferred);
    body_ = nullptr;
  }

  void finish_body(int_type return_type) {
    if (return_type != int_type::inferred)
      emit(opcode::cast, static_cast<std::uint32_t>(return_type));
    drop_all_scopes_keeping_top();
    emit(opcode::ret, 0, 0, body_->code().where);
  }

  void drop_all_scopes_keeping_top() {
    for (std::size_t s = body_->scopes.size(); s-- > 0;) drop_scope_locals(s);
  }

  // ---- statements and blocks ----

  // A block leaves its value: its tail, or () when it has none.
  void lower_block_value(const block& b) {
    open_scope();
    for (const statement& s : b.statements) lower_statement(s);
    if (b.tail && is_pin_macro(*b.tail) && b.tail->braces) {
      // `tokio::pin! { .. }` closing a block is a statement there, as in Rust.
      if (&b == output_of_block_)
        code_.functions[output_function_].output = static_type::of(static_type::kind::unit);
      lower_pin(*b.tail);
      push_unit();
    } else if (b.tail) {
      // An async block gives its tail's value: typed here, where the block's locals are.
      if (&b == output_of_block_)
        code_.functions[output_function_].output = type_of(*b.tail, *this);
      lower_expr(*b.tail, mode::by_value);
    } else {
      push_unit();
    }
    close_scope();
  }

  void lower_statement(const statement& s) {
    switch (s.kind) {
      case statement_kind::empty:
        return;
      case statement_kind::expr:
        if (is_pin_macro(*s.value)) {
          lower_pin(*s.value);
          return;
        }
        if (s.has_semicolon && makes_future(*s.value)) {
          out_.warning(s.value->span, "unused implementer of `Future` that must be used",
                       "futures do nothing unless you `.await` or poll them");
        }
        lower_expr(*s.value, mode::by_value);
        emit(opcode::pop);
        return;
      case statement_kind::let: {
        const let_statement& l = s.let;
        if (!l.init) {
          if (l.pat->kind != pattern_kind::binding) {
            out_.error(l.pat->span, "a `let` without a value must bind one name in this subset");
            return;
          }
          declare(l.pat->name);
          return;
        }
        // `let _ = x;` binds nothing and moves nothing.
        const std::uint64_t init_begin = here();
        lower_expr(*l.init, l.pat->kind == pattern_kind::wildcard ? mode::by_ref : mode::by_value);
        if (l.type) settle(*l.type);
        const static_type type = l.type ? type_from(*l.type, *this) : type_of(*l.init, *this);
        if (l.pat->kind == pattern_kind::binding) {
          // The initialiser is lowered before the name exists: `let x = x + 1` reads the old x.
          const std::uint32_t slot = declare(l.pat->name);
          body_->code().slots[slot].type = type;
          // Its storage is live while the initialiser runs (an await in it included).
          body_->code().slots[slot].storage_live = init_begin;
          body_->code().slots[slot].trivial_drop =
              (l.type && is_copy_type(*l.type)) || is_copy_expression(*l.init);
          body_->code().slots[slot].owns =
              (l.type && is_owned_type(*l.type)) || is_owned_expression(*l.init);
          emit(opcode::store, slot, 0, l.pat->span);
        } else if (l.pat->kind == pattern_kind::wildcard) {
          emit(opcode::pop);
        } else {
          const std::uint32_t t = new_slot("$let", l.pat->span);
          body_->code().slots[t].type = type;
          emit(opcode::store, t);
          bind_irrefutable(*l.pat, t);
          emit(opcode::drop_slot, t);
          if (makes_channel(*l.init)) mark_bindings_owned(*l.pat);
        }
        return;
      }
    }
  }

  // Whether an expression surely makes a future: a call of an async fn, an async block, or a
  // builtin that returns one (`sleep(d)`). Dropped at once as a statement, it never runs.
  bool makes_future(const expr& e) const {
    if (e.kind == expr_kind::async_block) return true;
    if (e.kind != expr_kind::call || e.lhs->kind != expr_kind::path) return false;
    const auto& segs = e.lhs->path.segments;
    auto f = function_index_.find(join_path(segs));
    if (f != function_index_.end()) return code_.functions[f->second].is_async();
    auto b = resolve_builtin(segs);
    return b && (*b == builtin::sleep || *b == builtin::sleep_until || *b == builtin::timeout ||
                 *b == builtin::timeout_at || *b == builtin::yield_now);
  }

  // Whether a written type owns a value that is not Copy: String, Vec, the channels' ends,
  // join handles, Arc, boxes, Tokio's locks, a struct without `#[derive(Copy)]`.
  bool is_owned_type(const type_ref& t) const {
    if (t.kind != type_kind::path || t.path.empty()) return t.kind == type_kind::impl_trait;
    const std::string& name = t.path.back().name;
    static const char* const owned[] = {
        "String", "Vec", "Sender", "UnboundedSender", "Receiver", "UnboundedReceiver", "JoinHandle",
        "Arc",    "Box", "Mutex",  "Semaphore",       "Notify",   "Interval",          "Waker"};
    for (const char* o : owned) {
      if (name == o) return true;
    }
    if (name == "Option" && t.args.size() == 1) return is_owned_type(t.args[0]);
    auto s = struct_index_.find(name);
    return s != struct_index_.end() && !code_.structs[s->second].copy;
  }

  // Whether an initialiser surely makes a value that is not Copy.
  bool is_owned_expression(const expr& e) const {
    switch (e.kind) {
      case expr_kind::async_block:
        return true;
      case expr_kind::macro: {
        const std::string& m = e.path.segments.back().name;
        return m == "format" || m == "vec";
      }
      case expr_kind::method_call:
        return e.name.name == "to_string" || e.name.name == "to_owned";
      case expr_kind::struct_literal: {
        auto s = struct_index_.find(e.path.segments.empty() ? "" : e.path.segments.back().name);
        return s != struct_index_.end() && !code_.structs[s->second].copy;
      }
      case expr_kind::call: {
        if (e.lhs->kind != expr_kind::path) return false;
        const auto& segs = e.lhs->path.segments;
        auto f = function_index_.find(join_path(segs));
        if (f != function_index_.end()) {
          const function_code& callee = code_.functions[f->second];
          return callee.is_async();
        }
        auto b = resolve_builtin(segs);
        if (!b) return false;
        switch (*b) {
          case builtin::spawn:
          case builtin::sleep:
          case builtin::sleep_until:
          case builtin::timeout:
          case builtin::timeout_at:
          case builtin::interval:
          case builtin::interval_at:
          case builtin::yield_now:
          case builtin::tokio_mutex_new:
          case builtin::semaphore_new:
          case builtin::notify_new:
          case builtin::std_mutex_new:
          case builtin::arc_new:
          case builtin::vec_new:
          case builtin::vec_with_capacity:
          case builtin::string_new:
          case builtin::string_from:
            return true;
          default:
            return false;
        }
      }
      default:
        return false;
    }
  }

  // `mpsc::channel(n)`, `mpsc::unbounded_channel()`, `oneshot::channel()`: both ends own.
  bool makes_channel(const expr& e) const {
    if (e.kind != expr_kind::call || e.lhs->kind != expr_kind::path) return false;
    auto b = resolve_builtin(e.lhs->path.segments);
    return b && (*b == builtin::mpsc_channel || *b == builtin::mpsc_unbounded ||
                 *b == builtin::oneshot_channel);
  }

  void mark_bindings_owned(const pattern& p) {
    if (p.kind == pattern_kind::binding) {
      if (auto slot = find_local(*body_, p.name.name)) body_->code().slots[*slot].owns = true;
    }
    for (const pattern_ptr& item : p.items) mark_bindings_owned(*item);
  }

  // Whether a written type is Copy: integers, bool, Duration, Instant, references.
  static bool is_copy_type(const type_ref& t) {
    if (t.kind == type_kind::reference) return true;
    if (t.kind == type_kind::tuple) {
      return std::all_of(t.args.begin(), t.args.end(),
                         [](const type_ref& a) { return is_copy_type(a); });
    }
    if (t.kind != type_kind::path || t.path.empty()) return false;
    const std::string& name = t.path.back().name;
    return integer_type_named(name).has_value() || name == "bool" || name == "Duration" ||
           name == "Instant" || name == "MissedTickBehavior";
  }

  // Whether an initialiser's value is surely Copy, without types: literals, arithmetic,
  // comparisons, casts, durations and instants, and Copy locals.
  bool is_copy_expression(const expr& e) {
    switch (e.kind) {
      case expr_kind::integer:
      case expr_kind::boolean:
      case expr_kind::string:  // A literal is a `&str`.
      case expr_kind::unit:
      case expr_kind::cast:
        return true;
      case expr_kind::unary:
        return e.unary != unary_op::deref && is_copy_expression(*e.lhs);
      case expr_kind::binary:
        return e.binary >= binary_op::eq ||
               (is_copy_expression(*e.lhs) && is_copy_expression(*e.rhs));
      case expr_kind::path: {
        if (auto b = resolve_builtin(e.path.segments); b && is_builtin_value(*b)) return true;
        if (e.path.segments.size() != 1) return false;
        if (constants_.count(e.path.segments[0].name)) return true;
        auto slot = find_local(*body_, e.path.segments[0].name);
        return slot && body_->code().slots[*slot].trivial_drop;
      }
      case expr_kind::call: {
        if (e.lhs->kind != expr_kind::path) return false;
        auto b = resolve_builtin(e.lhs->path.segments);
        return b && (*b == builtin::duration_from_secs || *b == builtin::duration_from_millis ||
                     *b == builtin::duration_from_micros || *b == builtin::duration_from_nanos ||
                     *b == builtin::instant_now);
      }
      case expr_kind::method_call: {
        const std::string& m = e.name.name;
        return m == "len" || m == "as_millis" || m == "as_micros" || m == "as_secs" ||
               m == "as_nanos" || m == "elapsed" || m == "is_some" || m == "is_none" ||
               m == "is_ok" || m == "is_err" || m == "is_finished" || m == "is_empty" ||
               m == "deadline" || m == "is_elapsed" || m == "period" || m == "missed_tick_behavior";
      }
      default:
        return false;
    }
  }

  // Fixes the integer type of the value on top from a written type (`let x: u64 = 5`).
  void settle(const type_ref& t) {
    const int_type it = integer_type_of(t);
    if (it != int_type::inferred) emit(opcode::cast, static_cast<std::uint32_t>(it), 1);
  }

  // ---- patterns ----

  // Tests whether slot `value_slot` matches `p`, binding its names; jumps to `fail` when not.
  void test_pattern(const pattern& p, std::uint32_t value_slot, label& fail) {
    switch (p.kind) {
      case pattern_kind::wildcard:
      case pattern_kind::rest:
        return;
      case pattern_kind::binding: {
        // An alternative's second spelling of a name binds the same local.
        std::uint32_t slot;
        auto& scope = body_->scopes.back();
        auto existing = std::find_if(scope.begin(), scope.end(),
                                     [&](const auto& e) { return e.first == p.name.name; });
        slot = existing != scope.end() && in_alternatives_ ? existing->second : declare(p.name);
        body_->code().slots[slot].type = body_->code().slots[value_slot].type;
        emit(opcode::load, value_slot);
        emit(opcode::store, slot, 0, p.span);
        return;
      }
      case pattern_kind::literal: {
        const auto c = literal_constant(*p.literal);
        if (!c) return;
        emit(opcode::load, value_slot);
        emit(opcode::matches_const, *c, 0, p.span);
        jump_to(opcode::jump_if_false, fail);
        return;
      }
      case pattern_kind::range: {
        const auto lo = literal_constant(*p.literal);
        const auto hi = p.range_end ? literal_constant(*p.range_end) : std::nullopt;
        if (!lo || !hi) return;
        if (*hi != *lo + 1) {
          out_.error(p.span, "internal: range bounds not adjacent");
          return;
        }
        emit(opcode::load, value_slot);
        emit(opcode::in_range, *lo, p.inclusive ? 1 : 0, p.span);
        jump_to(opcode::jump_if_false, fail);
        return;
      }
      case pattern_kind::tuple: {
        std::uint32_t index = 0;
        for (const pattern_ptr& item : p.items) {
          if (item->kind == pattern_kind::rest) {
            out_.error(item->span, "`..` in a tuple pattern is not part of this subset yet");
            return;
          }
          if (item->kind != pattern_kind::wildcard) {
            const std::uint32_t t = new_slot("$item", item->span);
            body_->code().slots[t].type =
                tuple_item_of(body_->code().slots[value_slot].type, index);
            emit(opcode::load, value_slot);
            emit(opcode::tuple_item, index);
            emit(opcode::store, t);
            test_pattern(*item, t, fail);
            // The bindings own the parts now: a temporary sharing them would keep a sender
            // alive past its binding's `drop`.
            emit(opcode::drop_slot, t);
          }
          ++index;
        }
        return;
      }
      case pattern_kind::tuple_struct:
      case pattern_kind::path: {
        const auto tag = variant_named(p.path.segments);
        // `MissedTickBehavior::Burst`: equal to the value the path names.
        if (auto b = resolve_builtin(p.path.segments);
            !tag && p.kind == pattern_kind::path && b && is_builtin_value(*b)) {
          emit(opcode::load, value_slot);
          emit(opcode::matches_const, builtin_value(*b), 0, p.span);
          jump_to(opcode::jump_if_false, fail);
          return;
        }
        if (!tag) {
          out_.error(p.path.span, "cannot find tuple struct or variant `" +
                                      join_path(p.path.segments) + "` in this scope");
          return;
        }
        emit(opcode::load, value_slot);
        emit(opcode::is_variant, static_cast<std::uint32_t>(*tag), 0, p.span);
        jump_to(opcode::jump_if_false, fail);
        if (p.kind == pattern_kind::tuple_struct) {
          if (!variant_has_payload(*tag) || p.items.size() != 1) {
            out_.error(p.span, "this pattern has " + std::to_string(p.items.size()) +
                                   " fields, but the corresponding variant has " +
                                   (variant_has_payload(*tag) ? "1 field" : "none"));
            return;
          }
          if (p.items[0]->kind != pattern_kind::wildcard) {
            const std::uint32_t t = new_slot("$payload", p.items[0]->span);
            body_->code().slots[t].type = payload_of(body_->code().slots[value_slot].type, *tag);
            emit(opcode::load, value_slot);
            emit(opcode::payload);
            emit(opcode::store, t);
            test_pattern(*p.items[0], t, fail);
            emit(opcode::drop_slot, t);
          }
        }
        return;
      }
      case pattern_kind::alternatives: {
        label matched;
        const bool outer = in_alternatives_;
        in_alternatives_ = true;
        for (std::size_t i = 0; i < p.items.size(); ++i) {
          if (i + 1 == p.items.size()) {
            test_pattern(*p.items[i], value_slot, fail);
          } else {
            label next;
            test_pattern(*p.items[i], value_slot, next);
            jump_to(opcode::jump, matched);
            place(next);
          }
        }
        in_alternatives_ = outer;
        place(matched);
        return;
      }
    }
  }

  // A pattern that cannot fail (`let (a, b) = ...`, a parameter): a refutable one is an error.
  void bind_irrefutable(const pattern& p, std::uint32_t slot) {
    label fail;
    test_pattern(p, slot, fail);
    if (!fail.patches.empty()) {
      label done;
      jump_to(opcode::jump, done);
      place(fail);
      out_.error(p.span, "refutable pattern in local binding",
                 "use `if let` or `match` for a pattern that may not match");
      place(done);
    }
  }

  std::optional<std::uint32_t> literal_constant(const expr& e) {
    if (e.kind == expr_kind::integer) return constant(integer_literal(e));
    if (e.kind == expr_kind::boolean) return constant(value::boolean(e.flag));
    if (e.kind == expr_kind::unary && e.unary == unary_op::negate && e.lhs &&
        e.lhs->kind == expr_kind::integer) {
      value v = integer_literal(*e.lhs);
      return constant(value::integer(~v.bits() + 1, v.type()));
    }
    out_.error(e.span, "only integer and boolean literals are patterns in this subset");
    return std::nullopt;
  }

  // ---- expressions ----

  value integer_literal(const expr& e) {
    // The checker has vetted the digits and the suffix.
    std::string digits;
    int base = 10;
    std::string_view t = e.text;
    if (t.size() > 2 && t[0] == '0' && (t[1] == 'x' || t[1] == 'o' || t[1] == 'b')) {
      base = t[1] == 'x' ? 16 : t[1] == 'o' ? 8 : 2;
      t.remove_prefix(2);
    }
    int_type type = int_type::inferred;
    for (const char* suffix : {"i32", "i64", "u32", "u64", "usize"}) {
      const std::string_view s(suffix);
      if (t.size() > s.size() && t.substr(t.size() - s.size()) == s &&
          !(base == 16 && s.size() == 3 && false)) {
        type = *integer_type_named(s);
        t.remove_suffix(s.size());
        break;
      }
    }
    std::uint64_t v = 0;
    for (char c : t) {
      if (c == '_') continue;
      const int d = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
      v = v * static_cast<std::uint64_t>(base) + static_cast<std::uint64_t>(d);
    }
    return value::integer(v, type);
  }

  void lower_expr(const expr& e, mode m) {
    switch (e.kind) {
      case expr_kind::integer:
        emit(opcode::constant, constant(integer_literal(e)));
        return;
      case expr_kind::string: {
        emit(opcode::constant, constant(make_string_constant(e.text)));
        return;
      }
      case expr_kind::boolean:
        emit(opcode::constant, constant(value::boolean(e.flag)));
        return;
      case expr_kind::unit:
        push_unit();
        return;
      case expr_kind::path:
        lower_path(e, m);
        return;
      case expr_kind::call:
        lower_call(e);
        return;
      case expr_kind::method_call: {
        if (lower_option_replacement(e)) return;
        check_timer_method(e);
        // `Sleep::reset` takes `self: Pin<&mut Self>`, and a method call does not reborrow a
        // pin for it: `s.reset(..)` on a pinned local moves the pin, as in Rust.
        if (e.name.name == "reset" && is_pin_of_sleep(*e.lhs)) {
          lower_expr(*e.lhs, mode::by_value);
        } else {
          borrowing(*e.lhs, [&] { lower_expr(*e.lhs, mode::by_ref); });
        }
        for (const expr_ptr& a : e.items) lower_expr(*a, mode::by_value);
        // `v.push(x)` tells what a `Vec::new()` holds.
        if (local_slot* v = local_named_by(*e.lhs);
            v != nullptr && e.name.name == "push" && e.items.size() == 1 &&
            v->type.k == static_type::kind::vec && !v->type.arg(0).known()) {
          v->type.args = {type_of(*e.items[0], *this)};
        }
        emit(opcode::call_method, name_id(e.name.name), static_cast<std::uint32_t>(e.items.size()),
             e.span);
        return;
      }
      case expr_kind::field:
        lower_expr(*e.lhs, mode::by_ref);
        emit(opcode::field, name_id(e.name.name), 0, e.span);
        return;
      case expr_kind::tuple_field:
        lower_expr(*e.lhs, mode::by_ref);
        emit(opcode::tuple_item, static_cast<std::uint32_t>(std::stoul(e.name.name)), 0, e.span);
        return;
      case expr_kind::index:
        lower_expr(*e.lhs, mode::by_ref);
        lower_expr(*e.rhs, mode::by_value);
        emit(opcode::index, 0, 0, e.span);
        return;
      case expr_kind::await_: {
        check_unpin(*e.lhs);
        lower_expr(*e.lhs, mode::by_value);
        emit_await(e.span, type_of(*e.lhs, *this));
        return;
      }
      case expr_kind::try_:
        lower_expr(*e.lhs, mode::by_value);
        emit(opcode::try_, 0, 0, e.span);
        return;
      case expr_kind::unary:
        lower_unary(e);
        return;
      case expr_kind::binary:
        lower_binary(e);
        return;
      case expr_kind::assign:
        lower_assign(e, false);
        return;
      case expr_kind::compound_assign:
        lower_assign(e, true);
        return;
      case expr_kind::cast: {
        lower_expr(*e.lhs, mode::by_value);
        const int_type t = integer_type_of(e.type);
        if (t == int_type::inferred) {
          out_.error(e.type.span, "only casts between integer types are part of this subset");
          return;
        }
        emit(opcode::cast, static_cast<std::uint32_t>(t), 0, e.span);
        return;
      }
      case expr_kind::range: {
        if (!e.lhs || !e.rhs) {
          out_.error(e.span, "a range needs both ends in this subset (`a..b`, `a..=b`)");
          push_unit();
          return;
        }
        lower_expr(*e.lhs, mode::by_value);
        lower_expr(*e.rhs, mode::by_value);
        emit(opcode::call_builtin,
             static_cast<std::uint32_t>(e.flag ? builtin::range_inclusive : builtin::range), 2,
             e.span);
        return;
      }
      case expr_kind::tuple:
        for (const expr_ptr& item : e.items) lower_expr(*item, mode::by_value);
        emit(opcode::make_tuple, static_cast<std::uint32_t>(e.items.size()), 0, e.span);
        return;
      case expr_kind::array:
        out_.error(e.span, "arrays are not part of this subset: use `vec![...]`");
        push_unit();
        return;
      case expr_kind::struct_literal:
        lower_struct_literal(e);
        return;
      case expr_kind::block:
        lower_block_value(*e.body);
        return;
      case expr_kind::async_block:
        lower_async_block(e);
        return;
      case expr_kind::if_:
        lower_if(e);
        return;
      case expr_kind::if_let:
        lower_if_let(e);
        return;
      case expr_kind::match:
        lower_match(e);
        return;
      case expr_kind::while_:
      case expr_kind::while_let:
      case expr_kind::loop:
        lower_loop(e);
        return;
      case expr_kind::for_:
        lower_for(e);
        return;
      case expr_kind::break_:
      case expr_kind::continue_:
        lower_break(e);
        return;
      case expr_kind::return_:
        if (e.rhs) {
          lower_expr(*e.rhs, mode::by_value);
        } else {
          push_unit();
        }
        if (body_->code().return_type != int_type::inferred) {
          emit(opcode::cast, static_cast<std::uint32_t>(body_->code().return_type), 1);
        }
        drop_all_scopes_keeping_top();
        emit(opcode::ret, 0, 0, e.span);
        unreachable_value();
        return;
      case expr_kind::macro:
        lower_macro(e);
        return;
    }
  }

  value make_string_constant(const std::string& text);

  /// An `.await` of a future of type `awaited`; `also_held`: what else rustc keeps across it
  /// that is no local of the program (what a macro's expansion keeps).
  void emit_await(span where, static_type awaited = {},
                  const std::vector<unnamed_value>& also_held = {}) {
    function_code& f = body_->code();
    if (!f.is_async()) {
      // The checker reports it; lowering leaves the operand as its value.
      return;
    }
    suspend_point sp;
    sp.state = static_cast<std::uint32_t>(3 + f.suspends.size());
    sp.where = where;
    sp.line = source_.at(where.end > 0 ? where.end - 1 : 0).line;
    sp.awaited = std::move(awaited);
    // Values rustc holds across this await that are no local here (layout.hpp): what the
    // code around the await keeps (a matched value moved from, the left side of `+`), and,
    // inside a `println!` or `format!` argument, the format string's pieces (a `&[&str]`) and a
    // reference to each argument before it.
    for (const unnamed_value& held : held_across_awaits_) sp.hidden.push_back(held);
    for (const unnamed_value& held : also_held) sp.hidden.push_back(held);
    for (std::uint32_t before : format_arguments_) {
      sp.hidden.push_back(
          {"the format string's pieces", static_type::of(static_type::kind::str_slice)});
      for (std::uint32_t k = 0; k < before; ++k) {
        sp.hidden.push_back(
            {"a reference to a format argument", static_type::of(static_type::kind::reference)});
      }
    }
    f.suspends.push_back(sp);
    emit(opcode::await_, static_cast<std::uint32_t>(f.suspends.size() - 1), 0, where);
  }

  void lower_path(const expr& e, mode m) {
    const auto& segs = e.path.segments;
    if (segs.size() == 1) {
      if (auto slot = resolve_local(*body_, segs[0].name)) {
        // A load marked 1 takes a reference, as rustc's borrow of the local (layout.hpp).
        const bool borrowed = m == mode::by_ref && (&e == borrow_root_ || borrow_named_);
        emit(m == mode::by_value ? opcode::take : opcode::load, *slot, borrowed ? 1 : 0, e.span);
        return;
      }
      if (lower_constant(segs[0].name)) return;
      auto s = struct_index_.find(segs[0].name);
      if (s != struct_index_.end() && code_.structs[s->second].fields.empty()) {
        emit(opcode::make_struct, s->second, 0, e.span);
        return;
      }
    }
    if (auto tag = variant_named(segs); tag && !variant_has_payload(*tag)) {
      emit(opcode::make_variant, static_cast<std::uint32_t>(*tag), 0, e.span);
      return;
    }
    if (auto b = resolve_builtin(segs); b && is_builtin_value(*b)) {
      emit(opcode::constant, builtin_value(*b), 0, e.span);
      return;
    }
    out_.error(e.path.span, "cannot find value `" + join_path(segs) + "` in this scope",
               "not found in this scope");
    push_unit();
  }

  void lower_arguments(const std::vector<expr_ptr>& args, const std::vector<int_type>* types) {
    for (std::size_t i = 0; i < args.size(); ++i) {
      lower_expr(*args[i], mode::by_value);
      if (types != nullptr && i < types->size() && (*types)[i] != int_type::inferred) {
        emit(opcode::cast, static_cast<std::uint32_t>((*types)[i]), 1);
      }
    }
  }

  void lower_call(const expr& e) {
    if (e.lhs->kind != expr_kind::path) {
      out_.error(e.lhs->span, "only functions named by a path can be called in this subset");
      push_unit();
      return;
    }
    const auto& segs = e.lhs->path.segments;
    const auto argc = static_cast<std::uint32_t>(e.items.size());
    if (auto tag = variant_named(segs)) {
      if (!variant_has_payload(*tag) || argc != 1) {
        out_.error(e.span,
                   "this enum variant takes " +
                       std::string(variant_has_payload(*tag) ? "1 argument" : "no arguments"));
        push_unit();
        return;
      }
      lower_expr(*e.items[0], mode::by_value);
      emit(opcode::make_variant, static_cast<std::uint32_t>(*tag), 0, e.span);
      return;
    }
    const std::string written = join_path(segs);
    if (segs.size() == 1 && resolve_local(*body_, segs[0].name)) {
      out_.error(e.lhs->span, "closures and function values are not part of this subset");
      push_unit();
      return;
    }
    auto f = function_index_.find(written);
    if (f != function_index_.end()) {
      const function_code& callee = code_.functions[f->second];
      const auto expected = callee.param_types.size();
      if (expected != argc) {
        out_.error(e.span, "this function takes " + std::to_string(expected) + " argument" +
                               (expected == 1 ? "" : "s") + " but " + std::to_string(argc) +
                               " argument" + (argc == 1 ? " was" : "s were") + " supplied");
      }
      lower_arguments(e.items, &callee.param_types);
      if (auto item = function_items_.find(f->second); item != function_items_.end()) {
        for (std::size_t i = 0; i < e.items.size() && i < item->second->params.size(); ++i) {
          learn_message_type(*e.items[i], type_from(item->second->params[i].type, *this));
        }
      }
      emit(opcode::call, f->second, argc, e.span);
      return;
    }
    if (auto b = resolve_builtin(segs)) {
      if (is_builtin_value(*b)) {
        out_.error(e.span, "expected function, found enum variant `" + join_path(segs) + "`",
                   "call expression requires function");
      } else if (*b == builtin::interval_at && argc == 2) {
        expect_type(*e.items[0], static_type::kind::instant);
        expect_type(*e.items[1], static_type::kind::duration);
      } else if (*b == builtin::timeout_at && argc == 2) {
        expect_type(*e.items[0], static_type::kind::instant);
      }
      lower_arguments(e.items, nullptr);
      emit(opcode::call_builtin, static_cast<std::uint32_t>(*b), argc, e.span);
      return;
    }
    out_.error(e.lhs->span, "cannot find function `" + written + "` in this scope",
               "not found in this scope");
    for (const expr_ptr& a : e.items) lower_expr(*a, mode::by_value);
    for (std::uint32_t i = 0; i < argc; ++i) emit(opcode::pop);
    push_unit();
  }

  void lower_unary(const expr& e) {
    switch (e.unary) {
      case unary_op::ref:
      case unary_op::ref_mut:
        borrowing(*e.lhs, [&] { lower_expr(*e.lhs, mode::by_ref); });
        return;
      case unary_op::deref:
        lower_expr(*e.lhs, mode::by_ref);
        emit(opcode::deref, 0, 0, e.span);
        return;
      default:
        lower_expr(*e.lhs, mode::by_value);
        emit(opcode::unary, static_cast<std::uint32_t>(e.unary), 0, e.span);
        return;
    }
  }

  // The slot a plain local's name stands for, when the expression is one.
  local_slot* local_named_by(const expr& x) {
    if (x.kind != expr_kind::path || x.path.segments.size() != 1) return nullptr;
    auto slot = find_local(*body_, x.path.segments[0].name);
    return slot ? &body_->code().slots[*slot] : nullptr;
  }

  // An integer local whose type only its uses fix (`let mut done = 0;`, later added to a
  // u64) takes the type of what it meets, as Rust's inference gives it.
  void refine_integer_types(const expr& a, const expr& b) {
    for (const auto& [x, y] : {std::pair(&a, &b), std::pair(&b, &a)}) {
      local_slot* s = local_named_by(*x);
      if (s == nullptr || s->type.k != static_type::kind::integer ||
          s->type.integer != int_type::inferred) {
        continue;
      }
      const static_type t = type_of(*y, *this);
      if (t.k == static_type::kind::integer && t.integer != int_type::inferred) s->type = t;
    }
  }

  void lower_binary(const expr& e) {
    refine_integer_types(*e.lhs, *e.rhs);
    if (e.binary == binary_op::and_ || e.binary == binary_op::or_) {
      label end;
      lower_expr(*e.lhs, mode::by_value);
      emit(opcode::dup);
      jump_to(e.binary == binary_op::and_ ? opcode::jump_if_false : opcode::jump_if_true, end);
      emit(opcode::pop);
      lower_expr(*e.rhs, mode::by_value);
      place(end);
      return;
    }
    // `a + b` on Strings consumes `a`; comparisons borrow both sides.
    const bool compares = e.binary >= binary_op::eq && e.binary <= binary_op::ge;
    lower_expr(*e.lhs, compares ? mode::by_ref : mode::by_value);
    // `a + b.await`: `a`'s value waits, in the state, for `b`.
    const static_type left = contains_await(*e.rhs) ? type_of(*e.lhs, *this) : static_type();
    holding(
        left.known() ? &left : nullptr, [&] { lower_expr(*e.rhs, mode::by_ref); },
        "the left operand");
    emit(opcode::binary, static_cast<std::uint32_t>(e.binary), 0, e.span);
  }

  // `x = v`, `s.f = v`, `v[i] = x`, `t.0 = x`, `*guard = v`, and their compound forms.
  void lower_assign(const expr& e, bool compound) {
    refine_integer_types(*e.lhs, *e.rhs);
    assign_to(
        *e.lhs, [&] { lower_expr(*e.rhs, mode::by_value); }, compound, e.binary, e.span);
    push_unit();
  }

  // Stores what `value` pushes into the place `target` names (combined with its old value by
  // `op` when `compound`); leaves the stack as it found it.
  template <class Value>
  void assign_to(const expr& target, const Value& value, bool compound, binary_op binary,
                 span where) {
    const auto op = static_cast<std::uint32_t>(binary);
    auto value_then_combine = [&] {
      value();
      if (compound) emit(opcode::binary, op, 0, where);
    };
    switch (target.kind) {
      case expr_kind::path: {
        const auto& segs = target.path.segments;
        auto slot = segs.size() == 1 ? resolve_local(*body_, segs[0].name) : std::nullopt;
        if (!slot) {
          out_.error(target.span, "cannot find value `" + join_path(segs) + "` in this scope",
                     "not found in this scope");
          break;
        }
        // `x += f().await`: Rust evaluates the right side first, then reads `x`.
        value();
        if (compound) {
          emit(opcode::load, *slot);
          emit(opcode::swap);
          emit(opcode::binary, op, 0, where);
        }
        emit(opcode::store, *slot, 1, where);
        break;
      }
      case expr_kind::field: {
        lower_expr(*target.lhs, mode::by_ref);
        if (compound) {
          emit(opcode::dup);
          emit(opcode::field, name_id(target.name.name), 0, target.span);
        }
        value_then_combine();
        emit(opcode::set_field, name_id(target.name.name), 0, where);
        break;
      }
      case expr_kind::tuple_field: {
        const auto index = static_cast<std::uint32_t>(std::stoul(target.name.name));
        lower_expr(*target.lhs, mode::by_ref);
        if (compound) {
          emit(opcode::dup);
          emit(opcode::tuple_item, index, 0, target.span);
        }
        value_then_combine();
        emit(opcode::set_tuple_item, index, 0, where);
        break;
      }
      case expr_kind::index: {
        const std::uint32_t base = new_slot("$base", target.span);
        const std::uint32_t index = new_slot("$index", target.span);
        lower_expr(*target.lhs, mode::by_ref);
        emit(opcode::store, base);
        lower_expr(*target.rhs, mode::by_value);
        emit(opcode::store, index);
        emit(opcode::load, base);
        emit(opcode::load, index);
        if (compound) {
          emit(opcode::load, base);
          emit(opcode::load, index);
          emit(opcode::index, 0, 0, target.span);
        }
        emit(opcode::drop_slot, base);
        emit(opcode::drop_slot, index);
        value_then_combine();
        emit(opcode::set_index, 0, 0, where);
        break;
      }
      case expr_kind::unary:
        if (target.unary == unary_op::deref) {
          lower_expr(*target.lhs, mode::by_ref);
          if (compound) {
            emit(opcode::dup);
            emit(opcode::deref, 0, 0, target.span);
          }
          value_then_combine();
          emit(opcode::set_deref, 0, 0, where);
          break;
        }
        [[fallthrough]];
      default:
        out_.error(target.span, "invalid left-hand side of assignment",
                   "cannot assign to this expression");
    }
  }

  // `opt.take()` and `opt.replace(v)` change the place they are called on: its old value is
  // the result, and the place holds None (or `Some(v)`) after.
  bool lower_option_replacement(const expr& e) {
    const bool take = e.name.name == "take" && e.items.empty();
    const bool replace = e.name.name == "replace" && e.items.size() == 1;
    const expr_kind k = e.lhs->kind;
    const bool is_place = k == expr_kind::path || k == expr_kind::field ||
                          k == expr_kind::tuple_field || k == expr_kind::index ||
                          (k == expr_kind::unary && e.lhs->unary == unary_op::deref);
    if ((!take && !replace) || !is_place) return false;
    lower_expr(*e.lhs, mode::by_ref);
    assign_to(
        *e.lhs,
        [&] {
          if (take) {
            emit(opcode::make_variant, static_cast<std::uint32_t>(variant_tag::none));
          } else {
            lower_expr(*e.items[0], mode::by_value);
            emit(opcode::make_variant, static_cast<std::uint32_t>(variant_tag::some));
          }
        },
        false, binary_op::add, e.span);
    return true;
  }

  void lower_struct_literal(const expr& e) {
    const std::string name = e.path.segments.empty() ? "" : e.path.segments.back().name;
    auto it = struct_index_.find(name);
    if (it == struct_index_.end()) {
      out_.error(e.path.span, "cannot find struct `" + name + "` in this scope");
      push_unit();
      return;
    }
    const struct_code& sc = code_.structs[it->second];
    for (const field_init& f : e.fields) {
      if (std::find(sc.fields.begin(), sc.fields.end(), f.name.name) == sc.fields.end()) {
        out_.error(f.name.span, "struct `" + name + "` has no field named `" + f.name.name + "`");
      }
    }
    for (std::size_t i = 0; i < sc.fields.size(); ++i) {
      auto init = std::find_if(e.fields.begin(), e.fields.end(),
                               [&](const field_init& f) { return f.name.name == sc.fields[i]; });
      if (init == e.fields.end()) {
        out_.error(e.span, "missing field `" + sc.fields[i] + "` in initializer of `" + name + "`");
        push_unit();
        continue;
      }
      if (init->value) {
        lower_expr(*init->value, mode::by_value);
      } else {
        lower_path_named(init->name, mode::by_value);
      }
      if (sc.field_types[i] != int_type::inferred) {
        emit(opcode::cast, static_cast<std::uint32_t>(sc.field_types[i]), 1);
      }
    }
    emit(opcode::make_struct, it->second, static_cast<std::uint32_t>(sc.fields.size()), e.span);
  }

  void lower_path_named(const ident& name, mode m, bool borrow = false) {
    borrow_named_ = borrow;
    expr e;
    e.kind = expr_kind::path;
    e.span = name.span;
    e.path.segments.push_back(name);
    e.path.span = name.span;
    lower_path(e, m);
    borrow_named_ = false;
  }

  // An async block is a body of its own, a state machine, whose first slots are the locals it
  // captures: moved in for `async move`, shared otherwise.
  void lower_async_block(const expr& e) {
    function_code fc;
    fc.name = root_name() + "::{async block#" + std::to_string(body_->async_blocks++) + "}";
    fc.kind = body_kind::async_block;
    fc.where = e.span;
    code_.functions.push_back(std::move(fc));
    const auto index = static_cast<std::uint32_t>(code_.functions.size() - 1);
    async_blocks_[&e] = index;

    body_context inner(code_, index);
    inner.parent = body_;
    body_context* outer = body_;
    body_ = &inner;
    // What the outer body holds across its awaits is not the block's to store.
    std::vector<unnamed_value> outer_held = std::exchange(held_across_awaits_, {});
    std::vector<std::uint32_t> outer_format = std::exchange(format_arguments_, {});
    open_scope();
    code_.functions[index].output = static_type::of(static_type::kind::unit);
    const block* outer_output = std::exchange(output_of_block_, e.body.get());
    const std::uint32_t outer_function = std::exchange(output_function_, index);
    // Captures become slots as the body finds them; they must come first, so the body is
    // lowered into a scratch list and its slots renumbered after.
    lower_block_value(*e.body);
    emit(opcode::ret, 0, 0, e.span);
    output_of_block_ = outer_output;
    output_function_ = outer_function;
    body_ = outer;
    held_across_awaits_ = std::move(outer_held);
    format_arguments_ = std::move(outer_format);
    // Re-point references: the code_ vector may have grown (nested blocks) and moved.
    function_code& f = code_.functions[index];
    reorder_captures_first(f, inner.captures);
    for (const auto& c : inner.captures) {
      emit(e.flag ? opcode::take : opcode::load, c.outer_slot, 0, e.span);
    }
    f.params = static_cast<std::uint32_t>(inner.captures.size());
    emit(opcode::make_future, index, static_cast<std::uint32_t>(inner.captures.size()), e.span);
  }

  std::string root_name() const {
    const std::string& n = body_->code().name;
    return n.substr(0, n.find("::{"));
  }

  // Moves the capture slots to the front (0..n), renumbering every slot operand.
  static void reorder_captures_first(function_code& f, std::vector<body_context::capture>& caps) {
    const auto n = static_cast<std::uint32_t>(f.slots.size());
    std::vector<std::uint32_t> new_index(n);
    std::vector<local_slot> slots;
    std::vector<bool> is_capture(n, false);
    for (const auto& c : caps) is_capture[c.inner_slot] = true;
    for (const auto& c : caps) {
      new_index[c.inner_slot] = static_cast<std::uint32_t>(slots.size());
      slots.push_back(f.slots[c.inner_slot]);
    }
    for (std::uint32_t s = 0; s < n; ++s) {
      if (is_capture[s]) continue;
      new_index[s] = static_cast<std::uint32_t>(slots.size());
      slots.push_back(f.slots[s]);
    }
    f.slots = std::move(slots);
    for (instruction& i : f.code) {
      switch (i.op) {
        case opcode::load:
        case opcode::take:
        case opcode::store:
        case opcode::drop_slot:
          i.a = new_index[i.a];
          break;
        case opcode::next_or_jump:
          i.b = new_index[i.b];
          break;
        default:
          break;
      }
    }
    for (auto& c : caps) c.inner_slot = new_index[c.inner_slot];
  }

  void lower_condition(const expr& cond, label& if_false) {
    lower_expr(cond, mode::by_value);
    jump_to(opcode::jump_if_false, if_false, cond.span);
  }

  void lower_else(const expr* else_branch) {
    if (else_branch == nullptr) {
      push_unit();
    } else {
      lower_expr(*else_branch, mode::by_value);
    }
  }

  void lower_if(const expr& e) {
    label otherwise, end;
    lower_condition(*e.lhs, otherwise);
    lower_block_value(*e.body);
    jump_to(opcode::jump, end);
    body_->depth -= 1;  // Each branch leaves one value; they meet at `end`.
    place(otherwise);
    lower_else(e.else_branch.get());
    place(end);
  }

  // The value an `if let`, `match` or `while let` tests is held in a slot of no scope: each
  // path drops it as soon as it is done with it (once its bindings are made, or when no
  // pattern matched), so it is not kept across the awaits of the branch that runs.
  std::uint32_t hold_scrutinee(const expr& scrutinee) {
    const std::uint32_t t = new_slot("$scrutinee", scrutinee.span);
    lower_expr(scrutinee, mode::by_value);
    body_->code().slots[t].type = type_of(scrutinee, *this);
    emit(opcode::store, t);
    return t;
  }

  // Whether the bindings just made in the innermost scope moved something out of the value
  // matched (a binding of a type that is not Copy): rustc then keeps that value, partly moved,
  // until the end of the arm, so an `.await` in the arm stores it.
  bool bindings_move_out() const {
    for (const auto& [name, slot] : body_->scopes.back()) {
      const static_type& t = body_->code().slots[slot].type;
      if (t.known() && !is_copy(t)) return true;
    }
    return false;
  }

  // Lowers a place that is borrowed (a method's receiver, `&x`, a format argument): the local
  // at its root is marked borrowed where it is loaded.
  template <class Body>
  void borrowing(const expr& place, Body body) {
    const expr* root = &place;
    while ((root->kind == expr_kind::field || root->kind == expr_kind::tuple_field ||
            root->kind == expr_kind::index) &&
           root->lhs) {
      root = root->lhs.get();
    }
    const expr* outer = std::exchange(borrow_root_, root);
    body();
    borrow_root_ = outer;
  }

  // Whether an expression awaits, outside the async blocks it contains.
  static bool contains_await(const expr& e) {
    if (e.kind == expr_kind::await_) return true;
    if (e.kind == expr_kind::async_block) return false;
    if (e.kind == expr_kind::macro) {
      const std::string name = e.path.segments.empty() ? "" : e.path.segments.back().name;
      if (name == "join" || name == "select") return true;
    }
    for (const expr* child :
         {e.lhs.get(), e.rhs.get(), e.else_branch.get(), e.repeat_count.get()}) {
      if (child != nullptr && contains_await(*child)) return true;
    }
    for (const expr_ptr& item : e.items) {
      if (item && contains_await(*item)) return true;
    }
    if (e.body) {
      for (const statement& st : e.body->statements) {
        if (st.value && contains_await(*st.value)) return true;
        if (st.let.init && contains_await(*st.let.init)) return true;
      }
      if (e.body->tail && contains_await(*e.body->tail)) return true;
    }
    for (const match_arm& arm : e.arms) {
      if (arm.body && contains_await(*arm.body)) return true;
      if (arm.guard && contains_await(*arm.guard)) return true;
    }
    for (const field_init& f : e.fields) {
      if (f.value && contains_await(*f.value)) return true;
    }
    return false;
  }

  // A channel that nothing has told its message type (`mpsc::channel(1)`) learns it when an end
  // of it (or its clone) is passed for a parameter that says it (`tx: mpsc::Sender<u32>`):
  // every local holding an end of that channel, in every body, learns it.
  void learn_message_type(const expr& argument, const static_type& parameter) {
    const expr* named = &argument;
    if (named->kind == expr_kind::method_call && named->name.name == "clone" &&
        named->items.empty())
      named = named->lhs.get();
    const local_slot* local = local_named_by(*named);
    if (local == nullptr) return;
    const static_type end = local->type;
    if (end.index == 0 || end.arg(0).known() || parameter.k != end.k || !parameter.arg(0).known())
      return;
    for (function_code& f : code_.functions) {
      for (local_slot& slot : f.slots) {
        if (slot.type.index == end.index && is_channel_end(slot.type.k) &&
            !slot.type.arg(0).known())
          slot.type.args = {parameter.arg(0)};
      }
    }
  }

  static bool is_channel_end(static_type::kind k) {
    using kind = static_type::kind;
    return k == kind::sender || k == kind::receiver || k == kind::unbounded_sender ||
           k == kind::unbounded_receiver || k == kind::oneshot_sender ||
           k == kind::oneshot_receiver;
  }

  // Lowers `body` with `held` (named `name`) kept by rustc across its awaits
  // (held_across_awaits_).
  template <class Body>
  void holding(const static_type* held, Body body, const char* name = "the value being matched") {
    if (held != nullptr) held_across_awaits_.push_back({name, *held});
    body();
    if (held != nullptr) held_across_awaits_.pop_back();
  }

  void lower_if_let(const expr& e) {
    label otherwise, end;
    const std::uint32_t t = hold_scrutinee(*e.lhs);
    open_scope();  // The bindings
    test_pattern(*e.pat, t, otherwise);
    emit(opcode::drop_slot, t);
    const static_type held = body_->code().slots[t].type;
    holding(bindings_move_out() ? &held : nullptr, [&] { lower_block_value(*e.body); });
    close_scope();
    jump_to(opcode::jump, end);
    body_->depth -= 1;
    place(otherwise);
    emit(opcode::drop_slot, t);
    lower_else(e.else_branch.get());
    place(end);
  }

  void lower_match(const expr& e) {
    label end;
    const std::uint32_t t = hold_scrutinee(*e.lhs);
    for (const match_arm& arm : e.arms) {
      label next;
      open_scope();  // The arm's bindings
      test_pattern(*arm.pat, t, next);
      if (arm.guard) lower_condition(*arm.guard, next);
      emit(opcode::drop_slot, t);
      const static_type held = body_->code().slots[t].type;
      holding(bindings_move_out() ? &held : nullptr,
              [&] { lower_expr(*arm.body, mode::by_value); });
      close_scope();
      jump_to(opcode::jump, end);
      body_->depth -= 1;
      place(next);
    }
    emit(opcode::constant, constant(make_string_constant("internal error: entered unreachable "
                                                         "code: no arm of `match` matched")));
    emit(opcode::panic, 0, 0, e.span);
    unreachable_value();
    place(end);
  }

  void lower_loop(const expr& e) {
    label top, exit, end;
    loop_context lc;
    lc.is_loop = e.kind == expr_kind::loop;
    lc.break_to = lc.is_loop ? &end : &exit;
    lc.continue_to = &top;
    lc.scope_depth = body_->scopes.size();
    lc.stack_depth = body_->depth;
    body_->loops.push_back(lc);
    place(top);
    std::uint32_t scrutinee = 0;
    label no_match;
    if (e.kind == expr_kind::while_) {
      lower_condition(*e.lhs, exit);
    } else if (e.kind == expr_kind::while_let) {
      scrutinee = hold_scrutinee(*e.lhs);
    }
    open_scope();  // The pattern's bindings, then the body's locals
    const static_type* held = nullptr;
    if (e.kind == expr_kind::while_let) {
      test_pattern(*e.pat, scrutinee, no_match);
      emit(opcode::drop_slot, scrutinee);
      if (bindings_move_out()) held = &body_->code().slots[scrutinee].type;
    }
    const static_type held_type = held != nullptr ? *held : static_type();
    holding(held != nullptr ? &held_type : nullptr, [&] { lower_block_value(*e.body); });
    emit(opcode::pop);
    close_scope_then_jump(top);
    body_->scopes.pop_back();
    body_->loops.pop_back();
    if (e.kind == expr_kind::while_let) {
      place(no_match);
      emit(opcode::drop_slot, scrutinee);
    }
    if (lc.is_loop) {
      // Only `break` leaves a `loop`, with its value on the stack.
      place(end);
      body_->depth += 1;
    } else {
      place(exit);
      push_unit();
    }
  }

  void close_scope_then_jump(label& target) {
    drop_scope_locals(body_->scopes.size() - 1);
    jump_to(opcode::jump, target);
  }

  void lower_for(const expr& e) {
    label top, exit;
    open_scope();
    const std::uint32_t it = temporary("iter", e.lhs->span);
    lower_expr(*e.lhs, mode::by_value);
    const static_type iterable = type_of(*e.lhs, *this);
    body_->code().slots[it].type = iterator_of(iterable);
    emit(opcode::iterate, 0, 0, e.lhs->span);
    emit(opcode::store, it);
    loop_context lc;
    lc.break_to = &exit;
    lc.continue_to = &top;
    lc.scope_depth = body_->scopes.size();
    lc.stack_depth = body_->depth;
    body_->loops.push_back(lc);
    place(top);
    {
      const std::size_t at = emit(opcode::next_or_jump, 0, it, e.lhs->span);
      exit.patches.push_back(at);
    }
    open_scope();
    if (e.pat->kind == pattern_kind::binding) {
      const std::uint32_t slot = declare(e.pat->name);
      body_->code().slots[slot].trivial_drop = e.lhs->kind == expr_kind::range;
      body_->code().slots[slot].type = item_of(iterable);
      emit(opcode::store, slot, 0, e.pat->span);
    } else if (e.pat->kind == pattern_kind::wildcard) {
      emit(opcode::pop);  // `for _ in`: each item is dropped at once, as `let _ = item;` does.
    } else {
      const std::uint32_t item = new_slot("$item", e.pat->span);
      body_->code().slots[item].type = item_of(iterable);
      emit(opcode::store, item);
      bind_irrefutable(*e.pat, item);
      emit(opcode::drop_slot, item);
    }
    // The `Option` that the iterator's `next()` gave, as the loop's `match` holds it.
    const static_type next = static_type::of(static_type::kind::option, {item_of(iterable)});
    holding(bindings_move_out() ? &next : nullptr, [&] { lower_block_value(*e.body); });
    emit(opcode::pop);
    close_scope_then_jump(top);
    body_->scopes.pop_back();
    body_->loops.pop_back();
    place(exit);
    close_scope();
    push_unit();
  }

  void lower_break(const expr& e) {
    const std::int64_t before = body_->depth;
    if (body_->loops.empty()) {
      out_.error(e.span, std::string("`") + (e.kind == expr_kind::break_ ? "break" : "continue") +
                             "` outside of a loop");
      push_unit();
      return;
    }
    const loop_context& lc = body_->loops.back();
    // Temporaries of the enclosing expression are dropped, then the scopes left.
    while (body_->depth > lc.stack_depth) emit(opcode::pop);
    if (e.kind == expr_kind::break_) {
      if (e.rhs && !lc.is_loop) {
        out_.error(e.span, "`break` with value from a `while` or `for` loop",
                   "can only break with a value inside `loop`");
      }
      if (lc.is_loop) {
        if (e.rhs) {
          lower_expr(*e.rhs, mode::by_value);
        } else {
          push_unit();
        }
      }
    }
    for (std::size_t s = body_->scopes.size(); s-- > lc.scope_depth;) drop_scope_locals(s);
    jump_to(opcode::jump, e.kind == expr_kind::break_ ? *lc.break_to : *lc.continue_to);
    body_->depth = before + 1;
  }

  // ---- pins and timers ----

  // `tokio::pin!(x)` (or `pin!` through `use tokio::pin;`), as a statement.
  bool is_pin_macro(const expr& e) const {
    return e.kind == expr_kind::macro && !e.path.segments.empty() &&
           e.path.segments.back().name == "pin";
  }
  void lower_pin(const expr& e);
  void pin_local(const expr& name_expr);
  void check_unpin(const expr& future);
  // The constant a value builtin stands for (`MissedTickBehavior::Skip`).
  std::uint32_t builtin_value(builtin b) {
    const auto v = b == builtin::missed_tick_burst   ? missed_tick_object::burst
                   : b == builtin::missed_tick_delay ? missed_tick_object::delay
                                                     : missed_tick_object::skip;
    return constant(value::of(new missed_tick_object(v)));
  }
  void check_timer_method(const expr& e);
  void expect_type(const expr& argument, static_type::kind expected);

  // ---- macros ----

  void lower_macro(const expr& e);
  void lower_format(const expr& e, std::size_t first);
  void lower_select(const expr& e);
  bool is_pin_of_sleep(const expr& e);
  std::uint64_t pattern_test(const pattern& p);

  const source_file& source_;
  const program& program_;
  diagnostics& out_;
  program_code code_;
  body_context* body_ = nullptr;
  std::vector<pending_body> bodies_;
  std::map<std::string, std::string> uses_;
  std::vector<std::string> globs_;
  std::map<std::string, const const_decl*> constants_;
  std::uint32_t constant_depth_ = 0;
  std::map<std::string, std::uint32_t> struct_index_;
  std::map<std::string, std::uint32_t> function_index_;
  std::map<std::uint32_t, const function*> function_items_;  ///< by function_index_'s index
  std::unordered_map<std::string, std::uint32_t> name_ids_;
  std::vector<std::pair<const pattern*, std::uint32_t>> pending_param_patterns_;
  std::uint32_t unit_constant_ = constant_unit();
  bool in_alternatives_ = false;
  std::int32_t self_struct_ = -1;  ///< The struct of `self` in the body being lowered
  std::map<const expr*, std::uint32_t> async_blocks_;
  /// For each `format!`-like argument being lowered, how many arguments came before it: what
  /// rustc's `format_args!` holds while that argument is computed.
  std::vector<std::uint32_t> format_arguments_;
  /// Values rustc holds while the code being lowered runs: the matched value of an `if let`,
  /// `while let`, `match` arm or `for` body whose bindings moved out of it.
  std::vector<unnamed_value> held_across_awaits_;
  const expr* borrow_root_ = nullptr;  ///< The path being lowered as a borrowed place's root
  bool borrow_named_ = false;          ///< A format string's `{name}` is being lowered
  /// The async block whose body's tail gives its output, while that body is lowered.
  const block* output_of_block_ = nullptr;
  std::uint32_t output_function_ = 0;

  // ---- type_scope: what typing asks of lowering ----

  static_type local(const std::string& name) override {
    for (const body_context* b = body_; b != nullptr; b = b->parent) {
      if (auto slot = find_local(*b, name)) return b->code().slots[*slot].type;
    }
    return {};
  }
  std::optional<std::uint32_t> function_named(const std::string& name) const override {
    auto it = function_index_.find(name);
    if (it == function_index_.end()) return std::nullopt;
    return it->second;
  }
  std::optional<std::uint32_t> async_block(const expr& e) const override {
    auto it = async_blocks_.find(&e);
    if (it == async_blocks_.end()) return std::nullopt;
    return it->second;
  }
  std::optional<std::uint32_t> struct_named(const std::string& name) const override {
    auto it = struct_index_.find(name);
    if (it == struct_index_.end()) return std::nullopt;
    return it->second;
  }
  static_type constant(const std::string& name) const override {
    auto it = constants_.find(name);
    if (it == constants_.end()) return {};
    return type_from(it->second->type, *this);
  }
  std::optional<std::uint32_t> self_struct() const override {
    if (self_struct_ < 0) return std::nullopt;
    return static_cast<std::uint32_t>(self_struct_);
  }
  const program_code& code() const override { return code_; }

  std::uint32_t constant_unit() {
    code_.constants.push_back(value::unit());
    return 0;
  }
};

value lowering::make_string_constant(const std::string& text) {
  return value::of(new string_object(text, false));
}

// `tokio::pin!(x)`, as Tokio 1.24's macro expands it (macros/pin.rs): `let mut x = x;` moves
// the value into a local of its own, then `let mut x = Pin::new_unchecked(&mut x);` shadows it
// with a pin of it. The value's local is borrowed, so rustc keeps it in every state until its
// scope ends; the pin (a pointer, no drop) only while it is used. At run time pins are not
// modelled: both locals hold the same value, which the pin's drop leaves to the other.
void lowering::lower_pin(const expr& e) {
  const std::string written = expand(e.path.segments);
  if (written != "tokio::pin" && written != "pin") {
    out_.error(e.path.span, "the macro `" + written + "!` is not part of this subset",
               "use `tokio::pin!`");
    return;
  }
  if (e.items.empty()) out_.error(e.span, "`tokio::pin!` takes the names of the futures to pin");
  for (const expr_ptr& item : e.items) {
    if (e.flag) {
      // `tokio::pin! { let x = f(); }` is `let x = f();` then `tokio::pin!(x);`.
      const expr& target = *item->lhs;
      lower_expr(*item->rhs, mode::by_value);
      const static_type type = type_of(*item->rhs, *this);
      const std::uint32_t slot = declare(target.path.segments[0]);
      body_->code().slots[slot].type = type;
      body_->code().slots[slot].trivial_drop = is_copy_expression(*item->rhs);
      body_->code().slots[slot].owns = is_owned_expression(*item->rhs);
      emit(opcode::store, slot, 0, target.span);
      pin_local(target);
      continue;
    }
    const bool name_only = item->kind == expr_kind::path && item->path.segments.size() == 1;
    if (!name_only) {
      out_.error(item->span, "`tokio::pin!` takes the names of local variables",
                 "a local variable's name; pin a future made here with `let`, then its name");
      continue;
    }
    if (!resolve_local(*body_, item->path.segments[0].name)) {
      out_.error(item->span,
                 "cannot find value `" + item->path.segments[0].name + "` in this scope",
                 "not found in this scope");
      continue;
    }
    pin_local(*item);
  }
}

void lowering::pin_local(const expr& name_expr) {
  const ident& name = name_expr.path.segments[0];
  const local_slot before = body_->code().slots[*resolve_local(*body_, name.name)];
  lower_path(name_expr, mode::by_value);
  const std::uint32_t owned = declare(name);
  body_->code().slots[owned].type = before.type;
  body_->code().slots[owned].trivial_drop = before.trivial_drop;
  body_->code().slots[owned].owns = before.owns;
  emit(opcode::store, owned, 0, name_expr.span);
  emit(opcode::load, owned, 1, name_expr.span);
  const std::uint32_t pin = declare(name);
  local_slot& pinned = body_->code().slots[pin];
  pinned.type = static_type::of(static_type::kind::pinned,
                                {static_type::of(static_type::kind::reference, {before.type})});
  pinned.trivial_drop = true;
  pinned.owns = true;
  emit(opcode::store, pin, 0, name_expr.span);
}

// rustc refuses to poll `&mut x` when x is a future that is not `Unpin` (a `Sleep`, a
// `Timeout`, an async fn's or block's future) and not pinned: `(&mut x).await`, or a select!
// branch `_ = &mut x`.
void lowering::check_unpin(const expr& future) {
  if (future.kind != expr_kind::unary || future.unary != unary_op::ref_mut) return;
  const static_type t = type_of(*future.lhs, *this);
  using kind = static_type::kind;
  if (t.k != kind::sleep && t.k != kind::timeout && t.k != kind::async_body) return;
  const std::string name(source_.text(future.lhs->span));
  out_.error(future.span,
             std::string(t.k == kind::async_body ? "`impl Future`" : "`PhantomPinned`") +
                 " cannot be unpinned",
             "this future is not `Unpin`: pin it first, with `tokio::pin!(" + name + ");`");
}

// What rustc says of a value of type `t` where another was expected.
std::string described(const static_type& t, const program_code& code) {
  using kind = static_type::kind;
  switch (t.k) {
    case kind::integer:
      return t.integer == int_type::inferred ? "integer" : "`" + rust_name(t, code) + "`";
    case kind::duration:
    case kind::instant:
    case kind::string:
      return "struct `" + rust_name(t, code) + "`";
    case kind::missed_tick:
      return "enum `MissedTickBehavior`";
    default:
      return "`" + rust_name(t, code) + "`";
  }
}

// An argument whose type lowering knows, and is not the one the method takes.
void lowering::expect_type(const expr& argument, static_type::kind expected) {
  using kind = static_type::kind;
  const static_type t = type_of(argument, *this);
  // Only types typing tells for sure: anything else waits for the run's own check.
  const bool sure = t.k == kind::integer || t.k == kind::duration || t.k == kind::instant ||
                    t.k == kind::missed_tick || t.k == kind::string || t.k == kind::str ||
                    t.k == kind::boolean || t.k == kind::unit;
  if (!sure || t.k == expected) return;
  const std::string want = expected == kind::instant    ? "struct `Instant`"
                           : expected == kind::duration ? "struct `Duration`"
                                                        : "enum `MissedTickBehavior`";
  out_.error(argument.span, "mismatched types",
             "expected " + want + ", found " + described(t, code_));
}

// Whether `e` names a local that is a `Pin<&mut Sleep>` (what `tokio::pin!` makes of a sleep).
bool lowering::is_pin_of_sleep(const expr& e) {
  using kind = static_type::kind;
  const local_slot* local = local_named_by(e);
  if (local == nullptr) return false;
  const static_type& t = local->type;
  return t.k == kind::pinned && t.arg(0).k == kind::reference && t.arg(0).arg(0).k == kind::sleep;
}

// `Sleep::reset` takes `self: Pin<&mut Self>`: rustc finds no `reset` on a `Sleep` that is not
// pinned, nor on a `Pin<Box<Sleep>>` without `as_mut()`. The arguments of `reset` and
// `set_missed_tick_behavior` have their types.
void lowering::check_timer_method(const expr& e) {
  using kind = static_type::kind;
  const std::string& m = e.name.name;
  if (m != "reset" && m != "set_missed_tick_behavior") return;
  const static_type receiver = type_of(*e.lhs, *this);
  static_type inner = receiver;
  while (inner.k == kind::reference) inner = inner.arg(0);
  if (m == "reset" && inner.k == kind::sleep) {
    const std::string name(source_.text(e.lhs->span));
    out_.error(e.name.span,
               "no method named `reset` found for " +
                   std::string(receiver.k == kind::reference ? "mutable reference `&mut Sleep`"
                                                             : "struct `Sleep`") +
                   " in the current scope",
               "method not found in `Sleep`: it takes a `Pin<&mut Sleep>`; pin it first, with "
               "`tokio::pin!(" +
                   name + ");`");
    return;
  }
  if (m == "reset" && receiver.k == kind::pinned && receiver.arg(0).k == kind::boxed &&
      receiver.arg(0).arg(0).k == kind::sleep) {
    out_.error(e.name.span,
               "no method named `reset` found for struct `Pin<Box<Sleep>>` in the current scope",
               "reset it through `as_mut()`: `" + std::string(source_.text(e.lhs->span)) +
                   ".as_mut().reset(..)`");
    return;
  }
  if (e.items.size() != 1) return;
  const static_type& target = inner.k == kind::pinned ? inner.arg(0).arg(0) : inner;
  if (m == "reset" && target.k == kind::sleep) expect_type(*e.items[0], kind::instant);
  if (m == "set_missed_tick_behavior" && target.k == kind::interval)
    expect_type(*e.items[0], kind::missed_tick);
}

void lowering::lower_macro(const expr& e) {
  const std::string& name = e.path.segments.back().name;
  const auto argc = e.items.size();
  auto message = [&](const char* text) { emit(opcode::constant, constant(make_string(text))); };
  if (name == "println" || name == "print" || name == "eprintln") {
    if (argc == 0) {
      message("");
    } else {
      lower_format(e, 0);
    }
    emit(opcode::print, name == "eprintln" ? 1 : 0, name == "print" ? 0 : 1, e.span);
    push_unit();
  } else if (name == "format") {
    if (argc == 0) {
      out_.error(e.span, "requires at least a format string argument");
      push_unit();
      return;
    }
    lower_format(e, 0);
  } else if (name == "panic" || name == "unreachable" || name == "todo") {
    const std::string prefix = name == "unreachable" ? "internal error: entered unreachable code"
                               : name == "todo"      ? "not yet implemented"
                                                     : "explicit panic";
    if (argc == 0) {
      message(prefix.c_str());
    } else if (name == "panic") {
      lower_format(e, 0);
    } else {
      emit(opcode::constant, constant(make_string(prefix + ": ")));
      lower_format(e, 0);
      emit(opcode::binary, static_cast<std::uint32_t>(binary_op::add));
    }
    emit(opcode::panic, 0, 0, e.span);
    unreachable_value();
  } else if (name == "assert") {
    if (argc == 0) {
      out_.error(e.span, "the `assert!` macro requires a boolean expression");
      push_unit();
      return;
    }
    label ok;
    lower_expr(*e.items[0], mode::by_value);
    jump_to(opcode::jump_if_true, ok);
    if (argc > 1) {
      lower_format(e, 1);
    } else {
      message(("assertion failed: " + std::string(source_.text(e.items[0]->span))).c_str());
    }
    emit(opcode::panic, 0, 0, e.span);
    place(ok);
    push_unit();
  } else if (name == "assert_eq" || name == "assert_ne") {
    if (argc < 2) {
      out_.error(e.span, "`" + name + "!` takes two values to compare");
      push_unit();
      return;
    }
    lower_expr(*e.items[0], mode::by_ref);
    lower_expr(*e.items[1], mode::by_ref);
    if (argc > 2) lower_format(e, 2);
    emit(opcode::call_builtin,
         static_cast<std::uint32_t>(name == "assert_eq" ? builtin::assert_eq : builtin::assert_ne),
         argc > 2 ? 3 : 2, e.span);
  } else if (name == "vec") {
    if (e.repeat_count) {
      lower_expr(*e.items[0], mode::by_value);
      lower_expr(*e.repeat_count, mode::by_value);
      emit(opcode::make_vec_repeat, 0, 0, e.span);
    } else {
      for (const expr_ptr& item : e.items) lower_expr(*item, mode::by_value);
      emit(opcode::make_vec, static_cast<std::uint32_t>(argc), 0, e.span);
    }
  } else if (name == "join") {
    if (!body_->code().is_async()) {
      out_.error(e.span, "`join!` is only allowed inside `async` functions and blocks");
    }
    // Tokio's expansion keeps the branches as a tuple of MaybeDone (borrowed, so stored across
    // the await) and awaits a poll_fn holding a reference to it.
    std::vector<static_type> branches;
    std::vector<static_type> maybe_done;
    for (const expr_ptr& item : e.items) {
      lower_expr(*item, mode::by_value);
      // Typed once lowered: an async block is known by then.
      branches.push_back(type_of(*item, *this));
      maybe_done.push_back(static_type::of(static_type::kind::maybe_done, {branches.back()}));
    }
    emit(opcode::join, static_cast<std::uint32_t>(argc), 0, e.span);
    emit_await(e.span, static_type::of(static_type::kind::join_poll, std::move(branches)),
               {{"the `join!`'s futures",
                 static_type::of(static_type::kind::tuple, std::move(maybe_done))}});
  } else if (name == "select") {
    lower_select(e);
  } else if (name == "pin") {
    out_.error(e.span, "`tokio::pin!` declares its locals: write it as a statement",
               "`tokio::pin!(x);` on a line of its own");
    push_unit();
  } else {
    out_.error(e.path.span, "the macro `" + name + "!` is not part of this subset");
    push_unit();
  }
}

// Pushes the String a format string and its arguments make (items[first] is the string).
void lowering::lower_format(const expr& e, std::size_t first) {
  const expr& literal = *e.items[first];
  if (literal.kind != expr_kind::string) {
    out_.error(literal.span, "format argument must be a string literal");
    push_unit();
    return;
  }
  parsed_format parsed = parse_format_string(literal.text);
  if (!parsed.error.empty()) {
    out_.error(literal.span, parsed.error);
    push_unit();
    return;
  }
  const std::size_t positional = e.items.size() - first - 1;
  std::vector<bool> used(positional, false);
  std::uint32_t next = 0;
  std::uint32_t argc = 0;
  for (const format_argument& a : parsed.arguments) {
    if (a.how == format_argument::kind::name) {
      ident name{a.name, literal.span};
      lower_path_named(name, mode::by_ref, true);
      ++argc;
      continue;
    }
    const std::uint32_t index = a.how == format_argument::kind::next ? next++ : a.index;
    if (index >= positional) {
      out_.error(literal.span,
                 std::to_string(index + 1) + " positional argument" + (index == 0 ? "" : "s") +
                     " in format string, but there " +
                     (positional == 1 ? "is 1 argument"
                                      : "are " + std::to_string(positional) + " arguments"));
      push_unit();
    } else {
      used[index] = true;
      format_arguments_.push_back(argc);
      borrowing(*e.items[first + 1 + index],
                [&] { lower_expr(*e.items[first + 1 + index], mode::by_ref); });
      format_arguments_.pop_back();
    }
    ++argc;
  }
  for (std::size_t i = 0; i < positional; ++i) {
    if (!used[i]) {
      out_.error(e.items[first + 1 + i]->span, "argument never used",
                 "formatting specifier missing");
    }
  }
  code_.formats.push_back(std::move(parsed.spec));
  emit(opcode::format, static_cast<std::uint32_t>(code_.formats.size() - 1), argc, literal.span);
}

// `tokio::select!`: the enabled branches' futures go into one select future; its output says
// which branch completed with a value its pattern matches (a value that does not match
// disables that branch, inside the same poll, as Tokio does); the others are dropped before
// the handler runs.
void lowering::lower_select(const expr& e) {
  if (!body_->code().is_async()) {
    out_.error(e.span, "`select!` is only allowed inside `async` functions and blocks");
  }
  std::vector<const select_branch*> branches;
  const select_branch* otherwise = nullptr;
  for (const select_branch& b : e.branches) {
    if (b.future) {
      branches.push_back(&b);
    } else {
      otherwise = &b;
    }
  }
  const auto n = static_cast<std::uint32_t>(branches.size());
  for (const select_branch* b : branches) {
    // A guard that is false disables the branch: its future is never made.
    label disabled, made;
    if (b->guard) lower_condition(*b->guard, disabled);
    check_unpin(*b->future);
    lower_expr(*b->future, mode::by_value);
    emit(opcode::constant, constant(value::integer(pattern_test(*b->pat), int_type::u32)));
    if (b->guard) {
      jump_to(opcode::jump, made);
      body_->depth -= 2;
      place(disabled);
      push_unit();
      emit(opcode::constant, constant(value::integer(0, int_type::u32)));
      place(made);
    }
  }
  // Tokio's expansion makes every branch's future (a guard only disables it) into a tuple that
  // it borrows, through a reference, with the mask of disabled branches (a u8 up to 8 branches):
  // all three are stored across the await, beside the poll_fn that borrows them. (Typed once
  // lowered: an async block is known by then.)
  std::vector<static_type> futures;
  for (const select_branch* b : branches) futures.push_back(type_of(*b->future, *this));
  const static_type awaited = static_type::of(static_type::kind::select_poll, futures);
  const static_type tuple = static_type::of(static_type::kind::tuple, futures);
  const std::vector<unnamed_value> held = {
      {"the `select!`'s futures", tuple},
      {"a reference to the `select!`'s futures",
       static_type::of(static_type::kind::reference, {tuple})},
      {"the `select!`'s disabled branches",
       static_type::of_body(static_type::kind::select_mask, n)},
  };
  emit(opcode::select, n, e.flag ? 1 : 0, e.span);
  emit_await(e.span, awaited, held);
  // The result is dropped as soon as the winning branch's pattern has bound its parts.
  const std::uint32_t selected = new_slot("$selected", e.span);
  body_->code().slots[selected].type = output_of(awaited, code_);
  emit(opcode::store, selected);
  label end;
  for (std::uint32_t i = 0; i < n; ++i) {
    label next;
    emit(opcode::load, selected);
    emit(opcode::tuple_item, 0);
    emit(opcode::matches_const, constant(value::integer(i, int_type::usize)));
    jump_to(opcode::jump_if_false, next);
    open_scope();
    const std::uint32_t out = new_slot("$output", branches[i]->pat->span);
    body_->code().slots[out].type = output_of(futures[i], code_);
    emit(opcode::load, selected);
    emit(opcode::tuple_item, 1);
    emit(opcode::store, out);
    emit(opcode::drop_slot, selected);
    // The select matched the pattern already: its failure is unreachable, and goes nowhere (a
    // path into the handler would read the bindings unbound, which liveness would then keep
    // across the await).
    label impossible, bound;
    test_pattern(*branches[i]->pat, out, impossible);
    jump_to(opcode::jump, bound);
    place(impossible);
    emit(opcode::constant, constant(make_string("a select! branch's pattern did not match")));
    emit(opcode::panic, 0, 0, branches[i]->pat->span);
    place(bound);
    emit(opcode::drop_slot, out);
    lower_expr(*branches[i]->handler, mode::by_value);
    close_scope();
    jump_to(opcode::jump, end);
    body_->depth -= 1;
    place(next);
  }
  emit(opcode::drop_slot, selected);
  if (otherwise != nullptr) {
    lower_expr(*otherwise->handler, mode::by_value);
  } else {
    emit(opcode::constant,
         constant(make_string("all branches are disabled and there is no else branch")));
    emit(opcode::panic, 0, 0, e.span);
    unreachable_value();
  }
  place(end);
}

// A refutable pattern of a select branch becomes a function of its own, `value -> bool`, that
// the select future calls on a branch's output. Returns its index + 1, or 0 when the pattern
// cannot fail.
std::uint64_t lowering::pattern_test(const pattern& p) {
  if (p.kind == pattern_kind::wildcard || p.kind == pattern_kind::binding) return 0;
  function_code fc;
  fc.name = root_name() + "::{select pattern}";
  fc.kind = body_kind::function;
  fc.where = p.span;
  code_.functions.push_back(std::move(fc));
  const auto index = static_cast<std::uint32_t>(code_.functions.size() - 1);
  body_context test(code_, index);
  body_context* outer = body_;
  body_ = &test;
  open_scope();
  const std::uint32_t arg = new_slot("$value", p.span);
  test.code().params = 1;
  label fail;
  test_pattern(p, arg, fail);
  emit(opcode::constant, constant(value::boolean(true)));
  emit(opcode::ret);
  place(fail);
  emit(opcode::constant, constant(value::boolean(false)));
  emit(opcode::ret);
  body_ = outer;
  return index + 1;
}

}  // namespace

program_code lower(const source_file& source, const program& p, diagnostics& out) {
  return lowering(source, p, out).run();
}

}  // namespace wakeline::lang
