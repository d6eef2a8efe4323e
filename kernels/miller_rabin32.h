#pragma once
// Batch Miller-Rabin for numbers below 2^32, many numbers per vector.
#include <cstddef>
#include <cstdint>

namespace volley::kernels {

/// flags[i] for numbers[i] on AVX-512 targets: 1 if it is a prime, 0 if not, for odd numbers
/// in [kFirstVectorTested, 2^32); kUndecided for all other numbers, and for every number on
/// the targets below AVX-512 (where this is slower than the scalar test), which the caller
/// then tests one by one.
void is_prime_u32(std::int64_t target, const std::uint64_t* numbers, std::size_t count, std::uint8_t* flags);
/// Above the largest base (61) and the largest trial divisor (61), so neither is ever a lane's number.
inline constexpr std::uint64_t kFirstVectorTested = 63;
inline constexpr std::uint8_t kUndecided = 2;

}  // namespace volley::kernels
