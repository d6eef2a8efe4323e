#pragma once
// Montgomery arithmetic for Miller-Rabin: the one definition of the Newton inverse and of
// 64-bit Montgomery multiplication, shared by the host, the Highway kernels (which apply the
// inverse to vectors) and CUDA device code.
#include "volley/contract/cxx20.hpp"

#include <cstdint>

#include "volley/contract/host_device.hpp"
#include "volley/contract/integer.hpp"

namespace volley::contract {

/// Steps of Newton's iteration x <- x (2 - n x) that take x = n to n^-1 mod 2^bits for odd
/// n: n is its own inverse mod 8 (3 correct bits), and each step doubles the correct bits.
VOLLEY_HOST_DEVICE constexpr int newton_steps(int bits) noexcept {
  int steps = 0;
  for (int correct = 3; correct < bits; correct *= 2) ++steps;
  return steps;
}

/// n^-1 mod 2^Bits for odd n, T an unsigned integer of at least Bits bits. (Vector kernels
/// run the same iteration, newton_steps(Bits) times, in their own multiplies.)
template <int Bits, typename T>
VOLLEY_HOST_DEVICE constexpr T newton_inverse(T n) noexcept {
  static_assert(sizeof(T) >= sizeof(unsigned), "a narrower type would be promoted to int");
  T x = n;
  for (int i = 0; i < newton_steps(Bits); ++i) x *= static_cast<T>(2 - n * x);
  return x;
}

/// Arithmetic modulo an odd n in Montgomery form: x is represented as x * 2^64 mod n.
class Montgomery64 {
 public:
  VOLLEY_HOST_DEVICE constexpr explicit Montgomery64(std::uint64_t n) noexcept
      : n_(n), inv_(newton_inverse<64>(n)), one_((0 - n) % n), minus_one_(n - one_) {}

  VOLLEY_HOST_DEVICE constexpr std::uint64_t to_form(std::uint64_t x) const noexcept {
    return static_cast<std::uint64_t>((static_cast<u128>(x) << 64) % n_);
  }
  VOLLEY_HOST_DEVICE constexpr std::uint64_t multiply(std::uint64_t a, std::uint64_t b) const noexcept {
    return reduce(static_cast<u128>(a) * b);
  }
  VOLLEY_HOST_DEVICE constexpr std::uint64_t one() const noexcept { return one_; }
  VOLLEY_HOST_DEVICE constexpr std::uint64_t minus_one() const noexcept { return minus_one_; }

  /// base^exponent, both sides in Montgomery form.
  VOLLEY_HOST_DEVICE constexpr std::uint64_t power(std::uint64_t base, std::uint64_t exponent) const noexcept {
    std::uint64_t result = one_;
    for (; exponent; exponent >>= 1) {
      if (exponent & 1) result = multiply(result, base);
      base = multiply(base, base);
    }
    return result;
  }

 private:
  // t / 2^64 mod n, for t < n * 2^64.
  VOLLEY_HOST_DEVICE constexpr std::uint64_t reduce(u128 t) const noexcept {
    const auto low = static_cast<std::uint64_t>(t), high = static_cast<std::uint64_t>(t >> 64);
    const auto mn_high = static_cast<std::uint64_t>((static_cast<u128>(low * inv_) * n_) >> 64);
    return high >= mn_high ? high - mn_high : high - mn_high + n_;
  }

  std::uint64_t n_, inv_, one_, minus_one_;
};

}  // namespace volley::contract
