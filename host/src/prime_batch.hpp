#pragma once
// The batch is_prime behind volley::is_prime(numbers, flags).
#include <cstdint>
#include <span>

#include "volley/pool.hpp"

namespace volley::detail {

/// flags[i] = is_prime(numbers[i]) (equal sizes): a dense batch's span is sieved once and each
/// number looked up, when the cost model says so; otherwise the numbers are tested in blocks,
/// those below 2^32 many per vector on AVX-512 targets, the rest one by one.
void is_prime_batch(std::span<const std::uint64_t> numbers, std::span<std::uint8_t> flags, std::int64_t target,
                    const Pool& pool);

}  // namespace volley::detail
