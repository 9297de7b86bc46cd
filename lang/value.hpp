// What a running program holds: integers of Rust's types, booleans, `()`, durations and instants
// inline; strings, tuples, vectors, structs, `Option`/`Result`/`Poll` payloads and everything
// of the runtime (futures, channels, locks, wakers) as reference-counted objects.
//
// Rust moves values and drops them where their owner ends; here a value owns one reference to
// its object, a move passes it on, and dropping the last reference runs the object's
// destructor, which does what Rust's `Drop` does (a `Sender` closes the channel, a guard
// unlocks, a `JoinHandle` detaches). A Copy aggregate (a tuple of integers) shared by two
// owners is copied before one of them writes to it (`value::make_unique`).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "block_pool.hpp"
#include "source.hpp"

namespace wakeline::lang {

/// Rust's integer types in the subset. `inferred` is a literal whose type nothing has fixed
/// yet: it takes the type of what it meets, and is an `i32` (Rust's fallback) on its own.
enum class int_type : std::uint8_t { inferred, i32, i64, u32, u64, usize };

const char* to_string(int_type type);
bool is_signed(int_type type);

/// The variants of the standard library's enums the subset uses.
enum class variant_tag : std::uint8_t { none, some, ok, err, ready, pending };

enum class value_kind : std::uint8_t {
  unit,
  boolean,
  integer,   ///< `bits` holds the two's complement value; `type` says how to read it
  duration,  ///< `bits` holds nanoseconds
  instant,   ///< `bits` holds the virtual time in nanoseconds
  variant,   ///< `tag`; `object` is the payload (a box) for Some, Ok, Err and Ready
  object,    ///< everything else: `object` says what
  moved,     ///< a local whose value was moved away
};

class value;

/// What an object is, checked at every method call and `.await`: a tag, so that asking is one
/// comparison rather than a dynamic_cast. Classes without one are found by dynamic_cast.
enum class object_tag : std::uint8_t {
  other,
  box,
  string,
  tuple,
  vec,
  structure,
  range,
  vec_iterator,
  arc,
  // Futures from here on.
  frame,
  core_future,
  join_handle,
  other_future,
};

/// The base of every heap value. Single-threaded: the runtime is. Its memory, and that of the
/// containers below, comes from the block pool and counts against the run's memory limit.
class object {
 public:
  explicit object(object_tag t = object_tag::other) : tag(t) {}
  virtual ~object() = default;
  static void* operator new(std::size_t bytes) { return allocate_block(bytes); }
  static void operator delete(void* p, std::size_t bytes) noexcept { free_block(p, bytes); }
  /// Rust's name for the type, for messages: `String`, `Vec<_>`, `JoinHandle<_>`.
  virtual std::string type_name() const = 0;
  /// `{:?}`: by default the type's name, as for the runtime's handles.
  virtual std::string debug() const { return type_name(); }
  /// `{}`; false for types without Display.
  virtual bool display(std::string& /*out*/) const { return false; }

  /// True for the references of the subset (`&mut Context`, `&Waker`): passing one on does not
  /// move it.
  virtual bool is_copy() const { return false; }
  /// What `*x` and auto-deref reach through: an Arc's value, a guard's; null for the rest.
  virtual value* deref() { return nullptr; }

  std::uint32_t refs = 0;
  const object_tag tag;
  bool is_future() const { return tag >= object_tag::frame; }
};

class value {
 public:
  value() = default;
  static value unit() { return value(); }
  static value moved() { return value(value_kind::moved); }
  static value boolean(bool b) {
    value v(value_kind::boolean);
    v.bits_ = b ? 1 : 0;
    return v;
  }
  static value integer(std::uint64_t bits, int_type type) {
    value v(value_kind::integer);
    v.bits_ = bits;
    v.type_ = type;
    return v;
  }
  static value duration(std::uint64_t ns) {
    value v(value_kind::duration);
    v.bits_ = ns;
    return v;
  }
  static value instant(std::uint64_t ns) {
    value v(value_kind::instant);
    v.bits_ = ns;
    return v;
  }
  /// `None`, `Poll::Pending`; `payload` must be a `box_object` for the others.
  static value variant(variant_tag tag, object* payload = nullptr);
  /// Takes a new object (refs 0) or shares one.
  static value of(object* o) {
    value v(value_kind::object);
    v.set_object(o);
    return v;
  }

