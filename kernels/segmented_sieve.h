#pragma once
// A segmented sieve of Eratosthenes over one range [lo, hi) with lo >= 73, on the mod-30
// wheel: each segment is pre-sieved, crossed off by the sieving primes, then read out.
#include <cstdint>
#include <span>
#include <vector>

#include "kernels/eratosthenes.h"

namespace volley::kernels {

class SegmentedSieve {
 public:
  /// `primes`: every prime from 73 up to at least sqrt(hi - 1), ascending.
  SegmentedSieve(std::int64_t target, std::span<const std::uint32_t> primes, std::uint64_t lo, std::uint64_t hi,
                 std::uint64_t segment_bytes);

  /// Number of primes in [lo, hi).
  std::uint64_t count();
  /// Appends the primes in [lo, hi) to out, ascending.
  void append_primes(std::vector<std::uint64_t>& out);

 private:
  // Calls visit(bytes, first_byte, n) for each segment in order, edges outside [lo, hi) cleared.
  template <typename Visit>
  void run(Visit&& visit);

  std::int64_t target_;
  std::uint64_t lo_, hi_, segment_bytes_;
  std::vector<SievingPrime> primes_;
};

/// The primes in [73, limit] (limit < 2^32), ascending: the sieving primes of ranges up to
/// (limit + 1)^2. O(limit) time, O(sqrt(limit)) memory besides the result.
std::vector<std::uint32_t> sieving_primes(std::uint64_t limit);

}  // namespace volley::kernels
