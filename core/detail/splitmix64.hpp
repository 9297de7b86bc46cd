// splitmix64: a small seedable generator, for the few random choices a strategy makes (which
// worker to steal from first), so that the same seed gives the same run everywhere.
#pragma once

#include <cstdint>

namespace wakeline::detail {

/// Advances `state` and returns the next number.
inline std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

}  // namespace wakeline::detail
