#include "interpreter.hpp"

#include <memory>
#include <utility>

#include "core/await_point.hpp"
#include "core/runtime.hpp"
#include "display.hpp"
#include "library.hpp"
#include "objects.hpp"
#include "operators.hpp"

namespace wakeline::lang {

namespace {

inline bool is_copy(const value& v);

// Whether an object or a variant is Copy: what needs a look inside.
bool is_copy_aggregate(const value& v) {
  switch (v.kind()) {
    case value_kind::variant:
      return v.get() == nullptr || is_copy(v.payload());
    case value_kind::object:
      if (const auto* t = v.as<tuple_object>()) {
        for (const value& item : t->items) {
          if (!is_copy(item)) return false;
        }
        return true;
      }
      if (const auto* s = v.as<struct_object>()) return s->type->copy;
      if (const auto* s = v.as<string_object>()) return !s->owned;
      return v.get()->is_copy();
    default:
      return true;
  }
}

// Rust's Copy: integers, booleans, (), durations, instants, and tuples, options and
// `#[derive(Copy)]` structs made of them. Reading a Copy local by value copies it.
inline bool is_copy(const value& v) {
  const value_kind k = v.kind();
  return (k != value_kind::variant && k != value_kind::object) || is_copy_aggregate(v);
}

// A Copy aggregate shared by two owners is copied before one of them can change it.
void make_unique(value& v) {
  if (v.kind() != value_kind::object || v.get()->refs <= 1 || !is_copy(v)) return;
  if (const auto* t = v.as<tuple_object>()) {
    value_list items = t->items;
    for (value& item : items) make_unique(item);
    v = value::of(new tuple_object(std::move(items)));
  } else if (const auto* s = v.as<struct_object>()) {
    v = value::of(new struct_object(*s->type, s->fields));
  }
}

// Follows Arcs and guards to the value they give access to.
value* through(value& v) {
  value* at = &v;
  for (int hops = 0; hops < 8 && at->kind() == value_kind::object; ++hops) {
    value* next = at->get()->deref();
    if (next == nullptr) break;
    at = next;
  }
  return at;
}

// The future of a plain `fn main`: it runs the whole function at its first poll.
class call_main final : public future_object {
 public:
  explicit call_main(std::uint32_t index) : index_(index) {}
  std::string type_name() const override { return "main"; }
  bool poll(interpreter& in, context&, value& out) override {
    out = in.call(index_, {}, in.code().functions[index_].where);
    return true;
  }

 private:
  std::uint32_t index_;
};

// Counts the calls in progress, so that deep recursion panics before the host's stack ends.
class depth_guard {
 public:
  explicit depth_guard(std::uint32_t& depth) : depth_(depth) { ++depth_; }
  ~depth_guard() { --depth_; }
  depth_guard(const depth_guard&) = delete;
  depth_guard& operator=(const depth_guard&) = delete;