  value(const value& other)
      : kind_(other.kind_), type_(other.type_), tag_(other.tag_), bits_(other.bits_) {
    if (holds_object()) retain();
  }
  value(value&& other) noexcept
      : kind_(other.kind_), type_(other.type_), tag_(other.tag_), bits_(other.bits_) {
    other.kind_ = value_kind::unit;
    other.bits_ = 0;
  }
  value& operator=(value other) noexcept {
    swap(other);
    return *this;
  }
  // Inline, so that dropping an integer is a compare; giving back a reference is not.
  [[gnu::always_inline]] ~value() {
    if (holds_object() && object_ != nullptr) release();
  }

  void swap(value& other) noexcept {
    std::swap(kind_, other.kind_);
    std::swap(type_, other.type_);
    std::swap(tag_, other.tag_);
    std::swap(bits_, other.bits_);
  }

  value_kind kind() const { return kind_; }
  bool is_unit() const { return kind_ == value_kind::unit; }
  bool as_bool() const { return bits_ != 0; }
  std::uint64_t bits() const { return bits_; }
  int_type type() const { return type_; }
  variant_tag tag() const { return tag_; }
  object* get() const { return holds_object() ? object_ : nullptr; }

  /// The object as `T`, or null when it is something else.
  template <class T>
  T* as() const {
    if (kind_ != value_kind::object) return nullptr;
    if constexpr (requires { T::tag_of; }) {
      if constexpr (T::tag_of == object_tag::other_future) {
        return object_->is_future() ? static_cast<T*>(object_) : nullptr;
      } else {
        return object_->tag == T::tag_of ? static_cast<T*>(object_) : nullptr;
      }
    } else {
      return dynamic_cast<T*>(object_);
    }
  }
  /// The payload of Some, Ok, Err or Ready.
  const value& payload() const;

  /// Gives the integer a type, when it had none yet (a literal meeting a typed place).
  void settle(int_type type) {
    if (kind_ == value_kind::integer && type_ == int_type::inferred) type_ = type;
  }

 private:
  explicit value(value_kind kind) : kind_(kind) {}
  // Objects and variants hold an object (a variant's payload, or none); the other kinds hold
  // bits in the same place, so a value is 16 bytes.
  bool holds_object() const { return kind_ == value_kind::object || kind_ == value_kind::variant; }
  void set_object(object* o) {
    object_ = o;
    retain();
  }
  void retain() {
    if (object_ != nullptr) ++object_->refs;
  }
  [[gnu::noinline]] void release() {
    if (--object_->refs == 0) delete object_;
  }

  value_kind kind_ = value_kind::unit;
  int_type type_ = int_type::inferred;
  variant_tag tag_ = variant_tag::none;
  union {
    std::uint64_t bits_ = 0;
    object* object_;
  };
};

static_assert(sizeof(value) == 16);

/// The values of a tuple, a Vec, a struct, a frame's slots.
using value_list = std::vector<value, block_allocator<value>>;

/// The payload of `Some(x)`, `Ok(x)`, `Err(x)`, `Poll::Ready(x)`.
class box_object final : public object {
 public:
  static constexpr object_tag tag_of = object_tag::box;
  explicit box_object(value v) : object(tag_of), inner(std::move(v)) {}
  std::string type_name() const override { return "_"; }
  value inner;
};

inline value value::variant(variant_tag tag, object* payload) {
  value v(value_kind::variant);
  v.tag_ = tag;
  v.set_object(payload);
  return v;
}

inline const value& value::payload() const { return static_cast<box_object*>(object_)->inner; }

/// `Some(v)`, `Ok(v)`, `Err(v)`, `Poll::Ready(v)`.
inline value wrap(variant_tag tag, value v) {
  return value::variant(tag, new box_object(std::move(v)));
}

}  // namespace wakeline::lang
