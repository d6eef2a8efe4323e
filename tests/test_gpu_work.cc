// The GPU kernels' split of the work, run thread by thread on the CPU: every thread of every
// launch summed must give the scalar reference's answer. Needs no GPU.
#include <catch2/catch.hpp>

#include <limits>
#include <random>

#include "kernels/gpu_work.h"
#include "kernels/midpoint.h"
#include "volley/contract/is_prime.hpp"
#include "volley/monte_carlo.hpp"
#include "volley/primes.hpp"

using namespace volley;
using kernels::gpu::MonteCarloLaunch;

namespace {

// The hits of a run as the GPU computes them: launches of `blocks_per_launch` blocks, each
// thread by monte_carlo_thread_hits.
std::uint64_t emulated_hits(std::uint64_t seed, std::uint64_t samples, std::uint32_t splits,
                            std::uint64_t blocks_per_launch) {
  MonteCarloLaunch launch = kernels::gpu::monte_carlo_launch(seed, samples, splits);
  const std::uint64_t blocks = contract::ceil_div(samples, kMonteCarloBlock);
  std::uint64_t hits = 0;
  for (launch.first_block = 0; launch.first_block < blocks; launch.first_block += launch.blocks) {
    launch.blocks = std::min(blocks_per_launch, blocks - launch.first_block);
    for (std::uint64_t t = 0; t < launch.threads(); ++t) hits += kernels::gpu::monte_carlo_thread_hits(launch, t);
  }
  return hits;
}

}  // namespace

TEST_CASE("GPU Monte Carlo threads: split streams count the reference's hits") {
  const std::uint64_t sizes[] = {1, 15, 16, 17, 1000, kMonteCarloBlock - 1, kMonteCarloBlock, kMonteCarloBlock + 1,
                                 3 * kMonteCarloBlock + 12345};
  for (const std::uint64_t seed : {std::uint64_t{0}, std::uint64_t{42}, std::numeric_limits<std::uint64_t>::max()}) {
    for (const std::uint64_t samples : sizes) {
      const std::uint64_t expected = monte_carlo_pi_reference(samples, seed).hits;
      for (const std::uint32_t splits : {1u, 2u, 32u}) {
        for (const std::uint64_t blocks_per_launch : {std::uint64_t{1}, std::uint64_t{1} << 15}) {
          INFO("seed " << seed << ", samples " << samples << ", splits " << splits << ", launch " << blocks_per_launch);
          REQUIRE(emulated_hits(seed, samples, splits, blocks_per_launch) == expected);
        }
      }
    }
  }
}

TEST_CASE("GPU Monte Carlo launches refuse a split that is not a power of two up to 32") {
  CHECK_THROWS_AS(kernels::gpu::monte_carlo_launch(1, 100, 3), std::invalid_argument);
  CHECK_THROWS_AS(kernels::gpu::monte_carlo_launch(1, 100, 64), std::invalid_argument);
  CHECK_THROWS_AS(kernels::gpu::monte_carlo_launch(1, 100, 0), std::invalid_argument);
}

TEST_CASE("GPU midpoint threads: 1024-term partial sums add up to the reference's exact sum") {
  for (const std::uint64_t steps : {1ULL, 2ULL, 1023ULL, 1024ULL, 1025ULL, 3'000'017ULL}) {
    const contract::MidpointConstants k(steps);
    contract::u128 sum = 0;
    for (std::uint64_t first = 0; first < steps; first += kernels::gpu::kMidpointTermsPerThread)
      sum += kernels::gpu::midpoint_thread_sum(k, steps, first);
    INFO("steps " << steps);
    REQUIRE(sum == kernels::midpoint_scaled_sum_reference(steps, 0, steps));
  }
}

TEST_CASE("trial division by multiplicative inverses finds the least odd factor below 53") {
  // The least odd prime below 53 dividing n, or 0, by plain division.
  const auto expected = [](std::uint64_t n) -> std::uint64_t {
    for (const std::uint64_t p : {3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47})
      if (n % p == 0) return p;
    return 0;
  };
  for (std::uint64_t n = 0; n < 100'000; ++n) REQUIRE(contract::small_odd_factor(n) == expected(n));
  std::mt19937_64 rng(5);
  const std::uint64_t top = std::numeric_limits<std::uint64_t>::max();
  for (int i = 0; i < 100'000; ++i) {
    const std::uint64_t n = rng(), p = 3 + 2 * (n % 23);  // odd, 3 .. 47
    REQUIRE(contract::small_odd_factor(n) == expected(n));
    REQUIRE(contract::small_odd_factor(n - n % p) == expected(n - n % p));  // a multiple of p
    REQUIRE(contract::small_odd_factor(top - i) == expected(top - i));
  }
}

TEST_CASE("the shared is_prime agrees with trial division") {
  for (std::uint64_t n = 0; n < 200'000; ++n) REQUIRE(contract::is_prime(n) == is_prime_trial_division(n));
  std::mt19937_64 rng(9);
  for (int i = 0; i < 2000; ++i) {
    const std::uint64_t n = rng() >> 24;  // below 2^40: trial division stays fast
    REQUIRE(contract::is_prime(n) == is_prime_trial_division(n));
  }
}
