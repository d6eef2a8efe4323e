#pragma once
// Deterministic Miller-Rabin: the one definition of the base sets and of the strong
// probable-prime test, shared by the host, the Highway kernels and CUDA device code.
#include "volley/contract/cxx20.hpp"

#include <cstdint>

#include "volley/contract/host_device.hpp"
#include "volley/contract/montgomery.hpp"

namespace volley::contract {

// The base sets are functions of an index, not arrays: a namespace-scope array is not
// visible to CUDA device code, and vector kernels loop over them in their own code.

/// Below this the bases 2, 7 and 61 decide primality (Jaeschke, 1993).
inline constexpr std::uint64_t kJaeschkeLimit = 4'759'123'141ULL;
inline constexpr int kJaeschkeBases = 3;
VOLLEY_HOST_DEVICE constexpr std::uint32_t jaeschke_base(int i) noexcept {
  constexpr std::uint32_t kBases[kJaeschkeBases] = {2, 7, 61};
  return kBases[i];
}

/// Sinclair's seven bases decide primality for every 64-bit number.
inline constexpr int kSinclairBases = 7;
VOLLEY_HOST_DEVICE constexpr std::uint64_t sinclair_base(int i) noexcept {
  constexpr std::uint64_t kBases[kSinclairBases] = {2, 325, 9375, 28178, 450775, 9780504, 1795265022};
  return kBases[i];
}

/// Whether odd n > 2 is a strong probable prime to `base`.
VOLLEY_HOST_DEVICE constexpr bool strong_probable_prime(const Montgomery64& m, std::uint64_t n,
                                                        std::uint64_t base) noexcept {
  base %= n;
  if (base == 0) return true;
  std::uint64_t d = n - 1;
  int s = 0;
  for (; (d & 1) == 0; d >>= 1) ++s;
  std::uint64_t x = m.power(m.to_form(base), d);
  if (x == m.one() || x == m.minus_one()) return true;
  for (int r = 1; r < s; ++r) {
    x = m.multiply(x, x);
    if (x == m.minus_one()) return true;
  }
  return false;
}

/// Whether odd n > 61 is prime: exact for every 64-bit n.
VOLLEY_HOST_DEVICE constexpr bool miller_rabin(std::uint64_t n) noexcept {
  const Montgomery64 m(n);
  const bool small = n < kJaeschkeLimit;
  for (int i = 0; i < (small ? kJaeschkeBases : kSinclairBases); ++i)
    if (!strong_probable_prime(m, n, small ? jaeschke_base(i) : sinclair_base(i))) return false;
  return true;
}

}  // namespace volley::contract
