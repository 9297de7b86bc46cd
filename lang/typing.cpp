#include "typing.hpp"

#include <algorithm>
#include <string_view>

#include "builtins.hpp"

namespace wakeline::lang {

namespace {

using kind = static_type::kind;

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::optional<int_type> integer_named(std::string_view name) {
  if (name == "i32") return int_type::i32;
  if (name == "i64") return int_type::i64;
  if (name == "u32") return int_type::u32;
  if (name == "u64") return int_type::u64;
  if (name == "usize") return int_type::usize;
  return std::nullopt;
}

std::string path_text(const std::vector<ident>& segments) {
  std::string out;
  for (const ident& s : segments) out += (out.empty() ? "" : "::") + s.name;
  return out;
}

// The integer type a literal's suffix gives (`10u64`), or Rust's fallback.
static_type integer_literal_type(const std::string& digits) {
  for (std::string_view suffix : {"i32", "i64", "u32", "u64", "usize"}) {
    if (ends_with(digits, suffix)) return static_type::of_integer(*integer_named(suffix));
  }
  return static_type::of_integer(int_type::inferred);
}

// Whatever is behind an Arc, a reference, a box or a pin: methods reach through them, as
// auto-deref does.
const static_type& through_arc(const static_type& t) {
  if (t.k == kind::arc || t.k == kind::reference || t.k == kind::boxed || t.k == kind::pinned)
    return through_arc(t.arg(0));
  return t;
}

static_type method_type(const static_type& receiver, const std::string& name,
                        const std::vector<static_type>& args) {
  const static_type& r = through_arc(receiver);
  if (name == "clone") return receiver;
  if (name == "unwrap" || name == "expect") {
    if (r.k == kind::option || r.k == kind::result) return r.arg(0);
    return {};
  }
  if (name == "len") return static_type::of_integer(int_type::usize);
  if (name == "is_some" || name == "is_none" || name == "is_ok" || name == "is_err" ||
      name == "is_finished" || name == "is_empty" || name == "will_wake" || name == "is_closed") {
    return static_type::of(kind::boolean);
  }
  if (name == "to_string" || name == "to_owned") return static_type::of(kind::string);
  if (name == "elapsed") return static_type::of(kind::duration);
  if (name == "as_millis" || name == "as_micros" || name == "as_nanos") {
    return static_type::of(kind::u128);
  }
  if (name == "as_secs") return static_type::of_integer(int_type::u64);
  if (name == "take" && r.k == kind::option) return r;
  // `as_mut()` of a pin reborrows what it points to; of an `Option`, borrows its payload.
  if (name == "as_mut" && receiver.k == kind::pinned) {
    return static_type::of(kind::pinned, {static_type::of(kind::reference, {r})});
  }
  if (name == "as_mut" && receiver.k == kind::option) {
    return static_type::of(kind::option, {static_type::of(kind::reference, {receiver.arg(0)})});
  }
  if (name == "pop" && r.k == kind::vec) return static_type::of(kind::option, {r.arg(0)});
  if (name == "waker") return static_type::of(kind::waker);
  switch (r.k) {
    case kind::sender:
      if (name == "send") return static_type::of(kind::send_future, {r.arg(0)});
      break;
    case kind::unbounded_sender:
      if (name == "send") {
        return static_type::of(kind::result, {static_type::of(kind::unit),
                                              static_type::of(kind::send_error, {r.arg(0)})});
      }
      break;
    case kind::oneshot_sender:
      if (name == "send")
        return static_type::of(
            kind::result, {static_type::of(kind::unit), args.empty() ? static_type() : args[0]});
      break;
    case kind::receiver:
    case kind::unbounded_receiver:
      if (name == "recv") return static_type::of(kind::recv_future, {r.arg(0)});
      break;
    case kind::tokio_mutex:
      if (name == "lock") return static_type::of(kind::lock_future, {r.arg(0)});
      break;
    case kind::std_mutex:
      if (name == "lock") {
        return static_type::of(kind::result, {static_type::of(kind::std_guard, {r.arg(0)}),
                                              static_type::of(kind::zero_sized_error)});
      }
      break;
    case kind::semaphore:
      if (name == "acquire") return static_type::of(kind::acquire_future);
      if (name == "available_permits") return static_type::of_integer(int_type::usize);
      break;
    case kind::notify:
      if (name == "notified") return static_type::of(kind::notified_future);
      break;
    case kind::interval:
      if (name == "tick") return static_type::of(kind::tick_future);
      if (name == "reset" || name == "set_missed_tick_behavior") return static_type::of(kind::unit);
      if (name == "period") return static_type::of(kind::duration);
      if (name == "missed_tick_behavior") return static_type::of(kind::missed_tick);
      break;
    case kind::sleep:
      if (name == "reset") return static_type::of(kind::unit);
      if (name == "deadline") return static_type::of(kind::instant);
      if (name == "is_elapsed") return static_type::of(kind::boolean);
      break;
    default:
      break;
  }
  return {};
}

}  // namespace

static_type type_from(const type_ref& t, const type_scope& scope) {
  switch (t.kind) {
    case type_kind::tuple: {
      if (t.args.empty()) return static_type::of(kind::unit);
      static_type out = static_type::of(kind::tuple);
      for (const type_ref& a : t.args) out.args.push_back(type_from(a, scope));
      return out;
    }
    case type_kind::reference: {
      const static_type inner = t.args.empty() ? static_type() : type_from(t.args[0], scope);
      if (inner.k == kind::context) return inner;
      if (!t.args.empty() && t.args[0].kind == type_kind::path && !t.args[0].path.empty() &&
          t.args[0].path.back().name == "str") {
        return static_type::of(kind::str);
      }
      return static_type::of(kind::reference, {inner});
    }
    case type_kind::impl_trait:
      return {};
    case type_kind::path:
      break;
  }
  if (t.path.empty()) return {};
  const std::string full = scope.expand(t.path);
  const std::string& last = t.path.back().name;
  std::vector<static_type> args;
  for (const type_ref& a : t.args) args.push_back(type_from(a, scope));
  auto with = [&](kind k) { return static_type::of(k, args); };
  if (auto i = integer_named(last)) return static_type::of_integer(*i);
  if (last == "bool") return static_type::of(kind::boolean);
  if (last == "String") return static_type::of(kind::string);
  if (last == "Duration") return static_type::of(kind::duration);
  if (last == "Instant") return static_type::of(kind::instant);
  if (last == "Vec") return with(kind::vec);
  if (last == "Option") return with(kind::option);
  if (last == "Result") return with(kind::result);
  if (last == "Arc") return with(kind::arc);
  if (last == "Box") return with(kind::boxed);
  if (last == "Pin") return with(kind::pinned);
  if (last == "MissedTickBehavior") return static_type::of(kind::missed_tick);
  if (last == "Mutex") {
    if (full.starts_with("std::")) return with(kind::std_mutex);
    if (full.starts_with("tokio::")) return with(kind::tokio_mutex);
    return {};
  }
  if (last == "Semaphore") return static_type::of(kind::semaphore);
  if (last == "Notify") return static_type::of(kind::notify);
  if (last == "Sender") {
    if (full.find("oneshot") != std::string::npos) return with(kind::oneshot_sender);
    if (full.find("mpsc") != std::string::npos) return with(kind::sender);
    return {};
  }
  if (last == "Receiver") {
    if (full.find("oneshot") != std::string::npos) return with(kind::oneshot_receiver);
    if (full.find("mpsc") != std::string::npos) return with(kind::receiver);
    return {};
  }
  if (last == "UnboundedSender") return with(kind::unbounded_sender);
  if (last == "UnboundedReceiver") return with(kind::unbounded_receiver);
  if (last == "JoinHandle") return with(kind::join_handle);
  if (last == "Interval") return static_type::of(kind::interval);
  if (last == "Waker") return static_type::of(kind::waker);
  if (last == "Context") return static_type::of(kind::context);
  if (last == "Sleep") return static_type::of(kind::sleep);
  if (last == "Self") {
    if (auto s = scope.self_struct()) return static_type::of_body(kind::structure, *s);
    return {};
  }
  if (auto s = scope.struct_named(last)) return static_type::of_body(kind::structure, *s);
  return {};
}

// A channel's two ends, carrying `message` (unknown until a turbofish or a later use tells it),
// marked with the channel they belong to (`index`: where the call that made it begins, plus
// one), so that what one end learns the other learns too.
static_type channel_ends(kind sender, kind receiver, const static_type& message, const expr& call) {
  static_type tx = static_type::of(sender, {message});
  static_type rx = static_type::of(receiver, {message});
  tx.index = rx.index = static_cast<std::uint32_t>(call.span.begin + 1);
  return static_type::of(kind::tuple, {tx, rx});
}

static_type type_of(const expr& e, type_scope& scope) {
  switch (e.kind) {
    case expr_kind::integer:
      return integer_literal_type(e.text);
    case expr_kind::string:
      return static_type::of(kind::str);
    case expr_kind::boolean:
      return static_type::of(kind::boolean);
    case expr_kind::unit:
      return static_type::of(kind::unit);
    case expr_kind::path: {
      const auto& segs = e.path.segments;
      if (segs.size() == 1) {
        static_type local = scope.local(segs[0].name);
        if (local.known()) return local;
        static_type c = scope.constant(segs[0].name);
        if (c.known()) return c;
        if (auto s = scope.struct_named(segs[0].name)) {
          return static_type::of_body(kind::structure, *s);
        }
      }
      if (segs.back().name == "None") return static_type::of(kind::option);
      if (auto b = find_builtin(scope.expand(segs)); b && is_builtin_value(*b)) {
        return static_type::of(kind::missed_tick);
      }
      return {};
    }
    case expr_kind::call: {
      std::vector<static_type> args;
      for (const expr_ptr& a : e.items) args.push_back(type_of(*a, scope));
      if (e.lhs->kind != expr_kind::path) return {};
      const auto& segs = e.lhs->path.segments;
      const std::string last = segs.back().name;
      if (segs.size() == 1 || (segs.size() == 2 && segs[0].name == "Option") ||
          (segs.size() == 2 && segs[0].name == "Result") ||
          (segs.size() == 2 && segs[0].name == "Poll")) {
        if (last == "Some")
          return static_type::of(kind::option, {args.empty() ? static_type() : args[0]});
        if (last == "Ok")
          return static_type::of(kind::result, {args.empty() ? static_type() : args[0]});
        if (last == "Err") {
          return static_type::of(kind::result,
                                 {static_type(), args.empty() ? static_type() : args[0]});
        }
      }
      if (auto index = scope.function_named(path_text(segs))) {
        const function_code& f = scope.code().functions[*index];
        if (f.is_async()) return static_type::of_body(kind::async_body, *index);
        return f.output;
      }
      const std::optional<builtin> b = find_builtin(scope.expand(segs));
      if (!b) return {};
      auto arg = [&](std::size_t i) { return i < args.size() ? args[i] : static_type(); };
      // A turbofish names what a channel carries: `mpsc::channel::<u32>(8)`.
      const static_type message =
          e.lhs->path.generics.empty() ? static_type() : type_from(e.lhs->path.generics[0], scope);
      switch (*b) {
        case builtin::spawn:
          return static_type::of(kind::join_handle, {output_of(arg(0), scope.code())});
        case builtin::sleep:
        case builtin::sleep_until:
          return static_type::of(kind::sleep);
        case builtin::timeout:
        case builtin::timeout_at:
          return static_type::of(kind::timeout, {arg(1)});
        case builtin::interval:
        case builtin::interval_at:
          return static_type::of(kind::interval);
        case builtin::yield_now:
          return static_type::of(kind::yield_now);
        case builtin::mpsc_channel:
          return channel_ends(kind::sender, kind::receiver, message, e);
        case builtin::mpsc_unbounded:
          return channel_ends(kind::unbounded_sender, kind::unbounded_receiver, message, e);
        case builtin::oneshot_channel:
          return channel_ends(kind::oneshot_sender, kind::oneshot_receiver, message, e);
        case builtin::tokio_mutex_new:
          return static_type::of(kind::tokio_mutex, {arg(0)});
        case builtin::std_mutex_new:
          return static_type::of(kind::std_mutex, {arg(0)});
        case builtin::semaphore_new:
          return static_type::of(kind::semaphore);
        case builtin::notify_new:
          return static_type::of(kind::notify);
        case builtin::arc_new:
          return static_type::of(kind::arc, {arg(0)});
        case builtin::arc_clone:
          return arg(0);
        case builtin::duration_from_secs:
        case builtin::duration_from_millis:
        case builtin::duration_from_micros:
        case builtin::duration_from_nanos:
          return static_type::of(kind::duration);
        case builtin::instant_now:
          return static_type::of(kind::instant);
        case builtin::vec_new:
        case builtin::vec_with_capacity:
          return static_type::of(kind::vec, {message});
        case builtin::string_new:
        case builtin::string_from:
          return static_type::of(kind::string);
        case builtin::drop:
        case builtin::work:
          return static_type::of(kind::unit);
        case builtin::box_new: {
          // `Pin::new(&mut x)` is a pin of the reference; `Box::pin(x)` a pin of a box.
          const std::string written = scope.expand(segs);
          if (ends_with(written, "Pin::new")) return static_type::of(kind::pinned, {arg(0)});
          const static_type boxed = static_type::of(kind::boxed, {arg(0)});
          if (ends_with(written, "Box::pin")) return static_type::of(kind::pinned, {boxed});
          return boxed;
        }
        default:
          return {};
      }
    }
    case expr_kind::method_call: {
      std::vector<static_type> args;
      for (const expr_ptr& a : e.items) args.push_back(type_of(*a, scope));
      return method_type(type_of(*e.lhs, scope), e.name.name, args);
    }
    case expr_kind::field: {
      const static_type base = through_arc(type_of(*e.lhs, scope));
      if (base.k != kind::structure) return {};
      const struct_code& s = scope.code().structs[base.index];
      for (std::size_t i = 0; i < s.fields.size() && i < s.field_static_types.size(); ++i) {
        if (s.fields[i] == e.name.name) return s.field_static_types[i];
      }
      return {};
    }
    case expr_kind::tuple_field: {
      const static_type base = type_of(*e.lhs, scope);
      return tuple_item_of(base, static_cast<std::size_t>(std::stoul("0" + e.name.name)));
    }
    case expr_kind::index: {
      const static_type base = type_of(*e.lhs, scope);
      return base.k == kind::vec ? base.arg(0) : static_type();
    }
    case expr_kind::await_:
      return output_of(type_of(*e.lhs, scope), scope.code());
    case expr_kind::try_: {
      const static_type inner = type_of(*e.lhs, scope);
      return inner.k == kind::option || inner.k == kind::result ? inner.arg(0) : static_type();
    }
    case expr_kind::unary: {
      const static_type inner = type_of(*e.lhs, scope);
      if (e.unary == unary_op::not_ || e.unary == unary_op::negate) return inner;
      // A reference is a pointer, whatever it points to.
      if (e.unary == unary_op::ref || e.unary == unary_op::ref_mut) {
        return static_type::of(kind::reference, {inner});
      }
      if (e.unary == unary_op::deref) {
        if (inner.k == kind::reference || inner.k == kind::boxed) return inner.arg(0);
        const static_type& t = through_arc(inner);
        if (t.k == kind::tokio_guard || t.k == kind::std_guard) return t.arg(0);
      }
      return {};
    }
    case expr_kind::binary:
      switch (e.binary) {
        case binary_op::eq:
        case binary_op::ne:
        case binary_op::lt:
        case binary_op::le:
        case binary_op::gt:
        case binary_op::ge:
        case binary_op::and_:
        case binary_op::or_:
          return static_type::of(kind::boolean);
        default: {
          static_type lhs = type_of(*e.lhs, scope);
          if (lhs.k == kind::str) return static_type::of(kind::string);
          if (lhs.k == kind::integer) {
            static_type rhs = type_of(*e.rhs, scope);
            // `3 * d` is a Duration, as `d * 3` is.
            if (rhs.k == kind::duration) return rhs;
            if (lhs.integer == int_type::inferred &&
                (rhs.k == kind::integer || rhs.k == kind::u128))
              return rhs;
          }
          return lhs;
        }
      }
    case expr_kind::assign:
    case expr_kind::compound_assign:
    case expr_kind::while_:
    case expr_kind::while_let:
    case expr_kind::for_:
      return static_type::of(kind::unit);
    case expr_kind::cast:
      return type_from(e.type, scope);
    case expr_kind::range: {
      static_type bound = e.lhs ? type_of(*e.lhs, scope) : static_type();
      if (bound.k == kind::integer && bound.integer == int_type::inferred && e.rhs) {
        static_type end = type_of(*e.rhs, scope);
        if (end.k == kind::integer) bound = end;
      }
      return static_type::of(e.flag ? kind::range_inclusive : kind::range, {bound});
    }
    case expr_kind::tuple: {
      static_type out = static_type::of(kind::tuple);
      for (const expr_ptr& item : e.items) out.args.push_back(type_of(*item, scope));
      return out;
    }
    case expr_kind::struct_literal: {
      if (e.path.segments.empty()) return {};
      if (auto s = scope.struct_named(e.path.segments.back().name)) {
        return static_type::of_body(kind::structure, *s);
      }
      if (e.path.segments.back().name == "Self") {
        if (auto s = scope.self_struct()) return static_type::of_body(kind::structure, *s);
      }
      return {};
    }
    case expr_kind::async_block:
      if (auto index = scope.async_block(e)) return static_type::of_body(kind::async_body, *index);
      return {};
    case expr_kind::block:
      return e.body && e.body->tail ? type_of(*e.body->tail, scope) : static_type::of(kind::unit);
    case expr_kind::if_:
    case expr_kind::if_let: {
      // The branches have one type: the first that can be told.
      static_type then = e.body && e.body->tail ? type_of(*e.body->tail, scope) : static_type();
      if (then.known() || !e.else_branch) return then;
      return type_of(*e.else_branch, scope);
    }
    case expr_kind::match:
      for (const match_arm& arm : e.arms) {
        static_type t = arm.body ? type_of(*arm.body, scope) : static_type();
        if (t.known()) return t;
      }
      return {};
    case expr_kind::macro: {
      const std::string& name = e.path.segments.empty() ? "" : e.path.segments.back().name;
      if (name == "format") return static_type::of(kind::string);
      if (name == "vec") {
        return static_type::of(kind::vec,
                               {e.items.empty() ? static_type() : type_of(*e.items[0], scope)});
      }
      if (name == "join") {
        // The tuple of the branches' outputs (lowering gives its await a join_poll).
        std::vector<static_type> outputs;
        for (const expr_ptr& item : e.items)
          outputs.push_back(output_of(type_of(*item, scope), scope.code()));
        return static_type::of(kind::tuple, std::move(outputs));
      }
      if (name == "println" || name == "print" || name == "eprintln" || name == "eprint" ||
          name == "assert" || name == "assert_eq" || name == "assert_ne") {
        return static_type::of(kind::unit);
      }
      return {};
    }
    default:
      return {};
  }
}

static_type output_of(const static_type& future, const program_code& code) {
  switch (future.k) {
    case kind::sleep:
    case kind::yield_now:
    case kind::notified_future:
      return static_type::of(kind::unit);
    case kind::timeout:
      return static_type::of(kind::result,
                             {output_of(future.arg(0), code), static_type::of(kind::elapsed)});
    case kind::send_future:
      return static_type::of(kind::result, {static_type::of(kind::unit),
                                            static_type::of(kind::send_error, {future.arg(0)})});
    case kind::recv_future:
      return static_type::of(kind::option, {future.arg(0)});
    case kind::lock_future:
      return static_type::of(kind::tokio_guard, {future.arg(0)});
    case kind::acquire_future:
      return static_type::of(
          kind::result, {static_type::of(kind::permit), static_type::of(kind::zero_sized_error)});
    case kind::tick_future:
      return static_type::of(kind::instant);
    case kind::join_handle:
      return static_type::of(kind::result, {future.arg(0), static_type::of(kind::join_error)});
    case kind::oneshot_receiver:
      return static_type::of(kind::result,
                             {future.arg(0), static_type::of(kind::zero_sized_error)});
    case kind::async_body:
      return future.index < code.functions.size() ? code.functions[future.index].output
                                                  : static_type();
    case kind::join_poll:
    case kind::select_poll: {
      std::vector<static_type> outputs;
      for (const static_type& branch : future.args) outputs.push_back(output_of(branch, code));
      return static_type::of(future.k == kind::join_poll ? kind::tuple : kind::select_out,
                             std::move(outputs));
    }
    // `&mut F`, `Pin<&mut F>`, `Pin<Box<F>>`: F's output.
    case kind::reference:
    case kind::boxed:
    case kind::pinned:
      return output_of(future.arg(0), code);
    default:
      return {};
  }
}

static_type iterator_of(const static_type& iterable) {
  switch (iterable.k) {
    case kind::range:
    case kind::range_inclusive:
      return iterable;
    case kind::vec:
      return static_type::of(kind::vec_iter, {iterable.arg(0)});
    default:
      return {};
  }
}

static_type item_of(const static_type& iterable) {
  switch (iterable.k) {
    case kind::range:
    case kind::range_inclusive:
    case kind::vec:
    case kind::vec_iter:
      return iterable.arg(0);
    default:
      return {};
  }
}

bool is_copy(const static_type& t) {
  switch (t.k) {
    case kind::unit:
    case kind::boolean:
    case kind::integer:
    case kind::u128:
    case kind::str:
    case kind::str_slice:
    case kind::duration:
    case kind::instant:
    case kind::reference:
    case kind::context:
    case kind::missed_tick:
      return true;
    case kind::tuple:
      return std::all_of(t.args.begin(), t.args.end(),
                         [](const static_type& a) { return is_copy(a); });
    default:
      return false;
  }
}

static_type tuple_item_of(const static_type& tuple, std::size_t index) {
  return tuple.k == kind::tuple ? tuple.arg(index) : static_type();
}

static_type payload_of(const static_type& t, variant_tag tag) {
  switch (tag) {
    case variant_tag::some:
      return t.k == kind::option ? t.arg(0) : static_type();
    case variant_tag::ok:
      return t.k == kind::result ? t.arg(0) : static_type();
    case variant_tag::err:
      return t.k == kind::result ? t.arg(1) : static_type();
    default:
      return {};
  }
}

std::string rust_name(const static_type& t, const program_code& code) {
  auto arg = [&](std::size_t i) { return rust_name(t.arg(i), code); };
  switch (t.k) {
    case kind::unknown:
      return "_";
    case kind::unit:
      return "()";
    case kind::boolean:
      return "bool";
    case kind::integer:
      return t.integer == int_type::inferred ? "i32" : to_string(t.integer);
    case kind::u128:
      return "u128";
    case kind::str:
      return "&str";
    case kind::str_slice:
      return "&[&str]";
    case kind::string:
      return "String";
    case kind::duration:
      return "Duration";
    case kind::instant:
      return "Instant";
    case kind::tuple: {
      std::string out = "(";
      for (std::size_t i = 0; i < t.args.size(); ++i) out += (i ? ", " : "") + arg(i);
      return out + (t.args.size() == 1 ? ",)" : ")");
    }
    case kind::vec:
      return "Vec<" + arg(0) + ">";
    case kind::option:
      return "Option<" + arg(0) + ">";
    case kind::result:
      return "Result<" + arg(0) + ", " + arg(1) + ">";
    case kind::structure:
      return t.index < code.structs.size() ? code.structs[t.index].name : "_";
    case kind::arc:
      return "Arc<" + arg(0) + ">";
    case kind::std_mutex:
      return "std::sync::Mutex<" + arg(0) + ">";
    case kind::std_guard:
      return "std::sync::MutexGuard<'_, " + arg(0) + ">";
    case kind::tokio_mutex:
      return "Mutex<" + arg(0) + ">";
    case kind::tokio_guard:
      return "MutexGuard<'_, " + arg(0) + ">";
    case kind::semaphore:
      return "Semaphore";
    case kind::permit:
      return "SemaphorePermit<'_>";
    case kind::notify:
      return "Notify";
    case kind::sender:
      return "mpsc::Sender<" + arg(0) + ">";
    case kind::receiver:
      return "mpsc::Receiver<" + arg(0) + ">";
    case kind::unbounded_sender:
      return "UnboundedSender<" + arg(0) + ">";
    case kind::unbounded_receiver:
      return "UnboundedReceiver<" + arg(0) + ">";
    case kind::oneshot_sender:
      return "oneshot::Sender<" + arg(0) + ">";
    case kind::oneshot_receiver:
      return "oneshot::Receiver<" + arg(0) + ">";
    case kind::join_handle:
      return "JoinHandle<" + arg(0) + ">";
    case kind::interval:
      return "Interval";
    case kind::waker:
      return "Waker";
    case kind::context:
      return "&mut Context<'_>";
    case kind::reference:
      return "&" + arg(0);
    case kind::boxed:
      return "Box<" + arg(0) + ">";
    case kind::pinned:
      // What `tokio::pin!` and `as_mut()` make is a `Pin<&mut T>`.
      if (t.arg(0).k == kind::reference)
        return "Pin<&mut " + rust_name(t.arg(0).arg(0), code) + ">";
      return "Pin<" + arg(0) + ">";
    case kind::missed_tick:
      return "MissedTickBehavior";
    case kind::range:
      return "Range<" + arg(0) + ">";
    case kind::range_inclusive:
      return "RangeInclusive<" + arg(0) + ">";
    case kind::vec_iter:
      return "vec::IntoIter<" + arg(0) + ">";
    case kind::join_error:
      return "JoinError";
    case kind::elapsed:
      return "Elapsed";
    case kind::send_error:
      return "SendError<" + arg(0) + ">";
    case kind::zero_sized_error:
      return "an error";
    case kind::sleep:
      return "Sleep";
    case kind::timeout:
      return "Timeout<" + arg(0) + ">";
    case kind::yield_now:
      return "impl Future (yield_now)";
    case kind::send_future:
      return "impl Future (Sender::send)";
    case kind::recv_future:
      return "impl Future (Receiver::recv)";
    case kind::lock_future:
      return "impl Future (Mutex::lock)";
    case kind::acquire_future:
      return "Acquire<'_>";
    case kind::notified_future:
      return "Notified<'_>";
    case kind::tick_future:
      return "impl Future (Interval::tick)";
    case kind::maybe_done:
      return "MaybeDone<" + arg(0) + ">";
    case kind::join_poll:
      return "impl Future (join!)";
    case kind::select_poll:
      return "impl Future (select!)";
    case kind::select_mask:
      return t.index <= 8 ? "u8" : t.index <= 16 ? "u16" : t.index <= 32 ? "u32" : "u64";
    case kind::select_out: {
      std::string out = "Out<";
      for (std::size_t i = 0; i < t.args.size(); ++i) out += (i ? ", " : "") + arg(i);
      return out + ">";
    }
    case kind::async_body:
      if (t.index < code.functions.size()) {
        const function_code& f = code.functions[t.index];
        return f.kind == body_kind::async_block ? "impl Future (async block)"
                                                : "impl Future (`" + f.name + "`)";
      }
      return "impl Future";
  }
  return "_";
}

}  // namespace wakeline::lang