 private:
  std::uint32_t& depth_;
};

}  // namespace

interpreter::interpreter(const program_code& code, const source_file& source, std::uint64_t seed,
                         interpreter_limits limits)
    : code_(code), source_(source), limits_(limits), random_state_(seed) {
  quick_methods_.reserve(code.names.size());
  for (const std::string& name : code.names) {
    quick_methods_.push_back(name == "unwrap" ? quick_method::unwrap
                             : name == "push" ? quick_method::push
                                              : quick_method::none);
  }
}

// `x.unwrap()` of Some or Ok, `v.push(x)` on a Vec: the methods a loop calls most, done here
// without the search by name (call_library_method does the rest, with the same results).
bool interpreter::call_quick_method(quick_method m, operand_stack& stack, std::size_t receiver,
                                    std::uint32_t args) {
  value& r = stack[receiver];
  if (m == quick_method::unwrap && args == 0 && r.kind() == value_kind::variant &&
      (r.tag() == variant_tag::some || r.tag() == variant_tag::ok)) {
    value payload = r.payload();
    stack.shrink_to(receiver);
    stack.push_back(std::move(payload));
    return true;
  }
  if (m == quick_method::push && args == 1) {
    if (auto* v = r.as<vec_object>(); v != nullptr && v->items.size() < max_vec_length) {
      v->items.push_back(std::move(stack.back()));
      stack.shrink_to(receiver);
      stack.push_back(value::unit());
      return true;
    }
  }
  return false;
}

std::uint64_t interpreter::next_random() {
  // splitmix64: the same numbers on every platform, natively and in wasm.
  std::uint64_t z = (random_state_ += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::string interpreter::describe_location(span where) const {
  const position p = source_.at(where.begin);
  return source_.name() + ":" + std::to_string(p.line) + ":" + std::to_string(p.column);
}

source_location interpreter::location(span where) const {
  return {source_.name().c_str(), source_.line_of(where.begin)};
}

void interpreter::panic(span where, const std::string& message) const {
  throw panic_error(message, describe_location(where));
}

value interpreter::main_future() {
  const auto index = static_cast<std::uint32_t>(code_.main);
  const function_code& m = code_.functions[index];
  if (m.is_async()) return value::of(frame::make(m, std::span<value>()));
  return value::of(new call_main(index));
}

bool interpreter::poll_future(const value& future, context& cx, value& out) {
  if (auto* f = future.as<future_object>()) return f->poll(*this, cx, out);
  if (auto* s = future.as<struct_object>(); s != nullptr && s->type->poll_fn >= 0) {
    const auto index = static_cast<std::uint32_t>(s->type->poll_fn);
    value cx_value = make_context(cx);
    value args[] = {future, cx_value};
    value result = call(index, args, code_.functions[index].where);
    expire_context(cx_value);
    if (result.kind() == value_kind::variant && result.tag() == variant_tag::ready) {
      out = result.payload();
      return true;
    }
    if (result.kind() == value_kind::variant && result.tag() == variant_tag::pending) return false;
    panic(code_.functions[index].where, "`poll` must return `Poll::Ready(..)` or `Poll::Pending`");
  }
  std::string what =
      future.kind() == value_kind::object ? future.get()->type_name() : debug_string(future);
  throw panic_error("`" + what + "` is not a future", source_.name());
}

value interpreter::call(std::uint32_t index, std::span<value> args, span where) {
  const function_code& f = code_.functions[index];
  if (f.is_async()) return value::of(frame::make(f, args));
  if (depth_ >= limits_.max_call_depth) {
    panic(where, "stack overflow: calls nested more than " +
                     std::to_string(limits_.max_call_depth) + " deep (`" + f.name +
                     "` called itself without end?)");
  }
  const std::unique_ptr<frame> call_frame(frame::make(f, args));
  value out;
  run(*call_frame, nullptr, out);
  return out;
}

std::size_t frame::block_bytes(const function_code& c) {
  static_assert(sizeof(frame) % alignof(value) == 0);
  return sizeof(frame) + (c.slots.size() + c.max_stack) * sizeof(value);
}

frame* frame::make(const function_code& c, std::span<value> args) {
  void* block = allocate_block(block_bytes(c));
  auto* room = reinterpret_cast<value*>(static_cast<char*>(block) + sizeof(frame));
  return ::new (block) frame(c, args, room);
}

frame::frame(const function_code& c, std::span<value> args, value* room)
    : future_object(tag_of),
      code(c),
      slots(room, c.slots.size()),
      stack(room + c.slots.size(), c.max_stack) {
  std::size_t s = 0;
  for (value& a : args) ::new (&slots[s++]) value(std::move(a));
  for (; s < slots.size(); ++s) ::new (&slots[s]) value();
}

frame::~frame() {
  // In the order of the members' own destructors: the awaited future, the stack, the slots.
  awaitee = value();
  stack.clear();
  for (value& s : slots) s.~value();
}

void frame::operator delete(frame* f, std::destroying_delete_t) {
  const std::size_t bytes = block_bytes(f->code);
  f->~frame();
  free_block(f, bytes);
}

std::string frame::type_name() const {
  return code.kind == body_kind::async_block ? "impl Future (async block)"
                                             : "impl Future (`" + code.name + "`)";
}

bool frame::poll(interpreter& in, context& cx, value& out) {
  if (where == state::returned) in.panic(code.where, "`async fn` resumed after completion");
  if (where == state::poisoned) in.panic(code.where, "`async fn` resumed after panicking");
  try {
    const bool done = in.run(*this, &cx, out);
    where = done ? state::returned : state::suspended;
    return done;
  } catch (...) {
    where = state::poisoned;
    throw;
  }
}

void interpreter::runaway(span where) const {
  throw runaway_error("this task ran " + std::to_string(limits_.steps_per_poll) +
                          " loop iterations and calls in one poll without reaching an "
                          "`.await` that was pending: a task that never yields blocks its worker",
                      describe_location(where));
}

bool interpreter::run(frame& f, context* cx, value& out) {
  if (depth_ >= limits_.max_call_depth) {
    panic(f.code.where, "stack overflow: futures nested more than " +
                            std::to_string(limits_.max_call_depth) + " deep");
  }
  depth_guard depth(depth_);
  return resume(f, cx, out);
}

bool interpreter::resume(frame& f, context* cx, value& out) {
  count_step(f.code.where);
  // The code and the pc in locals, which the compiler keeps in registers; the frame gets its
  // pc back when it suspends.
  const instruction* const code = f.code.code.data();
  std::uint32_t pc = f.pc;
  operand_stack& stack = f.stack;
  const std::span<value> slots = f.slots;
  auto pop = [&stack] {
    value v = std::move(stack.back());
    stack.pop_back();
    return v;
  };
  auto pop_n = [&stack](std::uint32_t n) {
    value_list items(std::make_move_iterator(stack.end() - n),
                     std::make_move_iterator(stack.end()));
    stack.shrink_to(stack.size() - n);
    return items;
  };
  for (;;) {
    const instruction& i = code[pc];
    switch (i.op) {
      case opcode::constant:
        stack.push_back(code_.constants[i.a]);
        break;
      case opcode::pop:
        stack.pop_back();
        break;
      case opcode::dup:
        stack.push_back(stack.back());
        break;
      case opcode::swap:
        std::swap(stack[stack.size() - 1], stack[stack.size() - 2]);
        break;
      case opcode::load:
      case opcode::take: {
        value& v = slots[i.a];
        if (v.kind() == value_kind::moved) {
          panic(i.where, "use of moved value: `" + f.code.slots[i.a].name + "`");
        }
        if (i.op == opcode::load || is_copy(v)) {
          stack.push_back(v);
        } else {
          stack.push_back(std::move(v));
          v = value::moved();
        }
        break;
      }
      case opcode::store: {
        value v = pop();
        make_unique(v);
        slots[i.a] = std::move(v);
        break;
      }
      case opcode::drop_slot:
        slots[i.a] = value();
        break;
      case opcode::jump:
        if (i.a <= pc) count_step(i.where);
        pc = i.a;
        continue;
      case opcode::jump_if_false:
      case opcode::jump_if_true: {
        const bool b = pop().as_bool();
        if (b == (i.op == opcode::jump_if_true)) {
          if (i.a <= pc) count_step(i.where);
          pc = i.a;
          continue;
        }
        break;
      }
      case opcode::unary:
        stack.back() = apply_unary(*this, i.where, static_cast<unary_op>(i.a), stack.back());
        break;
      case opcode::binary: {
        value b = pop();
        value& a = stack.back();
        if (!integer_fast_path(static_cast<binary_op>(i.a), a, b, a)) {
          a = apply_binary(*this, i.where, static_cast<binary_op>(i.a), *through(a), *through(b));
        }
        break;
      }
      case opcode::cast:
        // Settling (b = 1) changes only a literal whose type is not fixed yet.
        if (i.b == 1 && (stack.back().kind() != value_kind::integer ||
                         stack.back().type() != int_type::inferred)) {
          break;
        }
        stack.back() =
            apply_cast(*this, i.where, stack.back(), static_cast<int_type>(i.a), i.b == 1);
        break;
      case opcode::call: {
        const std::size_t first = stack.size() - i.b;
        value result = call(i.a, std::span<value>(stack.data() + first, i.b), i.where);
        stack.shrink_to(first);
        stack.push_back(std::move(result));
        break;
      }
      case opcode::call_builtin: {
        // The arguments stay where they are, on the stack, until the call returns.
        const std::size_t first = stack.size() - i.b;
        value result = call_builtin(*this, static_cast<builtin>(i.a),
                                    std::span<value>(stack.data() + first, i.b), {i.where, i.line});
        stack.shrink_to(first);
        stack.push_back(std::move(result));
        break;
      }
      case opcode::call_method: {
        const std::size_t receiver = stack.size() - i.b - 1;
        if (quick_methods_[i.a] != quick_method::none &&
            call_quick_method(quick_methods_[i.a], stack, receiver, i.b)) {
          break;
        }
        value result =
            call_method(code_.names[i.a], stack[receiver],
                        std::span<value>(stack.data() + receiver + 1, i.b), {i.where, i.line});
        stack.shrink_to(receiver);
        stack.push_back(std::move(result));
        break;
      }
      case opcode::field: {
        value base = pop();
        stack.push_back(*field(base, code_.names[i.a], i.where));
        break;
      }
      case opcode::set_field: {
        value v = pop();
        value base = pop();
        make_unique(v);
        *field(base, code_.names[i.a], i.where) = std::move(v);
        break;
      }
      case opcode::tuple_item: {
        value base = pop();
        stack.push_back(*tuple_item(base, i.a, i.where));
        break;
      }
      case opcode::set_tuple_item: {
        value v = pop();
        value base = pop();
        *tuple_item(base, i.a, i.where) = std::move(v);
        break;
      }
      case opcode::index: {
        value index = pop();
        value base = pop();
        stack.push_back(*element(base, index, i.where));
        break;
      }
      case opcode::set_index: {
        value v = pop();
        value index = pop();
        value base = pop();
        make_unique(v);
        *element(base, index, i.where) = std::move(v);
        break;
      }
      case opcode::deref: {
        value v = pop();
        stack.push_back(*through(v));
        break;
      }
      case opcode::set_deref: {
        value v = pop();
        value target = pop();
        value* place = through(target);
        if (place == &target) panic(i.where, "cannot assign through `*` to this value");
        *place = std::move(v);
        break;
      }
      case opcode::make_tuple:
        stack.push_back(value::of(new tuple_object(pop_n(i.a))));
        break;
      case opcode::make_vec: {
        auto* v = new vec_object();
        v->items = pop_n(i.a);
        stack.push_back(value::of(v));
        break;
      }
      case opcode::make_vec_repeat: {
        value count = pop();
        value item = pop();
        const wide_int n = integer_value(count);
        if (n < 0 || n > static_cast<std::int64_t>(max_vec_length))
          panic(i.where, "capacity overflow");
        auto* v = new vec_object();
        v->items.reserve(static_cast<std::size_t>(n));
        for (wide_int k = 0; k < n; ++k) {
          v->items.push_back(
              is_copy(item) ? item
                            : call_library_method(*this, "clone", item, {}, {i.where, i.line}));
        }
        stack.push_back(value::of(v));
        break;
      }
      case opcode::make_struct:
        stack.push_back(value::of(new struct_object(code_.structs[i.a], pop_n(i.b))));
        break;
      case opcode::make_variant: {
        const auto tag = static_cast<variant_tag>(i.a);
        if (tag == variant_tag::none || tag == variant_tag::pending) {
          stack.push_back(value::variant(tag));
        } else {
          stack.back() = wrap(tag, std::move(stack.back()));
        }
        break;
      }
      case opcode::make_future: {
        const std::size_t first = stack.size() - i.b;
        value future = value::of(
            frame::make(code_.functions[i.a], std::span<value>(stack.data() + first, i.b)));
        stack.shrink_to(first);
        stack.push_back(std::move(future));
        break;
      }
      case opcode::await_: {
        if (!f.awaiting) {
          f.awaitee = pop();
          f.awaiting = true;
        }
        value output;
        if (!poll_future(f.awaitee, *cx, output)) {
          f.suspend = i.a;
          f.pc = pc;
          mark_await_point(location(call_site{i.where, i.line}), f.code.suspends[i.a].state);
          return false;
        }
        f.awaitee = value();
        f.awaiting = false;
        if (i.discard == 0) stack.push_back(std::move(output));
        break;
      }
      case opcode::ret:
        out = pop();
        stack.clear();
        for (value& s : slots) s = value();
        return true;
      case opcode::is_variant: {
        const value v = pop();
        stack.push_back(value::boolean(v.kind() == value_kind::variant &&
                                       v.tag() == static_cast<variant_tag>(i.a)));
        break;
      }
      case opcode::payload: {
        const value v = pop();
        stack.push_back(v.payload());
        break;
      }
      case opcode::matches_const: {
        const value v = pop();
        stack.push_back(value::boolean(values_equal(v, code_.constants[i.a])));
        break;
      }
      case opcode::in_range: {
        const value v = pop();
        const wide_int n = integer_value(v);
        const wide_int lo = integer_value(code_.constants[i.a]);
        const wide_int hi = integer_value(code_.constants[i.a + 1]);
        stack.push_back(value::boolean(v.kind() == value_kind::integer && n >= lo &&
                                       (i.b == 1 ? n <= hi : n < hi)));
        break;
      }
      case opcode::format: {
        value_list args = pop_n(i.b);
        const format_spec& spec = code_.formats[i.a];
        std::string text;
        std::size_t next = 0;
        for (const format_piece& piece : spec.pieces) {
          text += piece.text;
          if (!piece.has_argument) continue;
          std::string formatted;
          if (!format_value(*through(args[next++]), piece, formatted)) panic(i.where, formatted);
          text += formatted;
        }
        stack.push_back(make_string(std::move(text)));
        break;
      }
      case opcode::print: {
        const value v = pop();
        std::string text = v.as<string_object>()->text;
        if (i.b == 1) text += '\n';
        print(std::move(text), i.a == 1, {i.where, i.line});
        break;
      }
      case opcode::panic: {
        const value v = pop();
        const auto* s = v.as<string_object>();
        panic(i.where, s != nullptr ? s->text : "explicit panic");
      }
      case opcode::iterate:
        stack.back() = make_iterator(*this, std::move(stack.back()), i.where);
        break;
      case opcode::next_or_jump: {
        value item;
        if (!iterator_next(*this, slots[i.b], item, i.where)) {
          pc = i.a;
          continue;
        }
        if (i.discard == 0) stack.push_back(std::move(item));
        break;
      }
      case opcode::try_: {
        value& v = stack.back();
        if (v.kind() != value_kind::variant ||
            (v.tag() != variant_tag::ok && v.tag() != variant_tag::err &&
             v.tag() != variant_tag::some && v.tag() != variant_tag::none)) {
          panic(i.where,
                "the `?` operator can only be applied to values of type `Result` or `Option`");
        }
        if (v.tag() == variant_tag::ok || v.tag() == variant_tag::some) {
          v = value(v.payload());
          break;
        }
        out = std::move(v);
        stack.clear();
        for (value& s : slots) s = value();
        return true;
      }
      case opcode::join:
        stack.push_back(make_join(pop_n(i.a)));
        break;
      case opcode::select: {
        value_list pairs = pop_n(2 * i.a);
        value_list futures;
        std::vector<std::uint32_t> tests;
        for (std::uint32_t k = 0; k < i.a; ++k) {
          futures.push_back(std::move(pairs[2 * k]));
          tests.push_back(static_cast<std::uint32_t>(pairs[2 * k + 1].bits()));
        }
        stack.push_back(make_select(std::move(futures), std::move(tests), i.b == 1));
        break;
      }
    }
    ++pc;
  }
}

value* interpreter::field(value& base, const std::string& name, span where) const {
  value* target = through(base);
  auto* s = target->as<struct_object>();
  if (s == nullptr) panic(where, "no field `" + name + "` on a value of this type");
  for (std::size_t k = 0; k < s->fields.size(); ++k) {
    if (s->type->fields[k] == name) return &s->fields[k];
  }
  panic(where, "no field `" + name + "` on type `" + s->type->name + "`");
}

value* interpreter::tuple_item(value& base, std::uint32_t index, span where) const {
  value* target = through(base);
  auto* t = target->as<tuple_object>();
  if (t == nullptr || index >= t->items.size()) {
    panic(where, "no field `" + std::to_string(index) + "` on a value of this type");
  }
  return &t->items[index];
}

value* interpreter::element(value& base, const value& index, span where) const {
  value* target = through(base);
  auto* v = target->as<vec_object>();
  if (v == nullptr) panic(where, "cannot index into a value of this type");
  const wide_int n = integer_value(index);
  if (index.kind() != value_kind::integer || n < 0 || n >= static_cast<wide_int>(v->items.size())) {
    panic(where, "index out of bounds: the len is " + std::to_string(v->items.size()) +
                     " but the index is " + debug_string(index));
  }
  return &v->items[static_cast<std::size_t>(n)];
}

value interpreter::call_method(const std::string& name, const value& receiver,
                               std::span<value> args, const call_site& where) {
  value copy = receiver;
  value* target = through(copy);
  if (const auto* s = target->as<struct_object>()) {
    for (const auto& [method, index] : s->type->methods) {
      if (method != name) continue;
      value_list all;
      all.reserve(args.size() + 1);
      all.push_back(*target);
      for (value& a : args) all.push_back(std::move(a));
      return call(index, all, where);
    }
  }
  return call_library_method(*this, name, receiver, args, where);
}

void interpreter::print(std::string text, bool to_stderr, const call_site& where) {
  if (text.empty()) return;
  runtime& rt = runtime::current();
  if (rt.trace().enabled()) {
    const source_location at = location(where);
    rt.emit(trace_event{
        .file = at.file,
        .line = at.line,
        .task = rt.current_task() != nullptr ? rt.current_task()->id : 0,
        .text = rt.trace().intern(text),
        .kind = event_kind::output,
        .detail = static_cast<std::uint8_t>(to_stderr ? output_stream::err : output_stream::out)});
  }
  if (on_print) on_print({std::move(text), to_stderr});
}

wakeline::poll<value> program_task::poll(context& cx) {
  in->begin_task_poll();
  value out;
  try {
    if (!in->poll_future(future, cx, out)) return poll_pending;
  } catch (const runaway_error&) {
    // A task that never yields holds its worker for good: the whole run stops there, and the
    // task's end says why.
    runtime::current().request_cancel();
    throw;
  }
  return out;
}

}  // namespace wakeline::lang
