#pragma once
// Vector helpers of the prime sieve, per Highway target.
#include <cstddef>
#include <cstdint>

namespace volley::kernels {

/// dst[i] = srcs[0][i] & srcs[1][i] & ... & srcs[count - 1][i] for i < n (count >= 1).
void and_streams(std::int64_t target, std::uint8_t* dst, const std::uint8_t* const* srcs, std::size_t count,
                 std::uint64_t n);

/// Number of set bits in bytes [0, n) of `bytes`.
std::uint64_t count_bits(std::int64_t target, const std::uint8_t* bytes, std::uint64_t n);

}  // namespace volley::kernels
