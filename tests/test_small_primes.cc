// The one generator of small-prime tables, held to trial division.
#include <catch2/catch.hpp>

#include "kernels/small_primes.h"
#include "volley/primes.hpp"

using namespace volley;

TEST_CASE("the plain sieve lists exactly the primes of its range") {
  const auto primes = kernels::plain_sieve(0, 100'000);
  std::vector<std::uint32_t> expected;
  for (std::uint32_t n = 0; n < 100'000; ++n)
    if (is_prime_trial_division(n)) expected.push_back(n);
  CHECK(primes == expected);
  CHECK(kernels::plain_sieve(43, 252) == std::vector<std::uint32_t>(expected.begin() + 13, expected.begin() + 54));
  CHECK(kernels::plain_sieve(0, 2).empty());
  CHECK(kernels::plain_sieve(7, 7).empty());
}

TEST_CASE("compile-time tables come from the same sieve") {
  static_assert(kernels::kPrimesBelow<1024>.size() == 172);  // pi(1024)
  static_assert(kernels::kPrimesBelow<2>.empty());
  constexpr auto& small = kernels::kPrimesBelow<1024>;
  CHECK(std::vector<std::uint32_t>(small.begin(), small.end()) == kernels::plain_sieve(0, 1024));
}
