// The sieve kernel with segment and block sizes far smaller than any cache, so that every
// size class (block-wise, segment-wise, bucketed) and many bucket moves occur on short ranges.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "kernels/eratosthenes.h"
#include "kernels/presieve.h"
#include "kernels/prime_config.h"
#include "kernels/wheel.h"
#include "kernels/segmented_sieve.h"
#include "kernels/small_primes.h"
#include "volley/primes.hpp"
#include "volley/targets.hpp"

using namespace volley;

TEST_CASE("the sieve kernel with tiny segments equals the reference sieve") {
  struct Case {
    std::uint64_t lo, hi, segment_bytes, block_bytes;
  };
  constexpr std::uint64_t kFirst = kernels::PreSieve::kLargestPrime + 1;  // the kernel's lowest start
  for (const Case c : {Case{kFirst, 3'000'000, 1024, 256}, Case{20'000'000, 22'000'000, 1024, 256},
                       Case{20'000'000, 22'000'000, 4096, 1024}, Case{29'999'989, 30'300'001, 512, 512},
                       // middle blocks of 4096 bytes hold primes 257 .. 509, segments the rest to
                       // 32768, buckets the rest
                       Case{20'000'000, 22'000'000, 16384, 512}, Case{1'100'000'000, 1'102'000'000, 16384, 512}}) {
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

TEST_CASE("the sieve kernel on short ranges high up, where primes hit few segments") {
  // The bucket sieve keeps only the multiples inside the range, however short it is.
  const auto primes = kernels::sieving_primes(fallback_target().bit, 1'000'000);
  for (const std::uint64_t width : {1ULL, 29ULL, 30ULL, 31ULL, 1000ULL, 30'000ULL, 100'000ULL}) {
    const std::uint64_t lo = 999'999'999'937ULL, hi = lo + width;
    std::vector<std::uint64_t> expected;
    for (std::uint64_t n = lo; n < hi; ++n)
      if (is_prime(n)) expected.push_back(n);
    for (const std::uint64_t segment : {1024ULL, 1ULL << 20}) {
      INFO("width " << width << ", segments of " << segment << " bytes");
      std::vector<std::uint64_t> listed;
      kernels::SegmentedSieve(best_target().bit, primes, lo, hi, segment, 256).append_primes(listed);
      REQUIRE(listed == expected);
    }
  }
}

TEST_CASE("first multiples are exact at the edges of 64 bits") {
  using u128 = unsigned __int128;
  constexpr std::uint64_t kMax = ~std::uint64_t{0};
  for (const std::uint32_t p : {257u, 263u, 65521u, 1000003u, 4294967291u}) {
    for (const std::uint64_t near : {std::uint64_t{p} * p, kMax / p * p, kMax - 30, kMax / 2, std::uint64_t{1} << 52})
      for (std::uint64_t start = near - 40; start != near + 40; ++start) {
        const kernels::SievingPrime sp = kernels::first_multiple(p, start, 0);
        // The smallest multiple p * q >= max(p^2, start) with q coprime to 30, by brute force.
        u128 q = std::max<u128>(p, (u128{start} + p - 1) / p);
        while (q % 2 == 0 || q % 3 == 0 || q % 5 == 0) ++q;
        const u128 multiple = q * p;
        INFO("p " << p << ", start " << start);
        if (multiple > kMax) {
          CHECK(sp.next == kernels::kNoMultiple);
        } else {
          REQUIRE(sp.next == static_cast<std::uint64_t>(multiple) / 30);
          CHECK(kernels::wheel::kResidues[sp.wheel] == static_cast<std::uint32_t>(q % 30));
        }
      }
  }
}

TEST_CASE("the sieve kernel refuses segment sizes that are not powers of two") {
  const auto primes = kernels::sieving_primes(fallback_target().bit, 10'000);
  CHECK_THROWS_AS(kernels::SegmentedSieve(fallback_target().bit, primes, 1000, 2000, 1000, 256), std::logic_error);
}

TEST_CASE("the sieve kernel refuses runs longer than kMaxRunBytes") {
  const auto primes = kernels::sieving_primes(fallback_target().bit, 400'000);
  constexpr std::uint64_t kLo = 30'000'000'000, kLongest = 30 * prime_config::kMaxRunBytes;
  CHECK_NOTHROW(kernels::SegmentedSieve(fallback_target().bit, primes, kLo, kLo + kLongest, 1 << 20, 32 << 10));
  CHECK_THROWS_AS(kernels::SegmentedSieve(fallback_target().bit, primes, kLo, kLo + kLongest + 1, 1 << 20, 32 << 10),
                  std::logic_error);
  // The packed entries' own bounds.
  kernels::PrimesByClass table(kernels::Walk::kSteps);
  CHECK_NOTHROW(table.add({257, 0, kernels::PrimesByClass::kMaxNext - 1}));
  CHECK_THROWS_AS(table.add({257, 0, kernels::PrimesByClass::kMaxNext}), std::logic_error);
  CHECK_THROWS_AS(table.add({(1u << 30) + 3, 0, 0}), std::logic_error);
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

TEST_CASE("sieving primes keep their gaps in a byte and join in order") {
  const std::vector<std::uint32_t> all = kernels::plain_sieve<std::uint32_t>(kernels::PreSieve::kLargestPrime + 1, 2'000'000);
  kernels::SievingPrimes whole;
  whole.append(all);
  REQUIRE((std::vector<std::uint32_t>(whole.begin(), whole.end()) == all));  // a bool: no printing of 10^5 numbers
  CHECK(whole.back() == all.back());

  // Parts of consecutive ranges, each counting from an odd number below its own (one empty).
  const std::vector<std::uint32_t> bounds{252, 1000, 1014, 1015, 1'500'000, 2'000'000};
  std::vector<kernels::SievingPrimes> parts;
  for (std::size_t k = 0; k + 1 < bounds.size(); ++k) {
    parts.emplace_back((bounds[k] - 2) | 1);
    const auto lo = std::lower_bound(all.begin(), all.end(), bounds[k]), hi = std::lower_bound(all.begin(), all.end(), bounds[k + 1]);
    parts.back().append(std::vector<std::uint32_t>(lo, hi));
  }
  REQUIRE(parts[2].empty());
  std::vector<std::size_t> copied;
  const auto joined = kernels::SievingPrimes::join(parts, [&](std::size_t n, const auto& copy) {
    for (std::size_t k = n; k-- > 0;) copy(k), copied.push_back(k);  // any order
  });
  CHECK(copied.size() == parts.size());
  REQUIRE((std::vector<std::uint32_t>(joined.begin(), joined.end()) == all));
  CHECK(joined.back() == all.back());

  // Steps that are no gap between odd primes below 2^32.
  kernels::SievingPrimes bad;
  CHECK_THROWS_AS(bad.append(std::vector<std::uint32_t>{257, 260}), std::logic_error);
  CHECK_THROWS_AS(bad.append(std::vector<std::uint32_t>{257, 257}), std::logic_error);
  CHECK_THROWS_AS(bad.append(std::vector<std::uint32_t>{257, 257 + 512}), std::logic_error);
  CHECK(bad.empty());
  CHECK_NOTHROW(bad.append(std::vector<std::uint32_t>{257, 257 + 510}));
  CHECK(bad.back() == 767);

  // A sieve past 2^32 has no sieving primes to give.
  const auto root = kernels::sieving_primes(fallback_target().bit, 70'000);
  constexpr std::uint64_t k2To32 = std::uint64_t{1} << 32;
  kernels::SievingPrimes listed(static_cast<std::uint32_t>((k2To32 - 102) | 1));
  CHECK_THROWS_AS(kernels::SegmentedSieve(fallback_target().bit, root, k2To32 - 100, k2To32 + 100, 1024, 256).append_primes(listed),
                  std::logic_error);
  kernels::SegmentedSieve(fallback_target().bit, root, k2To32 - 100, k2To32, 1024, 256).append_primes(listed);
  CHECK(std::vector<std::uint32_t>(listed.begin(), listed.end()) ==
        std::vector<std::uint32_t>{4294967197, 4294967231, 4294967279, 4294967291});
}
