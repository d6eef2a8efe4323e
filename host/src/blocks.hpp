#pragma once
#include <cstdint>

namespace volley::detail {

/// Number of blocks of `block` items that cover n items (the last may be partial).
constexpr std::uint64_t block_count(std::uint64_t n, std::uint64_t block) {
  return n / block + (n % block != 0);
}

}  // namespace volley::detail
