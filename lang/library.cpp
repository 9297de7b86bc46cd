#include "library.hpp"

#include <chrono>
#include <optional>
#include <utility>

#include "core/wakeline.hpp"
#include "display.hpp"
#include "objects.hpp"
#include "operators.hpp"

namespace wakeline::lang {

namespace {

using std::chrono::nanoseconds;

// ---- futures of the runtime ----

/// A core future whose output becomes a value: a sleep, a receive, a lock.
template <class F, class Convert>
class core_future final : public future_object {
 public:
  core_future(const char* name, F f, Convert convert, value keep_alive = {})
      : future_object(object_tag::core_future),
        name_(name),
        future_(std::move(f)),
        convert_(std::move(convert)),
        keep_alive_(std::move(keep_alive)) {}
  std::string type_name() const override { return name_; }
  bool poll(interpreter&, context& cx, value& out) override {
    if constexpr (std::is_void_v<output_t<F>>) {
      if (future_.poll(cx).is_pending()) return false;
      out = convert_();
    } else {
      auto p = future_.poll(cx);
      if (p.is_pending()) return false;
      out = convert_(std::move(p).value());
    }
    return true;
  }

 private:
  const char* name_;
  F future_;
  Convert convert_;
  value keep_alive_;  ///< The handle the future borrows from (a receiver, a mutex)
};

template <class F, class Convert>
value make_core_future(const char* name, F f, Convert convert, value keep_alive = {}) {
  return value::of(
      new core_future<F, Convert>(name, std::move(f), std::move(convert), std::move(keep_alive)));
}

/// A program future as a core future, for the core's combinators (timeout).
struct value_future {
  interpreter* in;
  value future;
  wakeline::poll<value> poll(context& cx) {
    value out;
    if (!in->poll_future(future, cx, out)) return poll_pending;
    return out;
  }
};

/// An error value of the library, shown as Rust shows it.
class error_object final : public object {
 public:
  error_object(std::string type, std::string display, std::string debug)
      : type_(std::move(type)), display_(std::move(display)), debug_(std::move(debug)) {}
  std::string type_name() const override { return type_; }
  std::string debug() const override { return debug_; }
  bool display(std::string& out) const override {
    out = display_;
    return true;
  }
  bool is(std::string_view type) const { return type_ == type; }

 private:
  std::string type_, display_, debug_;
};

value error(std::string type, std::string display, std::string debug) {
  return value::of(new error_object(std::move(type), std::move(display), std::move(debug)));
}

/// What a `timeout` gives: `Ok` of the future's output, or `Err(Elapsed)`.
value timeout_output(std::optional<value> v) {
  return v ? wrap(variant_tag::ok, std::move(*v))
           : wrap(variant_tag::err, error("Elapsed", "deadline has elapsed", "Elapsed(())"));
}

// ---- tasks ----

/// Tokio's JoinHandle: a future of `Result<T, JoinError>`.
class join_handle_object final : public future_object {
 public:
  static constexpr object_tag tag_of = object_tag::join_handle;
  explicit join_handle_object(join_handle<value> h) : future_object(tag_of), handle(std::move(h)) {}
  std::string type_name() const override { return "JoinHandle<_>"; }
  bool poll(interpreter&, context& cx, value& out) override {
    const std::uint32_t id = handle.id();
    try {
      auto p = handle.poll(cx);
      if (p.is_pending()) return false;
      out = wrap(variant_tag::ok, std::move(p).value());
    } catch (const join_error&) {
      out =
          wrap(variant_tag::err, error("JoinError", "task " + std::to_string(id) + " was cancelled",
                                       "JoinError::Cancelled(Id(" + std::to_string(id) + "))"));
    } catch (const std::exception& e) {
      const auto* p = dynamic_cast<const panic_error*>(&e);
      const std::string message = p != nullptr ? p->message() : e.what();
      out = wrap(variant_tag::err, error("JoinError", "task " + std::to_string(id) + " panicked",
                                         "JoinError::Panic(Id(" + std::to_string(id) + "), \"" +
                                             message + "\", ...)"));
    }
    return true;
  }
  join_handle<value> handle;
};

// ---- channels ----

class mpsc_sender_object final : public object {
 public:
  explicit mpsc_sender_object(mpsc::sender<value> s) : sender(std::move(s)) {}
  std::string type_name() const override { return "Sender<_>"; }
  mpsc::sender<value> sender;
};

class mpsc_unbounded_sender_object final : public object {
 public:
  explicit mpsc_unbounded_sender_object(mpsc::unbounded_sender<value> s) : sender(std::move(s)) {}
  std::string type_name() const override { return "UnboundedSender<_>"; }
  mpsc::unbounded_sender<value> sender;
};

class mpsc_receiver_object final : public object {
 public:
  explicit mpsc_receiver_object(mpsc::receiver<value> r) : receiver(std::move(r)) {}
  std::string type_name() const override { return "Receiver<_>"; }
  mpsc::receiver<value> receiver;
};

class oneshot_sender_object final : public object {
 public:
  explicit oneshot_sender_object(oneshot::sender<value> s) : sender(std::move(s)) {}
  std::string type_name() const override { return "oneshot::Sender<_>"; }
  std::optional<oneshot::sender<value>> sender;
};

/// A oneshot receiver is itself the future of `Result<T, RecvError>`.
class oneshot_receiver_object final : public future_object {
 public:
  explicit oneshot_receiver_object(oneshot::receiver<value> r) : receiver(std::move(r)) {}
  std::string type_name() const override { return "oneshot::Receiver<_>"; }
  bool poll(interpreter&, context& cx, value& out) override {
    auto p = receiver.poll(cx);
    if (p.is_pending()) return false;
    auto v = std::move(p).value();
    out = v ? wrap(variant_tag::ok, std::move(*v))
            : wrap(variant_tag::err, error("RecvError", "channel closed", "RecvError(())"));
    return true;
  }
  oneshot::receiver<value> receiver;
};

// ---- locks, permits, notifications, intervals ----

class tokio_mutex_object final : public object {
 public:
  explicit tokio_mutex_object(value v) : lock(std::move(v)) {}
  std::string type_name() const override { return "Mutex<_>"; }
  mutex<value> lock;
};

class tokio_guard_object final : public object {
 public:
  tokio_guard_object(mutex_guard<value> g, value m) : guard(std::move(g)), mutex_(std::move(m)) {}
  std::string type_name() const override { return "MutexGuard<'_, _>"; }
  value* deref() override { return &*guard; }
  // The guard unlocks before the mutex it borrows can go.
  mutex_guard<value> guard;

