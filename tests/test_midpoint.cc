#include <catch2/catch.hpp>

#include <bit>
#include <cmath>
#include <numbers>
#include <utility>

#include "host/src/partial_sums.hpp"
#include "kernels/midpoint.h"
#include "volley/contract/midpoint_term.hpp"
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

TEST_CASE("every target's scaled midpoint sums equal the reference's exactly") {
  // Both kinds of rule (a reciprocal per term; one per group of 64), ranges that start and end
  // inside groups and vectors, and ranges far from 0.
  const std::uint64_t sizes[] = {1, 7, 1000, contract::kMidpointGroupSteps - 1, contract::kMidpointGroupSteps,
                                 3 * kMidpointBlock + 1, 1'000'000'007, kMidpointMaxSteps};
  for (const std::uint64_t steps : sizes) {
    const std::uint64_t mid = steps / 2;
    const std::pair<std::uint64_t, std::uint64_t> ranges[] = {
        {0, std::min<std::uint64_t>(steps, 70'001)}, {std::min<std::uint64_t>(steps, 3), std::min<std::uint64_t>(steps, 5'003)},
        {mid - std::min<std::uint64_t>(mid, 777), std::min(steps, mid + 30'011)}, {steps - std::min<std::uint64_t>(steps, 40'009), steps}};
    for (const auto& [first, last] : ranges) {
      const contract::u128 expected = kernels::midpoint_scaled_sum_reference(steps, first, last);
      for (const Target t : supported_targets()) {
        INFO("target " << t.name() << ", steps " << steps << ", terms [" << first << ", " << last << ")");
        REQUIRE(kernels::midpoint_scaled_sum(t.bit, steps, first, last) == expected);
      }
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

TEST_CASE("the midpoint sum is within 10 units a term of the correctly rounded terms' sum") {
  for (const std::uint64_t steps : {std::uint64_t{1}, std::uint64_t{1000}, kMidpointBlock - 1, kMidpointBlock + 7}) {
    const contract::MidpointConstants k(steps);
    contract::u128 rounded = 0;  // the terms as one IEEE division each gives them
    for (std::uint64_t i = 0; i < steps; ++i) {
      const double m = static_cast<double>(i) + 0.5;
      rounded += contract::double_bits(k.four_nn / (k.nn + m * m)) - contract::kScaledTermBias;
    }
    const contract::u128 sum = kernels::midpoint_scaled_sum_reference(steps, 0, steps);
    INFO("steps " << steps);
    // Each term is within kMidpointTermError units of the exact quotient, the rounded one
    // within 1/2 of it.
    const contract::u128 bound = contract::u128{contract::kMidpointTermError} * steps + steps / 2;
    CHECK((sum > rounded ? sum - rounded : rounded - sum) <= bound);
    CHECK(std::abs(midpoint_pi(steps) - detail::midpoint_finish(rounded, steps)) <=
          static_cast<double>(contract::kMidpointTermError + 1) * 0x1p-51);
  }
}

TEST_CASE("the midpoint rule converges to pi") {
  CHECK(std::abs(midpoint_pi(1) - 3.2) < 1e-15);  // one rectangle: 4 / (1 + 1/4)
  CHECK(std::abs(midpoint_pi(1000) - std::numbers::pi) < 1e-6);
  CHECK(std::abs(midpoint_pi(1'000'000) - std::numbers::pi) < 1e-12);
}

TEST_CASE("bad midpoint input throws with a message") {
  CHECK_THROWS_WITH(midpoint_pi(0), Catch::Contains("steps must be at least 1"));
  CHECK_THROWS_WITH(midpoint_pi(kMidpointMaxSteps + 1), Catch::Contains("at most 2^52"));
  CHECK_THROWS_WITH(midpoint_pi_reference(0), Catch::Contains("steps must be at least 1"));
  CHECK_THROWS_WITH(midpoint_pi(10, {.target = "bogus"}), Catch::Contains("unknown target 'bogus'"));
}
