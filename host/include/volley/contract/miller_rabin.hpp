#pragma once
// Deterministic Miller-Rabin: the one definition of the base sets and of the strong
// probable-prime test, shared by the host, the Highway kernels and CUDA device code.
#include <cstdint>

#include "volley/contract/host_device.hpp"
#include "volley/contract/montgomery.hpp"

namespace volley::contract {

/// Below this the bases 2, 7 and 61 decide primality (Jaeschke, 1993).
inline constexpr std::uint64_t kJaeschkeLimit = 4'759'123'141ULL;

/// Calls test(base) for 2, 7 and 61 while it returns true; whether all passed.
template <typename Test>
VOLLEY_HOST_DEVICE constexpr bool all_jaeschke_bases(Test&& test) {
  constexpr std::uint32_t kBases[] = {2, 7, 61};
  for (const std::uint32_t base : kBases)
    if (!test(base)) return false;
  return true;
}

/// Calls test(base) for Sinclair's seven bases, which decide primality for every 64-bit
/// number, while it returns true; whether all passed.
template <typename Test>
VOLLEY_HOST_DEVICE constexpr bool all_sinclair_bases(Test&& test) {
  constexpr std::uint64_t kBases[] = {2, 325, 9375, 28178, 450775, 9780504, 1795265022};
  for (const std::uint64_t base : kBases)
    if (!test(base)) return false;
  return true;
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
  const auto passes = [&](std::uint64_t base) { return strong_probable_prime(m, n, base); };
  return n < kJaeschkeLimit ? all_jaeschke_bases(passes) : all_sinclair_bases(passes);
}

}  // namespace volley::contract
