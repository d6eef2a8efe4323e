// The sieve kernel with segment and block sizes far smaller than any cache, so that every
// size class (block-wise, segment-wise, bucketed) and many bucket moves occur on short ranges.
#include <catch2/catch.hpp>

#include <cmath>

#include "kernels/presieve.h"
#include "kernels/segmented_sieve.h"
#include "volley/primes.hpp"
#include "volley/targets.hpp"

using namespace volley;

TEST_CASE("the sieve kernel with tiny segments equals the reference sieve") {
  struct Case {
    std::uint64_t lo, hi, segment_bytes, block_bytes;
  };
  constexpr std::uint64_t kFirst = kernels::PreSieve::kLargestPrime + 1;  // the kernel's lowest start
  for (const Case c : {Case{kFirst, 3'000'000, 1024, 256}, Case{20'000'000, 22'000'000, 1024, 256},
                       Case{20'000'000, 22'000'000, 4096, 1024}, Case{29'999'989, 30'300'001, 512, 512}}) {
    const auto primes =
        kernels::sieving_primes(fallback_target().bit, static_cast<std::uint64_t>(std::sqrt(double(c.hi))) + 1);
    const auto expected = primes_in_reference(c.lo, c.hi);
    for (const Target t : supported_targets()) {
      INFO("[" << c.lo << ", " << c.hi << "), segments of " << c.segment_bytes << " bytes, " << t.name());
      kernels::SegmentedSieve sieve(t.bit, primes, c.lo, c.hi, c.segment_bytes, c.block_bytes);
      std::vector<std::uint64_t> listed;
      sieve.append_primes(listed);
      REQUIRE(listed == expected);
      REQUIRE(kernels::SegmentedSieve(t.bit, primes, c.lo, c.hi, c.segment_bytes, c.block_bytes).count() ==
              expected.size());
    }
  }
}

TEST_CASE("the sieve kernel refuses segment sizes that are not powers of two") {
  const auto primes = kernels::sieving_primes(fallback_target().bit, 10'000);
  CHECK_THROWS_AS(kernels::SegmentedSieve(fallback_target().bit, primes, 1000, 2000, 1000, 256), std::logic_error);
}

TEST_CASE("sieving primes are the primes above the pre-sieved ones") {
  constexpr std::uint64_t kFirst = kernels::PreSieve::kLargestPrime + 1;
  const auto primes = kernels::sieving_primes(fallback_target().bit, 3'000'000);
  const auto expected = primes_in_reference(kFirst, 3'000'001);
  REQUIRE(std::vector<std::uint64_t>(primes.begin(), primes.end()) == expected);
  // pi(10^8) = 5761455, of which 54 are at most 251.
  CHECK(kernels::sieving_primes(best_target().bit, 100'000'000).size() == 5761455 - 54);
  CHECK(kernels::sieving_primes(best_target().bit, kFirst - 1).empty());
}
