#include "host/src/prime_batch.hpp"

#include <algorithm>
#include <vector>

#include "host/src/cache_sizes.hpp"
#include "host/src/range_job.hpp"
#include "host/src/range_plan.hpp"
#include "kernels/miller_rabin32.h"
#include "kernels/min_max.h"
#include "kernels/prime_config.h"
#include "kernels/wheel.h"
#include "volley/contract/integer.hpp"
#include "volley/primes.hpp"

namespace volley::detail {
namespace {

void test_each(std::span<const std::uint64_t> numbers, std::span<std::uint8_t> flags, const BatchContext& batch) {
  constexpr std::size_t kBlock = prime_config::kTestedBatchBlock;
  batch.pool.for_each(contract::ceil_div(numbers.size(), kBlock), [&](std::size_t b) {
    const std::size_t first = b * kBlock, len = std::min(kBlock, numbers.size() - first);
    kernels::is_prime_u32(batch.target, numbers.data() + first, len, flags.data() + first);
    for (std::size_t i = first; i < first + len; ++i)
      if (flags[i] == kernels::kUndecided) flags[i] = is_prime(numbers[i]);
  }, {.chunk_size = 1, .schedule = Schedule::Dynamic, .stop = batch.stop, .progress = batch.progress});
}

void sieve_and_look_up(std::span<const std::uint64_t> numbers, std::span<std::uint8_t> flags, const RangeJob& job,
                       const BatchContext& batch) {
  const RangePlan& plan = job.plan();
  std::vector<std::uint8_t> bits(kernels::wheel::bytes_of(plan.lo, plan.hi));
  batch.pool.for_each(plan.runs, [&](std::size_t r) {
    const std::uint64_t first = plan.run_start(r);
    job.write_bytes(first, plan.run_start(r + 1), bits.data() + (plan.chunk_lo(first) / 30 - plan.lo / 30));
  }, {.chunk_size = 1, .schedule = Schedule::Dynamic, .stop = batch.stop, .progress = batch.progress});
  // Look-ups in blocks, through local pointers: a store to a flag could alias anything,
  // so captured references would be reloaded after each one.
  constexpr std::size_t kBlock = prime_config::kLookupBlock;
  batch.pool.for_each(contract::ceil_div(numbers.size(), kBlock), [&](std::size_t b) {
    const std::uint64_t* const in = numbers.data();
    std::uint8_t* const out = flags.data();
    const std::uint8_t* const sieve = bits.data();
    const std::uint64_t base = plan.lo / 30;
    for (std::size_t i = b * kBlock, end = std::min(numbers.size(), i + kBlock); i < end; ++i) {
      const std::uint64_t n = in[i];
      out[i] = n < prime_config::kFirstSieved ? is_prime(n)
                                              : (sieve[n / 30 - base] & kernels::wheel::kMaskOf[n % 30]) != 0;
    }
  }, {.stop = batch.stop, .progress = batch.progress});
}

}  // namespace

void is_prime_batch(std::span<const std::uint64_t> numbers, std::span<std::uint8_t> flags, const BatchContext& batch) {
  if (numbers.empty()) return;
  const auto [min, max] = kernels::min_max(batch.target, numbers.data(), numbers.size());
  const auto plan =
      plan_batch_sieve(min, max, numbers.size(), batch.pool.threads(), l1_cache_bytes(), l2_cache_bytes());
  const bool fits = plan && kernels::wheel::bytes_of(plan->lo, plan->hi) <= prime_config::kMaxBatchSieveBytes;
  if (fits) {
    sieve_and_look_up(numbers, flags, RangeJob(*plan, batch.target, batch.pool, batch.stop), batch);
  } else if (plan && numbers.size() > prime_config::kBatchPiece) {
    for (std::size_t first = 0; first < numbers.size(); first += prime_config::kBatchPiece) {
      const std::size_t n = std::min(prime_config::kBatchPiece, numbers.size() - first);
      is_prime_batch(numbers.subspan(first, n), flags.subspan(first, n), batch);
    }
  } else {
    test_each(numbers, flags, batch);
  }
}

}  // namespace volley::detail
