// The bounds of a batch, on every target, at every length around the vector sizes.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <vector>

#include "kernels/min_max.h"
#include "volley/targets.hpp"

using namespace volley;

TEST_CASE("min_max finds the bounds on every target") {
  std::mt19937_64 rng(3);
  std::vector<std::uint64_t> numbers(100);
  for (auto& n : numbers) n = rng();
  numbers[37] = 0;
  numbers[99] = ~std::uint64_t{0};
  for (const Target t : supported_targets())
    for (std::size_t n = 1; n <= numbers.size(); ++n) {
      INFO(t.name() << ", " << n << " numbers");
      const auto [lo, hi] = std::minmax_element(numbers.begin(), numbers.begin() + static_cast<std::ptrdiff_t>(n));
      const kernels::MinMax bounds = kernels::min_max(t.bit, numbers.data(), n);
      REQUIRE(bounds.min == *lo);
      REQUIRE(bounds.max == *hi);
    }
}
