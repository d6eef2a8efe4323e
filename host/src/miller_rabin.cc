// is_prime for one number: trial division by the primes below 53, then the deterministic
// Miller-Rabin test of volley/contract/miller_rabin.hpp.
#include "kernels/small_primes.h"
#include "volley/contract/miller_rabin.hpp"
#include "volley/primes.hpp"

namespace volley {

bool is_prime(std::uint64_t n) noexcept {
  constexpr std::uint64_t kLargestDivisor = 47;
  for (const std::uint32_t p : kernels::kPrimesBelow<kLargestDivisor + 1>) {
    if (n == p) return true;
    if (n % p == 0) return false;
  }
  if (n < 53 * 53) return n > 1;  // no prime factor below 53, so none at all
  return contract::miller_rabin(n);
}

}  // namespace volley
