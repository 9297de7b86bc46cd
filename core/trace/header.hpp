// What a trace was recorded from: the first line of every NDJSON trace.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "../time/clock.hpp"

namespace wakeline {

/// The schema name and version written in every trace header (docs/trace-format.md).
inline constexpr const char* trace_schema = "wakeline-trace";
inline constexpr int trace_schema_version = 1;

/// A parameter value as it appears in the header.
using param_value = std::variant<std::int64_t, double, bool, std::string>;

/// The inputs of a run: enough to reproduce it.
struct trace_header {
  std::string example;
  std::string strategy = "local";
  /// The strategy's settings (core/strategy.hpp), in the order it declares them.
  std::vector<std::pair<std::string, param_value>> strategy_params;
  std::vector<std::pair<std::string, param_value>> params;
  std::uint64_t seed = 0;
  clock_kind clock = clock_kind::virtual_time;
  std::uint64_t budget = 0;
  /// The runtime's memory limit in bytes, 0 for none. Written only when it is not the default
  /// (256 MiB), so traces from before it existed read the same.
  std::uint64_t memory_limit = default_memory_limit;

  static constexpr std::uint64_t default_memory_limit = std::uint64_t{256} << 20;
};

}  // namespace wakeline
