// The prime planner on its own: how ranges are cut, and which method the cost model picks.
#include <catch2/catch.hpp>

#include <limits>
#include <random>
#include <vector>

#include "host/src/range_plan.hpp"
#include "kernels/prime_config.h"
#include "kernels/wheel.h"
#include "volley/contract/integer.hpp"
#include "volley/primes.hpp"

using namespace volley;
using detail::plan_batch_sieve;
using detail::plan_range;
using detail::RangePlan;

namespace {

constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();
constexpr std::uint64_t kL1 = 48 << 10, kL2 = 2 << 20;
constexpr std::uint64_t kNear2To64 = kMax - (std::uint64_t{1} << 40) + 1;  // 2^64 - 2^40

RangePlan plan(std::uint64_t from, std::uint64_t to, unsigned threads, PrimeMethod method = PrimeMethod::Auto) {
  return plan_range({from, to, threads, kL1, kL2, method});
}

// The chunks cover [lo, hi) exactly, in order, with interior bounds on multiples of 30; the
// runs cover the chunks.
void require_tiling(const RangePlan& p) {
  REQUIRE(p.chunks > 0);
  REQUIRE(p.chunk_lo(0) == p.lo);
  REQUIRE(p.chunk_hi(p.chunks - 1) == p.hi);
  for (std::uint64_t c = 0; c < p.chunks; ++c) {
    REQUIRE(p.chunk_lo(c) < p.chunk_hi(c));
    if (c + 1 < p.chunks) {
      REQUIRE(p.chunk_hi(c) == p.chunk_lo(c + 1));
      REQUIRE(p.chunk_hi(c) % 30 == 0);
    }
  }
  REQUIRE(p.runs > 0);
  REQUIRE(p.runs <= p.chunks);
  REQUIRE(p.run_start(0) == 0);
  REQUIRE(p.run_start(p.runs) == p.chunks);
  for (std::uint64_t r = 0; r < p.runs; ++r) REQUIRE(p.run_start(r) < p.run_start(r + 1));
}

}  // namespace