 private:
  value mutex_;
};

class semaphore_object final : public object {
 public:
  explicit semaphore_object(std::size_t permits) : sem(permits) {}
  std::string type_name() const override { return "Semaphore"; }
  semaphore sem;
};

class permit_object final : public object {
 public:
  permit_object(semaphore_permit p, value s) : permit(std::move(p)), semaphore_(std::move(s)) {}
  std::string type_name() const override { return "SemaphorePermit<'_>"; }
  std::optional<semaphore_permit> permit;

 private:
  value semaphore_;
};

class notify_object final : public object {
 public:
  std::string type_name() const override { return "Notify"; }
  notify n;
};

class interval_object final : public object {
 public:
  explicit interval_object(nanoseconds period) : ticks(period) {}
  interval_object(std::uint64_t start_ns, nanoseconds period) : ticks(start_ns, period) {}
  std::string type_name() const override { return "Interval"; }
  interval ticks;
};

// ---- sleeps ----

/// Tokio's `Sleep`: the future of `sleep` and `sleep_until`, which a program can also reset
/// and ask for its deadline and whether it elapsed. Pins are not modelled: `tokio::pin!` and
/// `as_mut()` give this object itself, and lowering refuses `reset` on a `Sleep` it knows is
/// not pinned, as rustc does.
class sleep_object final : public future_object {
 public:
  explicit sleep_object(sleep_future s)
      : future_object(object_tag::core_future), sleep(std::move(s)) {}
  std::string type_name() const override { return "Sleep"; }
  // A completed sleep may be polled again (through `&mut sleep`): ready again, as Tokio's is.
  bool poll(interpreter&, context& cx, value& out) override {
    if (sleep.poll(cx).is_pending()) return false;
    out = value::unit();
    return true;
  }
  sleep_future sleep;
};

missed_tick_behavior behavior_of(const missed_tick_object& m) {
  switch (m.behavior) {
    case missed_tick_object::burst:
      return missed_tick_behavior::burst;
    case missed_tick_object::delay:
      return missed_tick_behavior::delay;
    case missed_tick_object::skip:
      break;
  }
  return missed_tick_behavior::skip;
}

value missed_tick_value(missed_tick_behavior b) {
  switch (b) {
    case missed_tick_behavior::burst:
      return value::of(new missed_tick_object(missed_tick_object::burst));
    case missed_tick_behavior::delay:
      return value::of(new missed_tick_object(missed_tick_object::delay));
    case missed_tick_behavior::skip:
      break;
  }
  return value::of(new missed_tick_object(missed_tick_object::skip));
}

// ---- wakers ----

class waker_object final : public object {
 public:
  explicit waker_object(const waker& w) : owned(w) {}
  explicit waker_object(const waker* b) : borrowed(b) {}
  std::string type_name() const override { return borrowed != nullptr ? "&Waker" : "Waker"; }
  bool is_copy() const override { return !owned; }
  const waker& get(const interpreter& in, span where) const {
    if (owned) return *owned;
    if (borrowed == nullptr)
      in.panic(where, "this `&Waker` came from a `Context` whose poll has ended");
    return *borrowed;
  }
  std::optional<waker> owned;
  const waker* borrowed = nullptr;  ///< `cx.waker()`: valid during its poll
};

class context_object final : public object {
 public:
  explicit context_object(context& c) : cx(&c) {}
  std::string type_name() const override { return "&mut Context<'_>"; }
  bool is_copy() const override { return true; }
  context* cx;
  value waker_ref;  ///< The `&Waker` handed out, expired with the context
};

// ---- join! and select! ----

class join_object final : public future_object {
 public:
  explicit join_object(value_list f)
      : futures(std::move(f)), outputs(futures.size()), done(futures.size(), false) {}
  std::string type_name() const override { return "Join"; }
  // Each poll polls every branch not yet done once. Under Tokio's rules (core/strategy.hpp,
  // `primitives_of`) it starts one branch further each time, as Tokio 1.24's join! does
  // (macros/join.rs, `skip_next_time`); the textbook join starts at the first, as core's `join`.
  bool poll(interpreter& in, context& cx, value& out) override {
    const std::size_t n = futures.size();
    bool pending = false;
    const runtime* rt = runtime::try_current();
    const bool rotates = rt != nullptr && rt->primitives() == primitive_flavour::tokio;
    const std::size_t start = rotates ? skip_next_time : 0;
    skip_next_time = start + 1 == n ? 0 : start + 1;
    for (std::size_t k = 0; k < n; ++k) {
      const std::size_t i = (start + k) % n;
      if (done[i]) continue;
      if (in.poll_future(futures[i], cx, outputs[i])) {
        done[i] = true;
        futures[i] = value();
      } else {
        pending = true;
      }
    }
    if (pending) return false;
    out = value::of(new tuple_object(std::move(outputs)));
    return true;
  }
  value_list futures;
  value_list outputs;
  std::vector<bool> done;
  std::size_t skip_next_time = 0;
};

class select_object final : public future_object {
 public:
  select_object(value_list f, std::vector<std::uint32_t> t, bool b)
      : futures(std::move(f)), tests(std::move(t)), biased(b), disabled(futures.size(), false) {
    for (std::size_t i = 0; i < futures.size(); ++i) disabled[i] = futures[i].is_unit();
  }
  std::string type_name() const override { return "Select"; }
  // Tokio 1.24's select! (macros/select.rs): from a random branch (the first when biased),
  // poll each enabled branch; a ready one is disabled, and wins if its pattern matches.
  bool poll(interpreter& in, context& cx, value& out) override {
    const std::size_t n = futures.size();
    const std::size_t start = biased || n == 0 ? 0 : in.next_random() % n;
    bool pending = false;
    for (std::size_t k = 0; k < n; ++k) {
      const std::size_t i = (start + k) % n;
      if (disabled[i]) continue;
      value output;
      if (!in.poll_future(futures[i], cx, output)) {
        pending = true;
        continue;
      }
      disabled[i] = true;
      futures[i] = value();
      if (tests[i] != 0) {
        value argument[] = {output};
        const value matched = in.call(tests[i] - 1, argument, span{});
        if (!matched.as_bool()) continue;
      }
      value_list result;
      result.push_back(value::integer(i, int_type::usize));
      result.push_back(std::move(output));
      out = value::of(new tuple_object(std::move(result)));
      return true;
    }
    if (pending) return false;
    out = value::of(new tuple_object({value::integer(n, int_type::usize), value::unit()}));
    return true;
  }
  value_list futures;
  std::vector<std::uint32_t> tests;
  bool biased;
  std::vector<bool> disabled;
};

// ---- helpers ----

std::uint64_t as_u64(const interpreter& in, const value& v, span where, const char* what) {
  if (v.kind() != value_kind::integer)
    in.panic(where, std::string("expected an integer for ") + what);
  const wide_int n = integer_value(v);
  if (n < 0) in.panic(where, std::string("a negative ") + what);
  return static_cast<std::uint64_t>(n);
}

std::uint64_t duration_of(const interpreter& in, const value& v, span where) {
  if (v.kind() != value_kind::duration) in.panic(where, "expected a `Duration`");
  return v.bits();
}

void expect_args(const interpreter& in, arguments args, std::size_t n, span where,
                 std::string_view what) {
  if (args.size() != n) {
    in.panic(where, "`" + std::string(what) + "` takes " + std::to_string(n) + " argument" +
                        (n == 1 ? "" : "s") + " but " + std::to_string(args.size()) +
                        " were supplied");
  }
}

std::string name_of_future(const value& f) {
  if (const auto* fr = f.as<frame>()) {
    const std::string& n = fr->code.name;
    const auto block = n.find("::{async block");
    return block == std::string::npos ? n : n.substr(0, block) + " (async block)";
  }
  if (f.kind() == value_kind::object) return f.get()->type_name();
  return "task";
}

value string_value(std::string text) { return make_string(std::move(text)); }

value usize_value(std::size_t n) { return value::integer(n, int_type::usize); }

value clone_value(const interpreter& in, const value& v, span where) {
  switch (v.kind()) {
    case value_kind::variant:
      if (v.get() == nullptr) return v;
      return wrap(v.tag(), clone_value(in, v.payload(), where));
    case value_kind::object:
      break;
    default:
      return v;
  }
  if (v.as<arc_object>() != nullptr) return v;  // Arc::clone shares.
  if (const auto* s = v.as<string_object>()) return string_value(s->text);
  if (const auto* t = v.as<tuple_object>()) {
    value_list items;
    for (const value& item : t->items) items.push_back(clone_value(in, item, where));
    return value::of(new tuple_object(std::move(items)));
  }
  if (const auto* l = v.as<vec_object>()) {
    auto* copy = new vec_object();
    for (const value& item : l->items) copy->items.push_back(clone_value(in, item, where));
    return value::of(copy);
  }
  if (const auto* s = v.as<struct_object>()) {
    value_list fields;
    for (const value& f : s->fields) fields.push_back(clone_value(in, f, where));
    return value::of(new struct_object(*s->type, std::move(fields)));
  }
  if (const auto* s = v.as<mpsc_sender_object>())
    return value::of(new mpsc_sender_object(s->sender));
  if (const auto* s = v.as<mpsc_unbounded_sender_object>()) {
    return value::of(new mpsc_unbounded_sender_object(s->sender));
  }
  if (const auto* w = v.as<waker_object>()) return value::of(new waker_object(w->get(in, where)));
  if (const auto* e = v.as<error_object>()) return value::of(new error_object(*e));
  in.panic(where, "the method `clone` exists but `" + v.get()->type_name() + "` is not `Clone`");
}

// The type of a value as Rust names it, for messages.
std::string type_name_of(const value& receiver) {
  std::string type;
  switch (receiver.kind()) {
    case value_kind::object:
      type = receiver.get()->type_name();
      break;
    case value_kind::integer:
      type = to_string(receiver.type());
      break;
    case value_kind::variant:
      type = receiver.tag() == variant_tag::ok || receiver.tag() == variant_tag::err
                 ? "Result<_, _>"
             : receiver.tag() == variant_tag::ready || receiver.tag() == variant_tag::pending
                 ? "Poll<_>"
                 : "Option<_>";
      break;
    case value_kind::duration:
      type = "Duration";
      break;
    case value_kind::instant:
      type = "Instant";
      break;
    case value_kind::boolean:
      type = "bool";
      break;
    default:
      type = "()";
  }
  return type;
}

[[noreturn]] void no_method(const interpreter& in, std::string_view name, const value& receiver,
                            span where) {
  in.panic(where, "no method named `" + std::string(name) + "` found for `" +
                      type_name_of(receiver) + "` in this subset");
}

// Rust's words for an argument of the wrong type, which lowering reports before the run when it
// knows the argument's type.
[[noreturn]] void mismatched(const interpreter& in, std::string_view method,
                             std::string_view expected, const value& found, span where) {
  in.panic(where, "mismatched types: `" + std::string(method) + "` takes " + std::string(expected) +
                      ", found `" + type_name_of(found) + "`");
}

std::uint64_t instant_of(const interpreter& in, std::string_view what, const value& v, span where) {
  if (v.kind() != value_kind::instant) mismatched(in, what, "an `Instant`", v, where);
  return v.bits();
}

value option_or_result_method(interpreter& in, std::string_view name, const value& v,
                              arguments args, span where) {
  const variant_tag tag = v.tag();
  const bool is_option = tag == variant_tag::some || tag == variant_tag::none;
  const bool good = tag == variant_tag::some || tag == variant_tag::ok;
  if (name == "unwrap" || name == "expect") {
    if (good) return v.payload();
    std::string message;
    if (name == "expect") {
      const auto* s = args.empty() ? nullptr : args[0].as<string_object>();
      message = s != nullptr ? s->text : "";
    } else {
      message = is_option ? "called `Option::unwrap()` on a `None` value"
                          : "called `Result::unwrap()` on an `Err` value";
    }
    if (!is_option) message += ": " + debug_string(v.payload());
    in.panic(where, message);
  }
  if (name == "is_some" || name == "is_ok") return value::boolean(good);
  if (name == "is_none" || name == "is_err") return value::boolean(!good);
  if (name == "unwrap_or") {
    expect_args(in, args, 1, where, "unwrap_or");
    return good ? v.payload() : args[0];
  }
  if (name == "unwrap_err" || name == "expect_err") {
    if (!good && !is_option) return v.payload();
    in.panic(where, "called `Result::unwrap_err()` on an `Ok` value: " + debug_string(v.payload()));
  }
  if (name == "ok" && !is_option)
    return good ? wrap(variant_tag::some, v.payload()) : value::variant(variant_tag::none);
  if (name == "err" && !is_option)
    return !good ? wrap(variant_tag::some, v.payload()) : value::variant(variant_tag::none);
  if (name == "is_ready") return value::boolean(tag == variant_tag::ready);
  if (name == "is_pending") return value::boolean(tag == variant_tag::pending);
  if (name == "clone") return clone_value(in, v, where);
  no_method(in, name, v, where);
}

}  // namespace

// ---- builtins ----

value call_builtin(interpreter& in, builtin b, arguments args, const call_site& where) {
  auto arity = [&](std::size_t n) {
    if (args.size() != n) expect_args(in, args, n, where, builtin_path(b));
  };
  switch (b) {
    case builtin::spawn: {
      arity(1);
      const std::string name = name_of_future(args[0]);
      auto handle =
          wakeline::spawn(program_task{&in, std::move(args[0])}, name, in.location(where));
      return value::of(new join_handle_object(std::move(handle)));
    }
    case builtin::sleep:
      arity(1);
      return value::of(new sleep_object(
          wakeline::sleep(nanoseconds(duration_of(in, args[0], where)), in.location(where))));
    case builtin::sleep_until:
      arity(1);
      return value::of(new sleep_object(wakeline::sleep_until(
          instant_of(in, "sleep_until", args[0], where), in.location(where))));
    case builtin::timeout: {
      arity(2);
      const std::uint64_t d = duration_of(in, args[0], where);
      return make_core_future(
          "Timeout<_>",
          wakeline::timeout(nanoseconds(d), value_future{&in, std::move(args[1])},
                            in.location(where)),
          timeout_output);
    }
    case builtin::timeout_at: {
      arity(2);
      const std::uint64_t deadline = instant_of(in, "timeout_at", args[0], where);
      return make_core_future(
          "Timeout<_>",
          wakeline::timeout_at(deadline, value_future{&in, std::move(args[1])}, in.location(where)),
          timeout_output);
    }
    case builtin::interval: {
      arity(1);
      const std::uint64_t d = duration_of(in, args[0], where);
      if (d == 0) in.panic(where, "`period` must be non-zero.");
      return value::of(new interval_object(nanoseconds(d)));
    }
    case builtin::interval_at: {
      arity(2);
      const std::uint64_t start = instant_of(in, "interval_at", args[0], where);
      const std::uint64_t d = duration_of(in, args[1], where);
      if (d == 0) in.panic(where, "`period` must be non-zero.");
      return value::of(new interval_object(start, nanoseconds(d)));
    }
    case builtin::missed_tick_burst:
      return missed_tick_value(missed_tick_behavior::burst);
    case builtin::missed_tick_delay:
      return missed_tick_value(missed_tick_behavior::delay);
    case builtin::missed_tick_skip:
      return missed_tick_value(missed_tick_behavior::skip);
    case builtin::yield_now:
      arity(0);
      return make_core_future("YieldNow", wakeline::yield_now(), [] { return value::unit(); });
    case builtin::mpsc_channel: {
      arity(1);
      const std::uint64_t capacity = as_u64(in, args[0], where, "channel capacity");
      if (capacity == 0) in.panic(where, "mpsc bounded channel requires buffer > 0");
      auto [tx, rx] = mpsc::channel<value>(capacity);
      return value::of(new tuple_object({value::of(new mpsc_sender_object(std::move(tx))),
                                         value::of(new mpsc_receiver_object(std::move(rx)))}));
    }
    case builtin::mpsc_unbounded: {
      arity(0);
      auto [tx, rx] = mpsc::unbounded_channel<value>();
      return value::of(new tuple_object({value::of(new mpsc_unbounded_sender_object(std::move(tx))),
                                         value::of(new mpsc_receiver_object(std::move(rx)))}));
    }
    case builtin::oneshot_channel: {
      arity(0);
      auto [tx, rx] = oneshot::channel<value>();
      return value::of(new tuple_object({value::of(new oneshot_sender_object(std::move(tx))),
                                         value::of(new oneshot_receiver_object(std::move(rx)))}));
    }
    case builtin::tokio_mutex_new:
      arity(1);
      return value::of(new tokio_mutex_object(std::move(args[0])));
    case builtin::semaphore_new:
      arity(1);
      return value::of(new semaphore_object(as_u64(in, args[0], where, "number of permits")));
    case builtin::notify_new:
      arity(0);
      return value::of(new notify_object());
    case builtin::std_mutex_new:
      arity(1);
      return value::of(new std_mutex_object(std::move(args[0])));
    case builtin::arc_new:
      arity(1);
      return value::of(new arc_object(std::move(args[0])));
    case builtin::arc_clone:
      arity(1);
      if (args[0].as<arc_object>() == nullptr) in.panic(where, "`Arc::clone` takes an `&Arc<_>`");
      return args[0];
    case builtin::duration_from_secs:
    case builtin::duration_from_millis:
    case builtin::duration_from_micros:
    case builtin::duration_from_nanos: {
      arity(1);
      const std::uint64_t n = as_u64(in, args[0], where, "duration");
      const std::uint64_t unit = b == builtin::duration_from_secs     ? 1'000'000'000
                                 : b == builtin::duration_from_millis ? 1'000'000
                                 : b == builtin::duration_from_micros ? 1'000
                                                                      : 1;
      if (n > UINT64_MAX / unit)
        in.panic(where, "overflow in Duration: longer than this runtime's clock");
      return value::duration(n * unit);
    }
    case builtin::instant_now:
      arity(0);
      return value::instant(runtime::current().code_now_ns());
    case builtin::vec_new:
    case builtin::vec_with_capacity:
      return value::of(new vec_object());
    case builtin::string_new:
      arity(0);
      return string_value("");
    case builtin::string_from: {
      arity(1);
      const auto* s = args[0].as<string_object>();
      if (s == nullptr) in.panic(where, "`String::from` takes a `&str`");
      return string_value(s->text);
    }
    case builtin::drop:
      arity(1);
      args[0] = value();
      return value::unit();
    case builtin::box_new:
      arity(1);
      return std::move(args[0]);
    case builtin::work:
      arity(1);
      busy(nanoseconds(duration_of(in, args[0], where)));
      return value::unit();
    case builtin::range:
    case builtin::range_inclusive:
      arity(2);
      if (args[0].kind() != value_kind::integer || args[1].kind() != value_kind::integer) {
        in.panic(where, "a range of this subset is between two integers");
      }
      return value::of(
          new range_object(std::move(args[0]), std::move(args[1]), b == builtin::range_inclusive));
    case builtin::assert_eq:
    case builtin::assert_ne: {
      const bool equal = values_equal(args[0], args[1]);
      if (equal == (b == builtin::assert_eq)) return value::unit();
      std::string message = std::string("assertion failed: `(left ") +
                            (b == builtin::assert_eq ? "==" : "!=") + " right)`\n  left: `" +
                            debug_string(args[0]) + "`,\n right: `" + debug_string(args[1]) + "`";
      if (args.size() > 2) message += ": " + args[2].as<string_object>()->text;
      in.panic(where, message);
    }
    case builtin::count:
      break;
  }
  in.panic(where, "unknown function");
}

// ---- methods ----

value call_library_method(interpreter& in, std::string_view name, const value& receiver,
                          arguments args, const call_site& where) {
  if (name == "clone") return clone_value(in, receiver, where);
  // Pins and boxes are not modelled: `as_mut()` of an `Option<Pin<Box<F>>>` or of a pin is the
  // value itself, and `poll(cx)` polls it as a future.
  if (name == "as_mut" || name == "as_ref") return receiver;
  if (name == "poll" && args.size() == 1 && args[0].as<context_object>() != nullptr) {
    context* cx = args[0].as<context_object>()->cx;
    if (cx == nullptr) in.panic(where, "this `Context` belongs to a poll that has ended");
    value out;
    if (!in.poll_future(receiver, *cx, out)) return value::variant(variant_tag::pending);
    return wrap(variant_tag::ready, std::move(out));
  }
  // Methods of the Arc itself come first (`clone`); the others reach through Arcs and guards,
  // as auto-deref does.
  value target = receiver;
  for (int hops = 0; hops < 8 && target.kind() == value_kind::object; ++hops) {
    value* inner = target.get()->deref();
    if (inner == nullptr) break;
    target = *inner;
  }
  const value& v = target;
  if (name == "to_string") {
    format_piece display;
    std::string out;
    if (!format_value(v, display, out)) in.panic(where, out);
    return string_value(std::move(out));
  }
  switch (v.kind()) {
    case value_kind::variant:
      return option_or_result_method(in, name, v, args, where);
    case value_kind::integer:
      if (name == "min" || name == "max") {
        expect_args(in, args, 1, where, name);
        const bool less = integer_value(v) < integer_value(args[0]);
        return (name == "min") == less ? v : args[0];
      }
      if (name == "abs")
        return integer_value(v) < 0 ? apply_unary(in, where, unary_op::negate, v) : v;
      if (name == "pow") {
        expect_args(in, args, 1, where, name);
        value result = value::integer(1, v.type());
        for (std::uint64_t k = as_u64(in, args[0], where, "exponent"); k > 0; --k) {
          result = apply_binary(in, where, binary_op::mul, result, v);
        }
        return result;
      }
      break;
    case value_kind::duration:
      if (name == "as_secs") return value::integer(v.bits() / 1'000'000'000, int_type::u64);
      if (name == "as_millis") return value::integer(v.bits() / 1'000'000, int_type::u64);
      if (name == "as_micros") return value::integer(v.bits() / 1'000, int_type::u64);
      if (name == "as_nanos") return value::integer(v.bits(), int_type::u64);
      break;
    case value_kind::instant:
      if (name == "elapsed") {
        const std::uint64_t now = runtime::current().code_now_ns();
        return value::duration(now > v.bits() ? now - v.bits() : 0);
      }
      if (name == "duration_since") {
        expect_args(in, args, 1, where, name);
        return value::duration(v.bits() > args[0].bits() ? v.bits() - args[0].bits() : 0);
      }
      break;
    default:
      break;
  }
  if (v.kind() != value_kind::object) no_method(in, name, v, where);

  if (auto* s = v.as<string_object>()) {
    if (name == "len") return usize_value(s->text.size());
    if (name == "is_empty") return value::boolean(s->text.empty());
    if (name == "as_str" || name == "to_owned") return name == "as_str" ? v : string_value(s->text);
    if (name == "push_str") {
      expect_args(in, args, 1, where, name);
      const auto* t = args[0].as<string_object>();
      if (t == nullptr) in.panic(where, "`push_str` takes a `&str`");
      s->text += t->text;
      s->recount();
      return value::unit();
    }
  }
  if (auto* l = v.as<vec_object>()) {
    if (name == "len") return usize_value(l->items.size());
    if (name == "is_empty") return value::boolean(l->items.empty());
    if (name == "iter" || name == "into_iter") return v;
    if (name == "push") {
      expect_args(in, args, 1, where, name);
      if (l->items.size() >= max_vec_length) in.panic(where, "capacity overflow");
      l->items.push_back(std::move(args[0]));
      return value::unit();
    }
    if (name == "pop") {
      if (l->items.empty()) return value::variant(variant_tag::none);
      value last = std::move(l->items.back());
      l->items.pop_back();
      return wrap(variant_tag::some, std::move(last));
    }
    if (name == "clear") {
      l->items.clear();
      return value::unit();
    }
    if (name == "contains") {
      expect_args(in, args, 1, where, name);
      for (const value& item : l->items) {
        if (values_equal(item, args[0])) return value::boolean(true);
      }
      return value::boolean(false);
    }
  }
  if (auto* h = v.as<join_handle_object>()) {
    if (name == "abort") {
      h->handle.abort();
      return value::unit();
    }
    if (name == "is_finished") return value::boolean(h->handle.is_finished());
  }
  if (auto* s = v.as<mpsc_sender_object>()) {
    if (name == "send") {
      expect_args(in, args, 1, where, name);
      return make_core_future(
          "Send<_>", s->sender.send(std::move(args[0])),
          [](mpsc::send_result<value> r) {
            if (r.is_ok()) return wrap(variant_tag::ok, value::unit());
            return wrap(variant_tag::err,
                        error("SendError<_>", "channel closed", "SendError { .. }"));
          },
          v);
    }
    if (name == "is_closed") return value::boolean(s->sender.is_closed());
    if (name == "capacity") return usize_value(s->sender.capacity());
  }
  if (auto* s = v.as<mpsc_unbounded_sender_object>()) {
    if (name == "send") {
      expect_args(in, args, 1, where, name);
      if (s->sender.send(std::move(args[0])).is_ok()) return wrap(variant_tag::ok, value::unit());
      return wrap(variant_tag::err, error("SendError<_>", "channel closed", "SendError { .. }"));
    }
    if (name == "is_closed") return value::boolean(s->sender.is_closed());
  }
  if (auto* r = v.as<mpsc_receiver_object>()) {
    if (name == "recv") {
      return make_core_future(
          "Recv<_>", r->receiver.recv(),
          [](std::optional<value> item) {
            return item ? wrap(variant_tag::some, std::move(*item))
                        : value::variant(variant_tag::none);
          },
          v);
    }
    if (name == "close") {
      r->receiver.close();
      return value::unit();
    }
  }
  if (auto* s = v.as<oneshot_sender_object>()) {
    if (name == "send") {
      expect_args(in, args, 1, where, name);
      if (!s->sender) in.panic(where, "use of moved value: this oneshot sender has sent already");
      value item = args[0];
      const bool sent = s->sender->send(std::move(args[0]));
      s->sender.reset();
      return sent ? wrap(variant_tag::ok, value::unit()) : wrap(variant_tag::err, std::move(item));
    }
  }
  if (auto* m = v.as<tokio_mutex_object>()) {
    if (name == "lock") {
      return make_core_future(
          "Lock<_>", m->lock.lock(),
          [keep = v](mutex_guard<value> g) {
            return value::of(new tokio_guard_object(std::move(g), keep));
          },
          v);
    }
  }
  if (auto* m = v.as<std_mutex_object>()) {
    if (name == "lock") {
      if (m->locked) {
        in.panic(where,
                 "deadlock: this `std::sync::Mutex` is already locked by a guard still alive");
      }
      return wrap(variant_tag::ok, value::of(new std_guard_object(v)));
    }
  }
  if (auto* s = v.as<semaphore_object>()) {
    if (name == "acquire" || name == "acquire_owned" || name == "acquire_many" ||
        name == "acquire_many_owned") {
      const bool many = name.find("many") != std::string_view::npos;
      expect_args(in, args, many ? 1 : 0, where, name);
      const std::uint64_t n = many ? as_u64(in, args[0], where, "number of permits") : 1;
      return make_core_future(
          "Acquire<'_>", s->sem.acquire(n),
          [keep = v](semaphore_permit p) {
            return wrap(variant_tag::ok, value::of(new permit_object(std::move(p), keep)));
          },
          v);
    }
    if (name == "add_permits") {
      expect_args(in, args, 1, where, name);
      s->sem.add_permits(as_u64(in, args[0], where, "number of permits"));
      return value::unit();
    }
    if (name == "available_permits") return usize_value(s->sem.available_permits());
  }
  if (auto* p = v.as<permit_object>()) {
    if (name == "forget") {
      if (p->permit) p->permit->forget();
      return value::unit();
    }
  }
  if (auto* n = v.as<notify_object>()) {
    if (name == "notified")
      return make_core_future(
          "Notified<'_>", n->n.notified(), [] { return value::unit(); }, v);
    if (name == "notify_one") {
      n->n.notify_one();
      return value::unit();
    }
    if (name == "notify_waiters") {
      n->n.notify_waiters();
      return value::unit();
    }
  }
  if (auto* i = v.as<interval_object>()) {
    if (name == "tick") {
      expect_args(in, args, 0, where, name);
      return make_core_future(
          "Tick", i->ticks.tick(in.location(where)),
          [](std::uint64_t at) { return value::instant(at); }, v);
    }
    if (name == "reset") {
      expect_args(in, args, 0, where, name);
      i->ticks.reset(in.location(where));
      return value::unit();
    }
    if (name == "period") {
      expect_args(in, args, 0, where, name);
      return value::duration(i->ticks.period());
    }
    if (name == "missed_tick_behavior") {
      expect_args(in, args, 0, where, name);
      return missed_tick_value(i->ticks.missed_ticks());
    }
    if (name == "set_missed_tick_behavior") {
      expect_args(in, args, 1, where, name);
      const auto* b = args[0].as<missed_tick_object>();
      if (b == nullptr) mismatched(in, name, "a `MissedTickBehavior`", args[0], where);
      i->ticks.set_missed_tick_behavior(behavior_of(*b));
      return value::unit();
    }
  }
  if (auto* s = v.as<sleep_object>()) {
    if (name == "reset") {
      expect_args(in, args, 1, where, name);
      s->sleep.reset(instant_of(in, name, args[0], where));
      return value::unit();
    }
    if (name == "deadline") {
      expect_args(in, args, 0, where, name);
      return value::instant(s->sleep.deadline());
    }
    if (name == "is_elapsed") {
      expect_args(in, args, 0, where, name);
      return value::boolean(s->sleep.is_elapsed());
    }
  }
  if (auto* c = v.as<context_object>()) {
    if (name == "waker") {
      if (c->cx == nullptr) in.panic(where, "this `Context` belongs to a poll that has ended");
      if (c->waker_ref.is_unit()) c->waker_ref = value::of(new waker_object(&c->cx->waker()));
      return c->waker_ref;
    }
  }
  if (auto* w = v.as<waker_object>()) {
    if (name == "wake") {
      if (!w->owned) {
        in.panic(where,
                 "cannot move out of a shared reference: `wake` takes the `Waker` by value; "
                 "use `wake_by_ref()`, or `clone()` it first");
      }
      waker owned = std::move(*w->owned);
      w->owned.reset();
      std::move(owned).wake();
      return value::unit();
    }
    if (name == "wake_by_ref") {
      w->get(in, where).wake_by_ref();
      return value::unit();
    }
    if (name == "will_wake") {
      expect_args(in, args, 1, where, name);
      const auto* other = args[0].as<waker_object>();
      if (other == nullptr) in.panic(where, "`will_wake` takes a `&Waker`");
      return value::boolean(w->get(in, where).will_wake(other->get(in, where)));
    }
  }
  if (auto* e = v.as<error_object>()) {
    if (name == "is_panic") return value::boolean(e->debug().rfind("JoinError::Panic", 0) == 0);
    if (name == "is_cancelled")
      return value::boolean(e->debug().rfind("JoinError::Cancelled", 0) == 0);
  }
  no_method(in, name, v, where);
}

value make_join(value_list futures) { return value::of(new join_object(std::move(futures))); }

value make_select(value_list futures, std::vector<std::uint32_t> tests, bool biased) {
  return value::of(new select_object(std::move(futures), std::move(tests), biased));
}

value make_context(context& cx) { return value::of(new context_object(cx)); }

void expire_context(const value& cx) {
  auto* c = cx.as<context_object>();
  if (c == nullptr) return;
  c->cx = nullptr;
  if (auto* w = c->waker_ref.as<waker_object>()) w->borrowed = nullptr;
}

value make_iterator(const interpreter& in, value v, span where) {
  if (const auto* r = v.as<range_object>()) {
    // A range no one else holds (`for i in 0..n`) is its own iterator.
    if (r->refs == 1) return v;
    return value::of(new range_object(r->start, r->end, r->inclusive));
  }
  if (v.as<vec_object>() != nullptr) return value::of(new vec_iterator(std::move(v)));
  if (auto* a = v.as<arc_object>(); a != nullptr && a->inner.as<vec_object>() != nullptr) {
    return value::of(new vec_iterator(a->inner));
  }
  in.panic(where, "this value is not an iterator: `for` walks a range or a `Vec` in this subset");
}

bool iterator_next(const interpreter& in, value& iterator, value& item, span where) {
  if (auto* r = iterator.as<range_object>()) {
    if (r->exhausted) return false;
    // The common loop, `for i in 0..n` with both bounds of one type: compared as that type.
    if (!r->inclusive && r->start.kind() == value_kind::integer &&
        r->end.kind() == value_kind::integer && r->start.type() == r->end.type() &&
        r->start.type() != int_type::inferred) {
      const std::uint64_t at = r->start.bits();
      const std::uint64_t end = r->end.bits();
      const bool before = is_signed(r->start.type())
                              ? static_cast<std::int64_t>(at) < static_cast<std::int64_t>(end)
                              : at < end;
      if (!before) {
        r->exhausted = true;
        return false;
      }
      item = r->start;
      r->start = value::integer(at + 1, r->start.type());
      return true;
    }
    const wide_int at = integer_value(r->start);
    const wide_int end = integer_value(r->end);
    if (r->inclusive ? at > end : at >= end) {
      r->exhausted = true;
      return false;
    }
    item = r->start;
    item.settle(r->end.type());
    if (at == end) {
      r->exhausted = true;  // `..=MAX` ends without overflowing.
    } else {
      r->start =
          value::integer(static_cast<std::uint64_t>(at + 1),
                         r->start.type() == int_type::inferred ? r->end.type() : r->start.type());
    }
    return true;
  }
  if (auto* it = iterator.as<vec_iterator>()) {
    const auto* l = it->vec.as<vec_object>();
    if (it->next >= l->items.size()) return false;
    item = l->items[it->next++];
    return true;
  }
  in.panic(where, "not an iterator");
}

}  // namespace wakeline::lang
