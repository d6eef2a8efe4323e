#pragma once
// A segmented sieve of Eratosthenes over one range [lo, hi) with lo above the pre-sieved
// primes (PreSieve::kLargestPrime), on the mod-30 wheel: each segment is pre-sieved, crossed
// off by the sieving primes, then read out.
#include <cstdint>
#include <span>
#include <stop_token>
#include <vector>

#include "kernels/bucket_sieve.h"
#include "kernels/eratosthenes.h"
#include "kernels/sieving_primes.h"

namespace volley::kernels {

/// Sieving primes set up between two looks at the stop token.
inline constexpr std::size_t kStopCheckPrimes = std::size_t{1} << 16;

class SegmentedSieve {
 public:
  /// `primes`: every prime above PreSieve::kLargestPrime up to at least sqrt(hi - 1), ascending.
  /// [lo, hi) spans at most kMaxRunBytes wheel bytes. Segments of `segment_bytes` (a power of
  /// two of one or two L2 caches, at most 2^kMaxBucketSegmentShift); primes below block_bytes /
  /// kSmallPrimeBlockFraction (block: about the L1 cache) cross off one block at a time, so
  /// their many hits stay in L1; larger primes below a middle block (a
  /// kMiddleBlocksPerSegment'th of the segment, at least a block) / kSmallPrimeBlockFraction
  /// cross off one middle block at a time; larger still cross off whole segments; primes
  /// above kMediumPrimeSegments segment sizes wait in the bucket of the next segment they
  /// hit. Throws std::logic_error for a segment size that is not such a power of two, or a
  /// longer range. Once a stop is requested on `stop`, setting up and sieving end early
  /// (between segments, or every kStopCheckPrimes sieving primes) and the results are
  /// incomplete: the caller must check the token.
  SegmentedSieve(std::int64_t target, const SievingPrimes& primes, std::uint64_t lo, std::uint64_t hi,
                 std::uint64_t segment_bytes, std::uint64_t block_bytes, std::stop_token stop = {});

  /// Number of primes in [lo, hi).
  std::uint64_t count();
  /// Appends the primes in [lo, hi) to out, ascending.
  void append_primes(std::vector<std::uint64_t>& out);
  /// The same into a list of sieving primes (its back() below lo); throws std::logic_error
  /// for hi > 2^32.
  void append_primes(SievingPrimes& out);
  /// Writes the sieve bytes lo / 30 .. (hi - 1) / 30 to out: bit j of byte k is set iff
  /// 30k + kResidues[j] is a prime in [lo, hi).
  void write_bytes(std::uint8_t* out);

 private:
  // Calls visit(bytes, first_byte, n) for each segment in order, edges outside [lo, hi) cleared.
  template <typename Visit>
  void run(Visit&& visit);
  // Calls take(numbers, count) with each segment's primes, in a buffer of `Number`s.
  template <typename Number, typename Take>
  void extract(Take&& take);

  std::int64_t target_;
  std::uint64_t lo_, hi_, segment_bytes_, block_bytes_, middle_bytes_;
  std::stop_token stop_;
  // Measured on [10^12, +10^9) and [10^15, +10^9): walking the middle and medium primes
  // multiple by multiple took 0.97 of the time of whole turns, the small primes 1.01.
  PrimesByClass small_{Walk::kTurns};    // crossed off block by block
  PrimesByClass middle_{Walk::kSteps};   // crossed off middle block by middle block
  PrimesByClass medium_{Walk::kSteps};   // crossed off segment by segment
  BucketSieve large_;     // primes above kMediumPrimeSegments segments
};

/// The primes in (PreSieve::kLargestPrime, limit] (limit < 2^32), ascending: the sieving
/// primes of ranges up to (limit + 1)^2. Sieved by this sieve itself, with segments sized
/// for any cache; O(sqrt(limit)) memory besides the result. Incomplete once a stop is
/// requested on `stop`.
SievingPrimes sieving_primes(std::int64_t target, std::uint64_t limit, std::stop_token stop = {});

/// The same in pieces, for threads to share: the primes that sieve the sieving primes up to
/// `limit`...
SievingPrimes root_primes(std::uint64_t limit);
/// ...and the sieving primes in [lo, hi) (PreSieve::kLargestPrime < lo, hi - 1 <= limit)
/// appended to out, from root_primes(limit).
void append_sieving_primes(std::int64_t target, const SievingPrimes& root, std::uint64_t lo,
                           std::uint64_t hi, SievingPrimes& out, std::stop_token stop = {});

}  // namespace volley::kernels
