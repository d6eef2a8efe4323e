#pragma once
// Carrying out a RangePlan: its sieving primes, then the count, list or sieve bytes of runs
// of chunks, sieved or tested number by number as the plan says.
#include <cstdint>
#include <vector>

#include "host/src/range_plan.hpp"
#include "kernels/segmented_sieve.h"

namespace volley::detail {

class RangeJob {
 public:
  /// Makes the plan's sieving primes, on the calling thread, when the plan sieves.
  RangeJob(const RangePlan& plan, std::int64_t target);

  const RangePlan& plan() const { return plan_; }
  /// Number of primes in chunks [first, end).
  std::uint64_t count(std::uint64_t first, std::uint64_t end) const;
  /// The primes of chunk c, ascending.
  std::vector<std::uint64_t> list(std::uint64_t c) const;
  /// Writes the sieve bytes of chunks [first, end) at their place among the bytes of the
  /// whole range, lo / 30 .. (hi - 1) / 30 (sieving plans only).
  void write_bytes(std::uint64_t first, std::uint64_t end, std::uint8_t* range_bytes) const;

 private:
  kernels::SegmentedSieve sieve(std::uint64_t first, std::uint64_t end) const;
  // Calls fn(n) for the numbers of chunk c coprime to 30, in order (no overflow near 2^64).
  template <typename Fn>
  void for_each_candidate(std::uint64_t c, Fn fn) const {
    for (std::uint64_t n = plan_.chunk_lo(c), hi = plan_.chunk_hi(c); n < hi; ++n)
      if (n % 2 && n % 3 && n % 5) fn(n);
  }

  RangePlan plan_;
  std::int64_t target_;
  std::vector<std::uint32_t> primes_;
};

}  // namespace volley::detail