TEST_CASE("plans cut ranges into chunks that tile them, for both methods") {
  std::vector<std::pair<std::uint64_t, std::uint64_t>> ranges = {
      {0, 1025}, {1000, 1100}, {1024, 1031}, {0, 10'000'000'000}, {4'294'867'296, 4'295'067'296},
      {1'000'000'000'000'000'000, 1'000'000'000'001'000'000}, {kMax - 100, kMax}, {kMax - 1'000'000'000, kMax}};
  std::mt19937_64 rng(8);
  for (int i = 0; i < 50; ++i) {
    const std::uint64_t from = rng() >> (rng() % 64), width = rng() >> (20 + rng() % 44);
    ranges.emplace_back(from, from + std::min(width, kMax - from));
  }
  for (const auto& [from, to] : ranges)
    for (const PrimeMethod method : {PrimeMethod::Sieve, PrimeMethod::TestEach})
      for (const unsigned threads : {1u, 2u, 7u}) {
        INFO("[" << from << ", " << to << "), " << threads << " threads, method " << static_cast<int>(method));
        const RangePlan p = plan(from, to, threads, method);
        REQUIRE(p.lo == std::max(from, prime_config::kFirstSieved));
        REQUIRE(p.hi == to);
        if (p.lo >= p.hi) {
          REQUIRE(p.chunks == 0);
          continue;
        }
        REQUIRE(p.test_each == (method == PrimeMethod::TestEach));
        require_tiling(p);
      }
}

TEST_CASE("chunk bounds do not depend on the thread count") {
  for (const PrimeMethod method : {PrimeMethod::Sieve, PrimeMethod::TestEach}) {
    const RangePlan one = plan(123'456'789, 98'765'432'100, 1, method);
    for (const unsigned threads : {2u, 3u, 16u, 64u, 256u}) {
      const RangePlan many = plan(123'456'789, 98'765'432'100, threads, method);
      REQUIRE(many.chunks == one.chunks);
      REQUIRE(many.chunk_bytes == one.chunk_bytes);
      for (std::uint64_t c = 0; c < one.chunks; c += 97) REQUIRE(many.chunk_lo(c) == one.chunk_lo(c));
    }
  }
}

TEST_CASE("a sieve plan has a run per thread while there are chunks enough") {
  // Few sieving primes: about a run per chunk, a multiple of the thread count.
  const RangePlan near_zero = plan(0, 100'000'000'000, 3);
  REQUIRE_FALSE(near_zero.test_each);
  CHECK(near_zero.runs % 3 == 0);
  CHECK(near_zero.runs + 3 > near_zero.chunks);
  CHECK(near_zero.sieving_limit == 316'227);
  // Near 2^64, ~203 million sieving primes: a run holds kRunBytesPerSievingPrime bytes of
  // sieve per prime (within kMaxRunBytes), yet there is a run per thread.
  constexpr std::uint64_t kRunBytes = prime_config::kRunBytesPerSievingPrime * 200'000'000;
  const RangePlan one = plan(kNear2To64, kNear2To64 + 1'000'000'000'000, 1);
  REQUIRE_FALSE(one.test_each);
  CHECK(one.runs > 1);
  CHECK(one.chunks / one.runs * one.chunk_bytes >= std::min(kRunBytes, prime_config::kMaxRunBytes / 2));
  const RangePlan four = plan(kNear2To64, kNear2To64 + 1'000'000'000'000, 4);
  CHECK(four.runs % 4 == 0);
  CHECK(four.runs == one.runs);
  CHECK(four.chunks == one.chunks);
}

TEST_CASE("no sieve run is longer than kMaxRunBytes") {
  // One thread, many sieving primes: runs would be longer but for the bound.
  const RangePlan p = plan(kMax - (std::uint64_t{1} << 44), kMax, 1, PrimeMethod::Sieve);
  require_tiling(p);
  std::uint64_t longest = 0;
  for (std::uint64_t r = 0; r < p.runs; ++r)
    longest = std::max(longest, kernels::wheel::bytes_of(p.chunk_lo(p.run_start(r)), p.chunk_hi(p.run_start(r + 1) - 1)));
  CHECK(longest <= prime_config::kMaxRunBytes);
  CHECK(longest > prime_config::kMaxRunBytes / 2);
}

TEST_CASE("segments and blocks follow the caches, within their bounds") {
  // Far from 0 (sieving primes past half of L2), segments are kSegmentsPerL2 = 2 L2 caches,
  // rounded down to a power of two; near 0 one.
  auto sizes = [](std::uint64_t l1, std::uint64_t l2, std::uint64_t from = 1'000'000'000'000'000) {
    const RangePlan p = plan_range({from, from + 1'000'000, 1, l1, l2, PrimeMethod::Sieve});
    return std::pair{p.segment_bytes, p.block_bytes};
  };
  CHECK(sizes(48 << 10, 1 << 20) == std::pair<std::uint64_t, std::uint64_t>{2 << 20, 32 << 10});
  CHECK(sizes(48 << 10, 1 << 20, 0) == std::pair<std::uint64_t, std::uint64_t>{1 << 20, 32 << 10});
  CHECK(sizes(32 << 10, 640 << 10) == std::pair<std::uint64_t, std::uint64_t>{1 << 20, 32 << 10});  // 1280 KiB down
  CHECK(sizes(16 << 10, 256 << 10) == std::pair<std::uint64_t, std::uint64_t>{512 << 10, 16 << 10});
  CHECK(sizes(1 << 10, 8 << 10) == std::pair<std::uint64_t, std::uint64_t>{32 << 10, 4 << 10});  // lower bounds
  CHECK(sizes(1 << 10, 8 << 10, 0) == std::pair<std::uint64_t, std::uint64_t>{32 << 10, 4 << 10});
  CHECK(sizes(1 << 20, 2 << 20) == std::pair<std::uint64_t, std::uint64_t>{2 << 20, 32 << 10});  // upper bounds
  CHECK(sizes(1 << 20, std::numeric_limits<std::uint64_t>::max()) == std::pair<std::uint64_t, std::uint64_t>{2 << 20, 32 << 10});
  // The step is where the largest sieving prime reaches half of L2: 2^19 with 1 MiB.
  CHECK(sizes(32 << 10, 1 << 20, (std::uint64_t{1} << 38) - 1'000'000).first == 1 << 20);
  CHECK(sizes(32 << 10, 1 << 20, (std::uint64_t{1} << 38) - 1'000'000 + 1).first == 2 << 20);
}

TEST_CASE("ranges below the sieved numbers have nothing to plan") {
  CHECK(plan(0, 0, 1).chunks == 0);
  CHECK(plan(0, prime_config::kFirstSieved, 1).chunks == 0);
  CHECK(plan(500, 700, 2).chunks == 0);
  CHECK(plan(kMax, kMax, 2).chunks == 0);
}

TEST_CASE("the cost model sieves near 0 and long ranges, tests short ranges high up") {
  for (const unsigned threads : {1u, 2u, 16u}) {
    INFO(threads << " threads");
    CHECK_FALSE(plan(0, 1'000'000, threads).test_each);
    CHECK_FALSE(plan(1'000'000'000, 1'001'000'000, threads).test_each);
    CHECK(plan(1'000'000'000'000'000'000, 1'000'000'000'000'010'000, threads).test_each);
    CHECK(plan(kMax - 10'000, kMax, threads).test_each);
    CHECK_FALSE(plan(kNear2To64, kNear2To64 + 10'000'000'000, threads).test_each);
  }
  // The cliff of the old fixed ratio: near 10^18, up to 2.5 x 10^8 numbers were tested one
  // by one, about ten times slower than sieving them.
  for (const unsigned threads : {1u, 2u})
    CHECK_FALSE(plan(1'000'000'000'000'000'000, 1'000'000'000'249'000'000, threads).test_each);
}

TEST_CASE("along growing widths the cost model switches from testing to sieving once") {
  for (const std::uint64_t base : std::vector<std::uint64_t>{1'000'000'000'000, 1'000'000'000'000'000,
                                                             1'000'000'000'000'000'000, kNear2To64})
    for (const unsigned threads : {1u, 2u, 16u}) {
      INFO("from " << base << ", " << threads << " threads");
      bool sieving = false;
      for (int k = 0; k < 40 && (std::uint64_t{1} << k) <= kMax - base; ++k) {
        const RangePlan p = plan(base, base + (std::uint64_t{1} << k), threads);
        REQUIRE(p.sieve_seconds > 0);
        REQUIRE(p.test_seconds > 0);
        if (sieving) REQUIRE_FALSE(p.test_each);
        sieving = !p.test_each;
      }
      CHECK(sieving);  // 2^39 numbers are always sieved
    }
}

TEST_CASE("a forced method is the plan's method") {
  for (const auto& [from, to] : {std::pair<std::uint64_t, std::uint64_t>{0, 100'000'000},
                                 {1'000'000'000'000'000'000, 1'000'000'000'000'010'000}}) {
    CHECK(plan(from, to, 2, PrimeMethod::Sieve).test_each == false);
    CHECK(plan(from, to, 2, PrimeMethod::TestEach).test_each == true);
    CHECK(plan(from, to, 2, PrimeMethod::TestEach).sieving_limit == 0);
    CHECK(plan(from, to, 2, PrimeMethod::Sieve).sieving_limit == contract::isqrt(to - 1));
  }
}

TEST_CASE("a batch's span is sieved only when dense and cheaper than testing each number") {
  // The tutorials' batch: 10^6 numbers filling [10^8, 1.01 x 10^8).
  const auto dense = plan_batch_sieve(100'000'000, 100'999'999, 1'000'000, 2, kL1, kL2);
  REQUIRE(dense);
  CHECK(dense->lo == 100'000'000);
  CHECK(dense->hi == 101'000'000);
  CHECK_FALSE(dense->test_each);
  // Sparse: the span holds more than kDenseSpanPerNumber numbers per input.
  CHECK_FALSE(plan_batch_sieve(0, 1'000'000'000, 1'000'000, 2, kL1, kL2));
  // Up to 2^64 - 1: the span would end past 2^64 - 1.
  CHECK_FALSE(plan_batch_sieve(kMax - 100, kMax, 100, 2, kL1, kL2));
  // All below the sieved numbers: looked up one by one.
  CHECK_FALSE(plan_batch_sieve(0, 1000, 1000, 2, kL1, kL2));
  // Dense but far from 0: setting up the sieve costs more than testing 1000 numbers.
  CHECK_FALSE(plan_batch_sieve(1'000'000'000'000'000'000, 1'000'000'000'000'010'000, 1000, 2, kL1, kL2));
}

TEST_CASE("the room made for a range's primes is at least their number") {
  CHECK(detail::max_primes_in(0) == 1);
  CHECK(detail::max_primes_in(1) == 1);
  // The densest ranges start at 0: pi(10^k) for k = 1 .. 9, and the primes of [2, 12).
  const std::uint64_t pi[] = {4, 25, 168, 1229, 9592, 78498, 664579, 5761455, 50847534};
  std::uint64_t width = 1;
  for (const std::uint64_t count : pi) {
    width *= 10;
    CHECK(detail::max_primes_in(width) >= count);
  }
  CHECK(detail::max_primes_in(10) >= count_primes(2, 12));
  CHECK(detail::max_primes_in(1'000'000) < 2 * 78498 * 2);  // a bound, not a waste
}
