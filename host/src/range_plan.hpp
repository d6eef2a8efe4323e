#pragma once
// Planning prime work: pure functions from a range (or a batch's bounds), the thread count
// and the cache sizes to how the work is cut and whether it is sieved or tested number by
// number, chosen by a cost model (kernels/prime_config.h). No I/O and no state, so the plans
// are unit-tested on their own; the constants they use live in prime_config.h.
#include <cstdint>
#include <optional>

#include "volley/run_options.hpp"

namespace volley::detail {

struct RangeQuery {
  std::uint64_t from = 0, to = 0;  ///< the range [from, to)
  unsigned threads = 1;
  std::uint64_t l1_bytes = 0, l2_bytes = 0;  ///< per-core data caches
  PrimeMethod method = PrimeMethod::Auto;
};

struct RangePlan {
  /// The part of [from, to) from kFirstSieved up (the numbers below are looked up).
  std::uint64_t lo = 0, hi = 0;
  bool test_each = false;  ///< test the wheel candidates one by one instead of sieving
  std::uint64_t segment_bytes = 0, block_bytes = 0;
  std::uint64_t chunk_bytes = 1;    ///< sieve bytes (30 numbers each) per chunk
  std::uint64_t chunks = 0;         ///< 0: nothing to sieve or test
  std::uint64_t runs = 0;           ///< groups of consecutive chunks, one pass each
  std::uint64_t sieving_limit = 0;  ///< crossed off: the primes up to isqrt(hi - 1); 0 when testing
  double sieve_seconds = 0, test_seconds = 0;  ///< the cost model's estimates

  /// Bounds of chunk c. Inside the range they are multiples of 30 below hi (no overflow).
  std::uint64_t chunk_lo(std::uint64_t c) const;
  std::uint64_t chunk_hi(std::uint64_t c) const;
  /// The first chunk of run r; run_start(runs) == chunks.
  std::uint64_t run_start(std::uint64_t r) const;
};

/// At least as many as the primes in any range of `width` numbers: 2y / ln y for y >= 2 by
/// the Montgomery-Vaughan bound pi(x + y) - pi(x) <= 2y / ln y, rounded up (1 below 2).
std::uint64_t max_primes_in(std::uint64_t width);

/// How [from, to) is processed. For a given method a chunk's bounds depend only on the range
/// and the cache sizes, never on the thread count. Auto's choice of method may depend on it
/// (testing spreads over threads, a sieve's setup repeats per run), but both are exact, so
/// results never depend on threads.
RangePlan plan_range(const RangeQuery& query);

/// For a batch of `count` numbers in [min, max]: the plan that sieves the span once, to look
/// each number up, when the span is dense enough (kDenseSpanPerNumber) and sieving it is
/// estimated cheaper than testing the numbers; nothing when they are better tested one by one.
std::optional<RangePlan> plan_batch_sieve(std::uint64_t min, std::uint64_t max, std::uint64_t count, unsigned threads,
                                          std::uint64_t l1_bytes, std::uint64_t l2_bytes);

}  // namespace volley::detail
