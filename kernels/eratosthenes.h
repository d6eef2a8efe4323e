#pragma once
// Crossing off the multiples of sieving primes in one segment of a mod-30 wheel sieve.
#include <array>
#include <cstdint>
#include <vector>

namespace volley::kernels {

/// A sieving prime and where its next multiple falls.
struct SievingPrime {
  std::uint32_t prime;
  std::uint32_t wheel;  ///< wheel index of the next multiplier q
  std::uint64_t next;   ///< byte of the next multiple p*q, relative to the current segment
};

/// The prime's first multiple p*q >= max(p^2, start) with q on the wheel, relative to byte
/// `base` (start >= 30 * base); next is UINT64_MAX when that multiple is past 2^64 - 1.
SievingPrime first_multiple(std::uint32_t prime, std::uint64_t start, std::uint64_t base);

/// A large prime p = 30a + kResidues[c], waiting in the bucket of the segment where its next
/// multiple falls: a * 8 + c, and that multiple's byte within the segment * 8 + wheel index
/// (no division on the hot path).
struct BucketEntry {
  std::uint32_t a_class;
  std::uint32_t offset_wheel;
};

/// Segments of one sieve run, each with the bucket of large-prime multiples that fall in it.
using Buckets = std::vector<std::vector<BucketEntry>>;

/// Queues the first multiple of `sp` (relative to the run's first byte) in its segment's
/// bucket; multiples past the last segment are dropped.
void enqueue(Buckets& buckets, std::uint64_t segment_bytes, const SievingPrime& sp);

/// Crosses off the multiples queued for segment `index` (its valid bytes are [0, bytes)) and
/// queues each prime's next multiple in the bucket of its segment; empties the bucket.
void cross_off_bucket(std::uint8_t* segment, std::uint64_t bytes, std::uint64_t segment_bytes, std::size_t index,
                      Buckets& buckets);

/// Sieving primes grouped by residue class (group c holds the primes p with p mod 30 =
/// kResidues[c]), so that the crossing-off loop, specialised per class, is chosen once per
/// group instead of once per prime.
struct PrimesByClass {
  /// Adds a prime; a prime whose next multiple is past 2^64 - 1 has nothing to cross off.
  void add(const SievingPrime& sp);
  std::array<std::vector<SievingPrime>, 8> groups;
};

/// Clears the bits of every multiple of every prime within bytes [0, bytes) of `segment`,
/// then moves each prime's `next` on to be relative to the following segment.
void cross_off(std::uint8_t* segment, std::uint64_t bytes, PrimesByClass& primes);

}  // namespace volley::kernels
