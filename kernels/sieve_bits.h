#pragma once
// Vector helpers of the prime sieve, per Highway target.
#include <cstdint>

namespace volley::kernels {

/// dst[i] &= src[i] for i < n.
void and_bytes(std::int64_t target, std::uint8_t* dst, const std::uint8_t* src, std::uint64_t n);

/// Number of set bits in bytes [0, n) of `bytes`.
std::uint64_t count_bits(std::int64_t target, const std::uint8_t* bytes, std::uint64_t n);

}  // namespace volley::kernels
