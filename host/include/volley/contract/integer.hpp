#pragma once
// Integer helpers shared by every layer: exact, overflow-free up to 2^64 - 1.
#include "volley/contract/cxx20.hpp"

#include <cstdint>

#include "volley/contract/host_device.hpp"

namespace volley::contract {

__extension__ typedef unsigned __int128 u128;  // GCC, Clang and nvcc all have it

/// ceil(a / b) for b > 0, without the overflow of (a + b - 1) / b near 2^64.
VOLLEY_HOST_DEVICE constexpr std::uint64_t ceil_div(std::uint64_t a, std::uint64_t b) noexcept {
  return a / b + (a % b != 0);
}

/// floor(sqrt(n)), exactly: Newton's iteration on integers, from 2^32 (above every root).
VOLLEY_HOST_DEVICE constexpr std::uint64_t isqrt(std::uint64_t n) noexcept {
  if (n < 2) return n;
  std::uint64_t x = std::uint64_t{1} << 32;
  for (std::uint64_t y = (x + n / x) / 2; y < x; y = (x + n / x) / 2) x = y;
  return x;
}

}  // namespace volley::contract
