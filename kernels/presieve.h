#pragma once
// Pre-sieving: a segment starts as a copy of precomputed wheel bytes from which the
// multiples of the primes 7..251 are already gone, so those primes are never crossed off.
#include <cstdint>
#include <vector>

namespace volley::kernels {

class PreSieve {
 public:
  /// Primes up to this one are removed by the patterns (the primes themselves included).
  static constexpr std::uint32_t kLargestPrime = 251;

  /// The shared instance (built on first use, about 1.3 MB).
  static const PreSieve& instance();

  /// Writes bytes [first, first + n) of the pre-sieved wheel (absolute byte indices) to dst.
  void fill(std::int64_t target, std::uint8_t* dst, std::uint64_t first, std::uint64_t n) const;

 private:
  PreSieve();
  // Groups of primes whose product (the pattern's period in bytes) stays cache-sized.
  std::vector<std::vector<std::uint8_t>> patterns_;
};

}  // namespace volley::kernels
