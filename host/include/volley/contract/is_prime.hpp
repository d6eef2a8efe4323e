#pragma once
// Primality of one 64-bit number: the one definition that volley::is_prime and CUDA device
// code share. Trial division by the primes below 53, then deterministic Miller-Rabin.
#include "volley/contract/cxx20.hpp"

#include <cstdint>

#include "volley/contract/host_device.hpp"
#include "volley/contract/miller_rabin.hpp"
#include "volley/contract/montgomery.hpp"

namespace volley::contract {

/// Whether odd P divides n, without a division (slow on a GPU): exactly when
/// n * P^-1 mod 2^64 is at most (2^64 - 1) / P. Both constants are made at compile time.
template <std::uint64_t P>
VOLLEY_HOST_DEVICE constexpr bool divides(std::uint64_t n) noexcept {
  constexpr std::uint64_t kInverse = newton_inverse<64>(P), kLimit = ~std::uint64_t{0} / P;
  return n * kInverse <= kLimit;
}

/// The first of the odd primes P... that divides n, or 0.
template <std::uint64_t... P>
VOLLEY_HOST_DEVICE constexpr std::uint64_t first_divisor(std::uint64_t n) noexcept {
  std::uint64_t found = 0;
  (void)((divides<P>(n) ? (found = P, true) : false) || ...);  // stops at the first that divides
  return found;
}

/// The least odd prime below 53 that divides n, or 0: the trial division.
VOLLEY_HOST_DEVICE constexpr std::uint64_t small_odd_factor(std::uint64_t n) noexcept {
  return first_divisor<3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47>(n);
}

/// Whether n is prime: exact for every 64-bit n.
VOLLEY_HOST_DEVICE constexpr bool is_prime(std::uint64_t n) noexcept {
  if (n % 2 == 0) return n == 2;
  if (const std::uint64_t p = small_odd_factor(n)) return n == p;
  if (n < 53 * 53) return n > 1;  // odd, no prime factor below 53, so none at all
  return miller_rabin(n);
}

}  // namespace volley::contract
