#include "wakeline.hpp"

#include <gtest/gtest.h>

namespace {
TEST(Runtime, BlockOnReturnsTheOutputOfTheRootFuture) {
  wakeline::runtime rt;
  EXPECT_EQ(rt.block_on(wakeline::ready(42)), 42);
}
}  // namespace
