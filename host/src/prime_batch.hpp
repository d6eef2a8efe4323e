#pragma once
// The batch is_prime behind volley::is_prime(numbers, flags).
#include <cstdint>
#include <span>
#include <stop_token>

#include "volley/pool.hpp"

namespace volley::detail {

struct BatchContext {
  std::int64_t target;
  const Pool& pool;
  std::stop_token stop;  ///< Cancelled is thrown once a stop is requested
  Progress* progress;    ///< counts the work done, when set
};

/// flags[i] = is_prime(numbers[i]) (equal sizes): a dense batch's span is sieved once and each
/// number looked up, when the cost model says so (a dense batch over more than
/// kMaxBatchSieveBytes of sieve in pieces); otherwise the numbers are tested in blocks, those
/// below 2^32 many per vector on AVX-512 targets, the rest one by one.
void is_prime_batch(std::span<const std::uint64_t> numbers, std::span<std::uint8_t> flags, const BatchContext& batch);

}  // namespace volley::detail
