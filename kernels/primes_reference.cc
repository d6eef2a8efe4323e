#include "kernels/primes_reference.h"

#include "kernels/small_primes.h"

namespace volley::kernels {

bool is_prime_trial_division(std::uint64_t n) noexcept {
  if (n < 2) return false;
  if (n % 2 == 0) return n == 2;
  for (std::uint64_t d = 3; d <= n / d; d += 2)
    if (n % d == 0) return false;
  return true;
}

std::vector<std::uint64_t> primes_in_reference(std::uint64_t from, std::uint64_t to) {
  return plain_sieve<std::uint64_t>(from, to);
}

}  // namespace volley::kernels
