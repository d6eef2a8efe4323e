#pragma once
// Carrying out a RangePlan: its sieving primes, then the count or sieve bytes of runs
// of chunks, sieved or tested number by number as the plan says.
#include <cstdint>
#include <stop_token>

#include "host/src/range_plan.hpp"
#include "kernels/segmented_sieve.h"
#include "volley/cancellation.hpp"
#include "volley/pool.hpp"

namespace volley::detail {

class RangeJob {
 public:
  /// Makes the plan's sieving primes when the plan sieves, on the pool's threads. Every
  /// method throws Cancelled once a stop is requested on `stop` (looked at between segments,
  /// or every kStopCheckNumbers numbers tested).
  RangeJob(const RangePlan& plan, std::int64_t target, const Pool& pool, std::stop_token stop);

  const RangePlan& plan() const { return plan_; }
  /// Number of primes in chunks [first, end).
  std::uint64_t count(std::uint64_t first, std::uint64_t end) const;
  /// Bytes 30k .. 30k + 29 of the wheel (bit j: 30k + kResidues[j]) that chunks [first, end)
  /// cover: chunk_lo(first) / 30 .. (chunk_hi(end - 1) - 1) / 30.
  std::uint64_t bytes_of(std::uint64_t first, std::uint64_t end) const;
  /// Writes those bytes to out, with the bits of the primes of the chunks set.
  void write_bytes(std::uint64_t first, std::uint64_t end, std::uint8_t* out) const;

 private:
  kernels::SegmentedSieve sieve(std::uint64_t first, std::uint64_t end) const;
  // Calls fn(n) for the numbers of chunk c coprime to 30, in order (no overflow near 2^64).
  template <typename Fn>
  void for_each_candidate(std::uint64_t c, Fn fn) const {
    for (std::uint64_t n = plan_.chunk_lo(c), hi = plan_.chunk_hi(c); n < hi; ++n) {
      if (n % kStopCheckNumbers == 0) throw_if_stopped(stop_);
      if (n % 2 && n % 3 && n % 5) fn(n);
    }
  }

  static constexpr std::uint64_t kStopCheckNumbers = 1 << 12;
  RangePlan plan_;
  std::int64_t target_;
  std::stop_token stop_;
  kernels::SievingPrimes primes_;
};

}  // namespace volley::detail
