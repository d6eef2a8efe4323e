#pragma once
// Primality of one 64-bit number: the one definition that volley::is_prime and CUDA device
// code share. Trial division by the primes below 53, then deterministic Miller-Rabin.
#include <cstdint>

#include "volley/contract/host_device.hpp"
#include "volley/contract/miller_rabin.hpp"
#include "volley/contract/montgomery.hpp"

namespace volley::contract {

/// The odd primes below 53: the trial divisors.
inline constexpr int kTrialDivisors = 14;
VOLLEY_HOST_DEVICE constexpr std::uint64_t trial_divisor(int i) noexcept {
  constexpr std::uint64_t kPrimes[kTrialDivisors] = {3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47};
  return kPrimes[i];
}

/// Whether odd p divides n, without a division: n * p^-1 mod 2^64 is at most
/// (2^64 - 1) / p exactly for the multiples of p (a division is slow on a GPU).
VOLLEY_HOST_DEVICE constexpr bool divisible(std::uint64_t n, std::uint64_t p) noexcept {
  return n * newton_inverse<64>(p) <= ~std::uint64_t{0} / p;
}

/// Whether n is prime: exact for every 64-bit n.
VOLLEY_HOST_DEVICE constexpr bool is_prime(std::uint64_t n) noexcept {
  if (n % 2 == 0) return n == 2;
  for (int i = 0; i < kTrialDivisors; ++i)
    if (divisible(n, trial_divisor(i))) return n == trial_divisor(i);
  if (n < 53 * 53) return n > 1;  // odd, no prime factor below 53, so none at all
  return miller_rabin(n);
}

}  // namespace volley::contract
