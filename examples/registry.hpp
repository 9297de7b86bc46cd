// The catalogue of example programs. Each example file registers itself with an id, a title,
// a paragraph on what to watch for, typed parameters, and the strategies it supports; the CLI,
// the tests and the wasm module all read this one list.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "detail/splitmix64.hpp"
#include "wakeline.hpp"

namespace wakeline::examples {

/// The kind of value a parameter takes.
enum class param_type { integer, boolean };

/// One parameter of an example, with its range. Booleans use 0 and 1.
struct param_spec {
  std::string name;
  param_type type = param_type::integer;
  std::int64_t default_value = 0;
  std::int64_t min = 0;
  std::int64_t max = 0;
  std::string description;
};

/// The validated parameter values of one run, plus its seed.
class param_values {
 public:
  param_values(std::map<std::string, std::int64_t> values, std::uint64_t seed)
      : values_(std::move(values)), seed_(seed) {}
  /// The value of a declared parameter; throws std::out_of_range for an undeclared name.
  std::int64_t integer(const std::string& name) const { return values_.at(name); }
  bool flag(const std::string& name) const { return values_.at(name) != 0; }
  std::uint64_t seed() const { return seed_; }

 private:
  std::map<std::string, std::int64_t> values_;
  std::uint64_t seed_;
};

/// An example program.
struct example {
  std::string id;  ///< Stable, used in links and on the command line.
  std::string title;
  std::string topic;  ///< basics, timers, synchronisation, schedulers, pitfalls or I/O.
  std::string explanation;
  std::vector<param_spec> params;
  std::vector<std::string> strategies{"local", "tokio-current-thread", "tokio-multi-thread", "smol",
                                      "embassy"};
  /// Builds the root future for one run.
  std::function<async<void>(const param_values&)> main;
  /// The file the example lives in, set by `register_example`.
  std::string source_file;
  /// Where the example registers itself: the trace shows it as the spawn location of `main`.
  source_location registered_at;
  /// Whether `wakeline list` and the page show it (false for test-only examples).
  bool listed = true;
  /// How a run with the default parameters ends: a pitfall may show its bug by not completing.
  run_outcome outcome_with_defaults = run_outcome::completed;
};

/// Adds an example to the catalogue; returns true so it can initialise a static.
bool register_example(example e, source_location where = source_location::current());

/// Every registered example, ordered by topic, then id.
const std::vector<const example*>& all_examples();

/// The example with this id, or nullptr.
const example* find_example(std::string_view id);

/// The source text of the example's file.
std::string_view example_source(const example& e);

/// The file of the example's program in the language (`basic.rs`, in examples/programs/), or
/// empty when the example has none. The text itself is in builds that have the language
/// (program_host.hpp).
std::string example_program(const example& e);

/// A small, fast, seedable generator (splitmix64), so examples get the same numbers everywhere.
class rng {
 public:
  explicit rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() { return detail::splitmix64(state_); }
  /// A number in [lo, hi].
  std::int64_t between(std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(hi - lo + 1));
  }

 private:
  std::uint64_t state_;
};

}  // namespace wakeline::examples
