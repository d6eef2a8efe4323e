#pragma once
// Batch Miller-Rabin for numbers below 2^32, many numbers per vector.
#include <cstddef>
#include <cstdint>

namespace volley::kernels {

/// flags[i] for numbers[i]: 1 if it is a prime, 0 if not, for odd numbers in
/// [kFirstVectorTested, 2^32); kUndecided for all others (and on targets without vectors),
/// which the caller tests one by one.
void is_prime_u32(std::int64_t target, const std::uint64_t* numbers, std::size_t count, std::uint8_t* flags);
inline constexpr std::uint64_t kFirstVectorTested = 63;  // above the largest base, 61
inline constexpr std::uint8_t kUndecided = 2;

}  // namespace volley::kernels
