// The plain data objects of a running program: `String`, tuples, `Vec`, structs, ranges and
// their iterators, `Arc`, std's `Mutex` and its guard, Tokio's `MissedTickBehavior`. The
// runtime's own objects (futures, channels, locks, wakers) are in library.hpp.
#pragma once

#include <string>
#include <vector>

#include "bytecode.hpp"
#include "value.hpp"

namespace wakeline::lang {

/// A `String`, or, when not `owned`, a `&str` (a literal): that one is Copy.
class string_object final : public object {
 public:
  static constexpr object_tag tag_of = object_tag::string;
  explicit string_object(std::string t, bool is_owned = true)
      : object(tag_of), text(std::move(t)), owned(is_owned) {
    count_program_allocation(counted_);
  }
  ~string_object() override { count_program_deallocation(counted_); }
  std::string type_name() const override { return owned ? "String" : "&str"; }
  /// Counts the text again after it grew.
  void recount() {
    count_program_deallocation(counted_);
    counted_ = text.capacity();
    count_program_allocation(counted_);
  }
  std::string text;
  bool owned;

 private:
  std::size_t counted_ = text.capacity();
};

class tuple_object final : public object {
 public:
  static constexpr object_tag tag_of = object_tag::tuple;
  explicit tuple_object(value_list i) : object(tag_of), items(std::move(i)) {}
  std::string type_name() const override { return "tuple"; }
  value_list items;
};

/// The most items a Vec may hold: more is Rust's `capacity overflow` panic, before the run's
/// memory limit is near.
inline constexpr std::size_t max_vec_length = 10'000'000;

class vec_object final : public object {
 public:
  static constexpr object_tag tag_of = object_tag::vec;
  vec_object() : object(tag_of) {}
  std::string type_name() const override { return "Vec<_>"; }
  value_list items;
};

class struct_object final : public object {
 public:
  static constexpr object_tag tag_of = object_tag::structure;
  struct_object(const struct_code& t, value_list f)
      : object(tag_of), type(&t), fields(std::move(f)) {}
  std::string type_name() const override { return type->name; }
  const struct_code* type;
  value_list fields;
};

/// `a..b` and `a..=b`, and, once iterated, their position.
class range_object final : public object {
 public:
  static constexpr object_tag tag_of = object_tag::range;
  range_object(value s, value e, bool incl)
      : object(tag_of), start(std::move(s)), end(std::move(e)), inclusive(incl) {}
  std::string type_name() const override { return inclusive ? "RangeInclusive<_>" : "Range<_>"; }
  value start;
  value end;
  bool inclusive;
  bool exhausted = false;
};

/// What `for` walks over a `Vec` with: the items, taken one by one.
class vec_iterator final : public object {
 public:
  static constexpr object_tag tag_of = object_tag::vec_iterator;
  explicit vec_iterator(value v) : object(tag_of), vec(std::move(v)) {}
  std::string type_name() const override { return "Iter<'_, _>"; }
  value vec;
  std::size_t next = 0;
};

/// `Arc<T>`: cloning it shares `inner`; the last drop drops it.
class arc_object final : public object {
 public:
  static constexpr object_tag tag_of = object_tag::arc;
  explicit arc_object(value v) : object(tag_of), inner(std::move(v)) {}
  std::string type_name() const override { return "Arc<_>"; }
  value* deref() override { return &inner; }
  value inner;
};

/// std's `Mutex<T>`, for state shared between a hand-written future and whoever wakes it.
/// Single-threaded, so a lock is only ever contended by a guard kept alive: that deadlocks in
/// Rust, and panics here with the reason.
class std_mutex_object final : public object {
 public:
  explicit std_mutex_object(value v) : inner(std::move(v)) {}
  std::string type_name() const override { return "std::sync::Mutex<_>"; }
  value inner;
  bool locked = false;
};

class std_guard_object final : public object {
 public:
  explicit std_guard_object(value m) : mutex(std::move(m)) {
    mutex.as<std_mutex_object>()->locked = true;
  }
  ~std_guard_object() override { mutex.as<std_mutex_object>()->locked = false; }
  std::string type_name() const override { return "MutexGuard<'_, _>"; }
  value* deref() override { return &target(); }
  value mutex;
  value& target() { return mutex.as<std_mutex_object>()->inner; }
};

/// Tokio's `MissedTickBehavior`: Copy, compared and shown (`{:?}`) by its variant.
class missed_tick_object final : public object {
 public:
  enum variant : std::uint8_t { burst, delay, skip };
  explicit missed_tick_object(variant v) : behavior(v) {}
  std::string type_name() const override { return "MissedTickBehavior"; }
  std::string debug() const override {
    return behavior == burst ? "Burst" : behavior == delay ? "Delay" : "Skip";
  }
  bool is_copy() const override { return true; }
  variant behavior;
};

inline value make_string(std::string text) { return value::of(new string_object(std::move(text))); }

}  // namespace wakeline::lang
