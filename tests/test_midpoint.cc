#include <catch2/catch.hpp>

#include <bit>
#include <cmath>
#include <numbers>

#include "volley/midpoint.hpp"
#include "volley/targets.hpp"

using namespace volley;

namespace {
std::uint64_t bits(double x) { return std::bit_cast<std::uint64_t>(x); }
}  // namespace

TEST_CASE("every target gives the reference's midpoint sum to the last bit") {
  const std::uint64_t sizes[] = {1, 2, 3, 7, 8, 9, 1000, kMidpointBlock + 5, 3 * kMidpointBlock + 1};
  for (const std::uint64_t steps : sizes) {
    const double expected = midpoint_pi_reference(steps);
    for (const Target t : supported_targets()) {
      INFO("target " << t.name() << ", steps " << steps);
      REQUIRE(bits(midpoint_pi(steps, {.threads = 2, .target = t.name()})) == bits(expected));
    }
  }
}

TEST_CASE("the midpoint result does not depend on the thread count") {
  const std::uint64_t steps = 5 * kMidpointBlock + 3;
  const double one = midpoint_pi(steps, {.threads = 1});
  for (const unsigned threads : {2u, 3u, 7u}) {
    INFO(threads << " threads");
    CHECK(bits(midpoint_pi(steps, {.threads = threads})) == bits(one));
  }
}

TEST_CASE("the midpoint rule converges to pi") {
  CHECK(midpoint_pi(1) == 3.2);  // one rectangle: 4 / (1 + 1/4)
  CHECK(std::abs(midpoint_pi(1000) - std::numbers::pi) < 1e-6);
  CHECK(std::abs(midpoint_pi(1'000'000) - std::numbers::pi) < 1e-12);
}

TEST_CASE("bad midpoint input throws with a message") {
  CHECK_THROWS_WITH(midpoint_pi(0), Catch::Contains("steps must be at least 1"));
  CHECK_THROWS_WITH(midpoint_pi(kMidpointMaxSteps + 1), Catch::Contains("at most 2^52"));
  CHECK_THROWS_WITH(midpoint_pi_reference(0), Catch::Contains("steps must be at least 1"));
  CHECK_THROWS_WITH(midpoint_pi(10, {.target = "bogus"}), Catch::Contains("unknown target 'bogus'"));
}
