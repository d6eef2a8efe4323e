#pragma once
// Crossing off the multiples of sieving primes in one segment of a mod-30 wheel sieve.
#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

#include "kernels/wheel.h"

namespace volley::kernels {

/// A sieving prime and where its next multiple falls.
struct SievingPrime {
  std::uint32_t prime;
  std::uint32_t wheel;  ///< wheel index of the next multiplier q
  std::uint64_t next;   ///< byte of the next multiple p*q, relative to the current segment
};

/// `next` of a prime whose next multiple is past 2^64 - 1.
inline constexpr std::uint64_t kNoMultiple = std::numeric_limits<std::uint64_t>::max();

/// A multiple p*q of a sieving prime and the index of q on its wheel.
struct WheelMultiple {
  std::uint64_t multiple;
  std::uint32_t index;
};

/// The first multiple p*q >= max(p^2, start) with q on the wheel of modulus M whose table
/// wheel::next_residues<M> is `next_residue` (smaller q were crossed off by their own smaller
/// factors), or none when it is past 2^64 - 1.
template <std::size_t M>
std::optional<WheelMultiple> first_on_wheel(const std::array<wheel::Next, M>& next_residue, std::uint32_t prime,
                                            std::uint64_t start) {
  std::uint64_t q = std::max<std::uint64_t>(prime, start / prime + (start % prime != 0));
  const wheel::Next next = next_residue[q % M];
  q += next.distance;
  const auto multiple = static_cast<unsigned __int128>(prime) * q;
  if (multiple > std::numeric_limits<std::uint64_t>::max()) return std::nullopt;
  return WheelMultiple{static_cast<std::uint64_t>(multiple), next.index};
}

/// The prime's first multiple p*q >= max(p^2, start) with q on the wheel, relative to byte
/// `base` (start >= 30 * base); next is kNoMultiple when that multiple is past 2^64 - 1.
SievingPrime first_multiple(std::uint32_t prime, std::uint64_t start, std::uint64_t base);

/// How the crossing-off loop walks a prime's multiples: whole wheel turns unrolled, unchecked
/// (primes with many turns per piece), or one multiple at a time, each checked against the
/// piece's end (a short loop: faster where a prime has fewer turns per piece).
enum class Walk { kTurns, kSteps };

/// Sieving primes grouped by residue class and wheel index (group 8c + i holds the primes p
/// with p mod 30 = kResidues[c] whose next multiplier is on wheel index i), so that the
/// crossing-off loop, specialised per class, is chosen once per class, and every prime of a
/// group enters it at the same place (a predictable jump instead of a mispredicted one per
/// prime and segment). Two flat tables, not 64 lists: a short range costs no allocation per
/// group.
class PrimesByClass {
 public:
  explicit PrimesByClass(Walk walk) : walk_(walk) {}

  /// Adds a prime; a prime whose next multiple is past 2^64 - 1 has nothing to cross off.
  /// Throws std::logic_error for a prime of kMaxPrime or more or a next multiple kMaxNext
  /// bytes or more ahead: the bounds of the packed entries (primes that large belong in the
  /// bucket sieve; a run of sieve is at most kMaxNext bytes).
  void add(const SievingPrime& sp);

  static constexpr std::uint64_t kMaxPrime = std::uint64_t{1} << 30;
  static constexpr std::uint64_t kMaxNext = std::uint64_t{1} << 32;

 private:
  friend void cross_off(std::uint8_t* segment, std::uint64_t bytes, PrimesByClass& primes);
  // A prime p = 30a + r in group g as one word, next << 32 | a << 6 | g (halves the tables'
  // traffic against a two-word struct).
  Walk walk_;
  std::vector<std::uint64_t> pending_;      // in any order: added, or moved on by cross_off
  std::array<std::uint32_t, 64> counts_{};  // of pending_, per group
  std::vector<std::uint64_t> grouped_;      // pending_ sorted by group, for cross_off
};

/// Clears the bits of every multiple of every prime within bytes [0, bytes) of `segment`,
/// then moves each prime's `next` on to be relative to the following segment.
void cross_off(std::uint8_t* segment, std::uint64_t bytes, PrimesByClass& primes);

}  // namespace volley::kernels
