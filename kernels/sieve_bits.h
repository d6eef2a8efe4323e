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

/// Writes the numbers that the set bits of bytes [0, n) of a wheel sieve stand for (bit j
/// of byte k: 30 * (first + k) + kResidues[j]) to out, ascending, and returns how many.
/// out needs room for that many plus kExtractSlack (four numbers are written per pass).
std::uint64_t extract_numbers(std::int64_t target, const std::uint8_t* bytes, std::uint64_t n, std::uint64_t first,
                              std::uint32_t* out);
std::uint64_t extract_numbers(std::int64_t target, const std::uint8_t* bytes, std::uint64_t n, std::uint64_t first,
                              std::uint64_t* out);
inline constexpr std::size_t kExtractSlack = 3;

}  // namespace volley::kernels
