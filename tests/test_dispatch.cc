// Every target gives bit-identical results, so only a probe can tell a dispatcher that runs
// the requested target's code from one that always runs the same code.
#include <catch2/catch.hpp>

#include "kernels/targets.h"
#include "volley/targets.hpp"

using namespace volley;

TEST_CASE("a kernel call runs the code of the target it asks for") {
  REQUIRE(supported_targets().size() >= 2);  // scalar and at least one vector target on x86
  for (const Target t : supported_targets()) {
    INFO(t.name());
    CHECK(kernels::dispatched_target(t.bit) == t.bit);
  }
}

TEST_CASE("a target that is not compiled in, or not one target, cannot be dispatched") {
  constexpr std::int64_t kNeon = std::int64_t{1} << 28;  // an Arm target, never compiled on x86
  CHECK_THROWS_WITH(kernels::dispatched_target(kNeon), Catch::Contains("not compiled"));
  CHECK_THROWS_WITH(kernels::dispatched_target(0), Catch::Contains("not compiled"));
  REQUIRE(supported_targets().size() >= 2);
  const auto two = supported_targets().front().bit | supported_targets().back().bit;
  CHECK_THROWS_WITH(kernels::dispatched_target(two), Catch::Contains("not compiled"));
}
