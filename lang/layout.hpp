// How many bytes a state machine takes, laid out as rustc lays out the future of an `async
// fn` (rustc 1.63 with Tokio 1.24, the versions the Tokio check builds with, on a 64-bit
// target):
// - a prefix, in every state: the arguments (an `async fn` keeps them as captured values, and
//   again as the body's locals when an `.await` needs them), the state number (one byte), and
//   any local kept across more than one `.await`;
// - after it, one variant per `.await`: the locals kept there and the future awaited, smallest
//   alignment first so they fill the prefix's padding. Variants overlap: the future is as big
//   as its prefix plus its largest variant.
// Sizes of Tokio's types are those rustc gives them (measured: `Sleep` is 640 bytes, aligned to
// 128). A local whose type lowering cannot tell counts 0 bytes, and the size is then marked
// inexact: it is a lower bound.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "bytecode.hpp"
#include "static_type.hpp"

namespace wakeline::lang {

struct layout {
  std::uint64_t size = 0;
  std::uint64_t align = 1;
  bool exact = true;  ///< false when a part's type is unknown: `size` is then a lower bound
};

/// The layout of one body's state machine.
struct machine_layout {
  layout whole;
  /// The bytes each state uses, by rustc's state number (0 unresumed, 1 returned, 2 poisoned,
  /// 3.. one per `.await`).
  std::vector<layout> states;
};

/// Layouts of a program's types and state machines, each machine computed once.
class layouts {
 public:
  explicit layouts(const program_code& code)
      : code_(code),
        machines_(code.functions.size()),
        busy_(code.functions.size(), false),
        structs_busy_(code.structs.size(), false) {}

  layout of(const static_type& t);
  /// The machine of an async fn or block: `functions[index]`.
  const machine_layout& machine(std::uint32_t index);

 private:
  layout fields_in_order(const std::vector<layout>& fields, std::uint64_t start,
                         std::uint64_t start_align, bool smallest_first);
  bool has_niche(const static_type& t);

  const program_code& code_;
  std::vector<std::optional<machine_layout>> machines_;
  std::vector<bool> busy_;  ///< Being computed: a future that holds itself has no size
  /// Structs being laid out: one that holds itself has no size either (rustc's E0072).
  std::vector<bool> structs_busy_;
};

}  // namespace wakeline::lang
