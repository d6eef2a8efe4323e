// The public prime functions: argument checks, then a plan (range_plan), carried out on the
// Pool (range_job, prime_batch). Numbers below kFirstSieved come from a table.
#include "volley/primes.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "host/src/cache_sizes.hpp"
#include "host/src/prime_batch.hpp"
#include "host/src/range_job.hpp"
#include "host/src/range_plan.hpp"
#include "kernels/prime_config.h"
#include "kernels/primes_reference.h"
#include "kernels/small_primes.h"
#include "volley/pool.hpp"
#include "volley/targets.hpp"

namespace volley {
namespace {

constexpr auto& kSmallPrimes = kernels::kPrimesBelow<prime_config::kFirstSieved>;

void check_range(std::uint64_t from, std::uint64_t to, const char* what) {
  if (from > to)
    throw std::invalid_argument(std::string(what) + ": from (" + std::to_string(from) + ") is greater than to (" +
                                std::to_string(to) + ")");
}

detail::RangePlan plan_for(std::uint64_t from, std::uint64_t to, const RunOptions& opts, unsigned threads) {
  return detail::plan_range(
      {from, to, threads, detail::l1_cache_bytes(), detail::l2_cache_bytes(), opts.prime_method});
}

std::uint64_t count_small(std::uint64_t from, std::uint64_t to) {
  return static_cast<std::uint64_t>(
      std::count_if(kSmallPrimes.begin(), kSmallPrimes.end(), [&](std::uint32_t p) { return p >= from && p < to; }));
}

}  // namespace

std::uint64_t count_primes(std::uint64_t from, std::uint64_t to, const RunOptions& opts) {
  check_range(from, to, "count_primes");
  const std::int64_t target = resolve_target(opts.target).bit;
  const Pool pool(opts.threads);
  const detail::RangeJob job(plan_for(from, to, opts, pool.threads()), target);
  const detail::RangePlan& plan = job.plan();
  return count_small(from, to) +
         pool.map_reduce(plan.runs, [&](std::uint64_t r) { return job.count(plan.run_start(r), plan.run_start(r + 1)); },
                         std::plus<>(), std::uint64_t{0}, {.schedule = Schedule::Dynamic});
}

PrimePlan plan_primes(std::uint64_t from, std::uint64_t to, const RunOptions& opts) {
  check_range(from, to, "plan_primes");
  resolve_target(opts.target);
  const detail::RangePlan plan = plan_for(from, to, opts, resolve_threads(opts));
  return {plan.test_each ? PrimeMethod::TestEach : PrimeMethod::Sieve, plan.chunks, plan.runs, plan.sieving_limit,
          plan.sieve_seconds, plan.test_seconds};
}

std::vector<std::uint64_t> primes_in(std::uint64_t from, std::uint64_t to, const RunOptions& opts) {
  check_range(from, to, "primes_in");
  // At most 2y / ln y primes lie in any interval of length y > 1 (Montgomery and Vaughan).
  const double width = static_cast<double>(to - from);
  if (width > 1 && 2 * width / std::log(width) > static_cast<double>(kMaxListedPrimes))
    throw std::invalid_argument("primes_in: [" + std::to_string(from) + ", " + std::to_string(to) +
                                ") may hold more than " + std::to_string(kMaxListedPrimes) +
                                " primes; count them with count_primes or stream them with for_each_prime");
  std::vector<std::uint64_t> out;
  for_each_prime(from, to, [&](std::uint64_t p) { out.push_back(p); }, opts);
  return out;
}

void for_each_prime(std::uint64_t from, std::uint64_t to, const std::function<void(std::uint64_t)>& fn,
                    const RunOptions& opts) {
  check_range(from, to, "for_each_prime");
  const std::int64_t target = resolve_target(opts.target).bit;
  const Pool pool(opts.threads);
  const detail::RangeJob job(plan_for(from, to, opts, pool.threads()), target);
  const std::uint64_t chunks = job.plan().chunks;
  for (const std::uint32_t p : kSmallPrimes)
    if (p >= from && p < to) fn(p);
  // Waves of chunks: sieved in parallel, then handed to fn in order on this thread.
  const std::uint64_t wave = prime_config::kStreamChunksPerThread * pool.threads();
  for (std::uint64_t first = 0; first < chunks; first += wave) {
    const std::uint64_t n = std::min(wave, chunks - first);
    std::vector<std::vector<std::uint64_t>> lists(n);
    pool.for_each(n, [&](std::size_t i) { lists[i] = job.list(first + i); }, {.chunk_size = 1, .schedule = Schedule::Dynamic});
    for (const auto& list : lists)
      for (const std::uint64_t p : list) fn(p);
  }
}

void is_prime(std::span<const std::uint64_t> numbers, std::span<std::uint8_t> flags, const RunOptions& opts) {
  if (numbers.size() != flags.size())
    throw std::invalid_argument("is_prime: " + std::to_string(numbers.size()) + " numbers but " +
                                std::to_string(flags.size()) + " flags");
  const std::int64_t target = resolve_target(opts.target).bit;
  detail::is_prime_batch(numbers, flags, target, Pool(opts.threads));
}

std::vector<std::uint64_t> primes_in_reference(std::uint64_t from, std::uint64_t to) {
  check_range(from, to, "primes_in_reference");
  if (to > (std::uint64_t{1} << 32)) throw std::invalid_argument("primes_in_reference: to must be at most 2^32");
  return kernels::primes_in_reference(from, to);
}

bool is_prime_trial_division(std::uint64_t n) noexcept { return kernels::is_prime_trial_division(n); }

}  // namespace volley
