#pragma once
// Pre-sieving: a segment starts as a copy of precomputed wheel bytes from which the
// multiples of the primes 7 .. kLargestPrime are already gone, so those primes are never
// crossed off.
#include <array>
#include <cstdint>
#include <vector>

#include "kernels/prime_config.h"

namespace volley::kernels {

class PreSieve {
 public:
  /// Primes up to this one are removed by the patterns (the primes themselves included).
  static constexpr std::uint32_t kLargestPrime = prime_config::kPreSieveLargestPrime;

  /// The shared instance (built on first use, about 500 KB).
  static const PreSieve& instance();

  /// Writes bytes [first, first + n) of the pre-sieved wheel (absolute byte indices) to dst.
  void fill(std::int64_t target, std::uint8_t* dst, std::uint64_t first, std::uint64_t n) const;

  /// Bytes merged at a time.
  static constexpr std::uint64_t kStep = prime_config::kPreSieveStep;
  /// The pre-sieved wheel bytes of a group of primes: `period` bytes (a multiple of the
  /// product of the primes, at least kStep) and kStep more, repeating them.
  struct Pattern {
    std::uint64_t period;
    std::vector<std::uint8_t> bytes;
  };

 private:
  static constexpr std::size_t kMaxPatterns = 32;
  PreSieve();
  // Groups of primes whose product stays cache-sized.
  std::vector<Pattern> patterns_;
};

}  // namespace volley::kernels
