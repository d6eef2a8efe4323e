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

/// Sieving primes grouped by residue class and wheel index (group 8c + i holds the primes p
/// with p mod 30 = kResidues[c] whose next multiplier is on wheel index i), so that the
/// crossing-off loop, specialised per class, is chosen once per class, and every prime of a
/// group enters it at the same place (a predictable jump instead of a mispredicted one per
/// prime and segment). Two flat tables, not 64 lists: a short range costs no allocation per
/// group.
class PrimesByClass {
 public:
  /// Adds a prime; a prime whose next multiple is past 2^64 - 1 has nothing to cross off.
  void add(const SievingPrime& sp);

 private:
  friend void cross_off(std::uint8_t* segment, std::uint64_t bytes, PrimesByClass& primes);
  // Here a SievingPrime's `wheel` holds its group 8c + i, wheel index i.
  std::vector<SievingPrime> pending_;      // in any order: added, or moved on by cross_off
  std::array<std::uint32_t, 64> counts_{};  // of pending_, per group
  std::vector<SievingPrime> grouped_;      // pending_ sorted by group, for cross_off
};

/// Clears the bits of every multiple of every prime within bytes [0, bytes) of `segment`,
/// then moves each prime's `next` on to be relative to the following segment.
void cross_off(std::uint8_t* segment, std::uint64_t bytes, PrimesByClass& primes);

}  // namespace volley::kernels
