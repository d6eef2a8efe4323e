// The public prime functions: argument checks, then a plan (range_plan), carried out on the
// Pool (range_job, prime_batch). Numbers below kFirstSieved come from a table.
#include "volley/primes.hpp"

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <string>

#include "host/src/cache_sizes.hpp"
#include "host/src/partial_sums.hpp"
#include "host/src/prime_batch.hpp"
#include "host/src/range_job.hpp"
#include "host/src/range_plan.hpp"
#include "kernels/gpu.h"
#include "kernels/gpu_sieve_work.h"
#include "kernels/prime_config.h"
#include "kernels/primes_reference.h"
#include "kernels/sieve_bits.h"
#include "kernels/small_primes.h"
#include "kernels/wheel.h"
#include "volley/gpu.hpp"
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

detail::RangeQuery query_for(std::uint64_t from, std::uint64_t to, const RunOptions& opts, unsigned threads) {
  return {from, to, threads, detail::l1_cache_bytes(), detail::l2_cache_bytes(), opts.prime_method};
}

detail::RangePlan plan_for(std::uint64_t from, std::uint64_t to, const RunOptions& opts, unsigned threads) {
  return detail::plan_range(query_for(from, to, opts, threads));
}

std::uint64_t count_runs(const detail::RangeJob& job, std::uint64_t first, std::uint64_t last) {
  return job.count(job.plan().run_start(first), job.plan().run_start(last));
}

// On a GPU: the part of [from, to) from kFirstSieved up, which the GPU sieves or tests.
struct GpuRange {
  int device;
  std::uint64_t lo, hi;
  kernels::gpu::GpuMethod method;
  bool empty() const { return lo >= hi; }
};
GpuRange gpu_range(std::uint64_t from, std::uint64_t to, const RunOptions& opts) {
  using kernels::gpu::GpuMethod;
  return {resolve_gpu(opts.target), std::max(from, prime_config::kFirstSieved), to,
          opts.prime_method == PrimeMethod::Sieve  ? GpuMethod::Sieve
          : opts.prime_method == PrimeMethod::TestEach ? GpuMethod::Test
                                                       : GpuMethod::Auto};
}

// The primes of [from, to) on a GPU to sink, in pieces, ascending: the table's, then the GPU's.
void gpu_primes(std::uint64_t from, std::uint64_t to, const RunOptions& opts, const kernels::gpu::PrimeSink& sink) {
  const GpuRange r = gpu_range(from, to, opts);
  const auto small_begin = std::lower_bound(kSmallPrimes.begin(), kSmallPrimes.end(), from);
  const auto small_end = std::lower_bound(small_begin, kSmallPrimes.end(), to);
  const std::vector<std::uint64_t> small(small_begin, small_end);
  if (!small.empty()) sink(small.data(), small.size());
  if (!r.empty()) kernels::gpu::for_each_prime(r.device, r.lo, r.hi, r.method, sink, opts.stop);
  throw_if_stopped(opts.stop);
}

}  // namespace

std::uint64_t count_primes(std::uint64_t from, std::uint64_t to, const RunOptions& opts) {
  check_range(from, to, "count_primes");
  if (is_gpu_target(opts.target)) {
    const GpuRange r = gpu_range(from, to, opts);
    const std::uint64_t sieved = r.empty() ? 0 : kernels::gpu::count_primes(r.device, r.lo, r.hi, r.method, opts.stop);
    throw_if_stopped(opts.stop);
    return detail::count_table_primes(from, to) + sieved;
  }
  const std::int64_t target = resolve_target(opts.target).bit;
  const Pool pool(opts.threads);
  const detail::RangeJob job(plan_for(from, to, opts, pool.threads()), target, opts.stop);
  const detail::RangePlan& plan = job.plan();
  return detail::count_table_primes(from, to) +
         pool.map_reduce(plan.runs, [&](std::uint64_t r) { return count_runs(job, r, r + 1); }, std::plus<>(),
                         std::uint64_t{0}, {.schedule = Schedule::Dynamic, .stop = opts.stop, .progress = opts.progress});
}

detail::RangeQuery detail::prime_count_query(std::uint64_t from, std::uint64_t to, unsigned workers,
                                             const RunOptions& opts) {
  check_range(from, to, "count_primes");
  resolve_target(opts.target);
  return query_for(from, to, opts, workers);
}

std::uint64_t detail::count_dealt_runs(const RangeQuery& query, const RunOptions& opts, const RunDealer& take) {
  const Pool pool(opts.threads);
  const RangeJob job(plan_range(query), resolve_target(opts.target).bit, opts.stop);
  const std::uint64_t runs = job.plan().runs;
  std::uint64_t count = 0;
  for (std::uint64_t first = take(pool.threads()); first < runs; first = take(pool.threads())) {
    const std::uint64_t last = std::min(runs, first + pool.threads());
    count += pool.map_reduce(last - first, [&](std::uint64_t i) { return count_runs(job, first + i, first + i + 1); },
                             std::plus<>(), std::uint64_t{0}, {.schedule = Schedule::Dynamic, .stop = opts.stop});
  }
  return count;
}

std::uint64_t detail::count_table_primes(std::uint64_t from, std::uint64_t to) {
  return static_cast<std::uint64_t>(
      std::count_if(kSmallPrimes.begin(), kSmallPrimes.end(), [&](std::uint32_t p) { return p >= from && p < to; }));
}

PrimePlan plan_primes(std::uint64_t from, std::uint64_t to, const RunOptions& opts) {
  check_range(from, to, "plan_primes");
  if (is_gpu_target(opts.target)) {
    const GpuRange r = gpu_range(from, to, opts);
    if (r.empty()) return {PrimeMethod::Sieve, 0, 0, 0, 0, 0};
    const kernels::gpu::GpuSievePlan plan = kernels::gpu::plan_primes(r.device, r.lo, r.hi, false, r.method);
    return {plan.test_each ? PrimeMethod::TestEach : PrimeMethod::Sieve,
            kernels::gpu::segments_of(kernels::wheel::bytes_of(r.lo, r.hi)), plan.waves, plan.sieving_limit,
            plan.sieve_seconds, plan.test_seconds};
  }
  resolve_target(opts.target);
  const detail::RangePlan plan = plan_for(from, to, opts, resolve_threads(opts));
  return {plan.test_each ? PrimeMethod::TestEach : PrimeMethod::Sieve, plan.chunks, plan.runs, plan.sieving_limit,
          plan.sieve_seconds, plan.test_seconds};
}

std::vector<std::uint64_t> primes_in(std::uint64_t from, std::uint64_t to, const RunOptions& opts) {
  check_range(from, to, "primes_in");
  std::vector<std::uint64_t> out;
  const auto too_many = [&](std::uint64_t more) {
    if (out.size() + more > kMaxListedPrimes)
      throw std::invalid_argument("primes_in: [" + std::to_string(from) + ", " + std::to_string(to) +
                                  ") holds more than " + std::to_string(kMaxListedPrimes) +
                                  " primes; count them with count_primes or stream them with for_each_prime");
  };
  if (is_gpu_target(opts.target)) {
    gpu_primes(from, to, opts, [&](const std::uint64_t* primes, std::size_t n) {
      too_many(n);
      out.insert(out.end(), primes, primes + n);
    });
    return out;
  }
  for_each_prime(from, to, [&](std::uint64_t p) {
    too_many(1);
    out.push_back(p);
  }, opts);
  return out;
}

void for_each_prime(std::uint64_t from, std::uint64_t to, const std::function<void(std::uint64_t)>& fn,
                    const RunOptions& opts) {
  check_range(from, to, "for_each_prime");
  if (is_gpu_target(opts.target)) {
    gpu_primes(from, to, opts, [&](const std::uint64_t* primes, std::size_t n) {
      for (std::size_t k = 0; k < n; ++k) fn(primes[k]);
    });
    return;
  }
  const std::int64_t target = resolve_target(opts.target).bit;
  const Pool pool(opts.threads);
  const detail::RangeJob job(plan_for(from, to, opts, pool.threads()), target, opts.stop);
  const detail::RangePlan& plan = job.plan();
  for (const std::uint32_t p : kSmallPrimes)
    if (p >= from && p < to) fn(p);
  if (plan.chunks == 0) return;
  // Waves of chunks are sieved (or tested) in parallel into wheel bytes, one bit per number
  // coprime to 30, then read out on this thread in pieces, in order: whatever the range, the
  // memory held is one wave's bytes.
  const std::uint64_t wave = std::min(prime_config::kStreamChunksPerThread * pool.threads(), plan.chunks);
  // Uninitialised: every byte is written before it is read. Short ranges get what they use.
  const auto bytes = std::make_unique_for_overwrite<std::uint8_t[]>(
      std::min(wave * plan.chunk_bytes, kernels::wheel::bytes_of(plan.lo, plan.hi)));
  const auto numbers = std::make_unique_for_overwrite<std::uint64_t[]>(8 * prime_config::kStreamPieceBytes +
                                                                       kernels::kExtractSlack);
  for (std::uint64_t first = 0; first < plan.chunks; first += wave) {
    const std::uint64_t n = std::min(wave, plan.chunks - first), base = plan.chunk_lo(first) / 30;
    pool.for_each(n, [&](std::size_t i) {
      job.write_bytes(first + i, first + i + 1, bytes.get() + (plan.chunk_lo(first + i) / 30 - base));
    }, {.chunk_size = 1, .schedule = Schedule::Dynamic, .stop = opts.stop});
    const std::uint64_t total = job.bytes_of(first, first + n);
    for (std::uint64_t at = 0; at < total; at += prime_config::kStreamPieceBytes) {
      throw_if_stopped(opts.stop);
      const std::uint64_t len = std::min(prime_config::kStreamPieceBytes, total - at);
      const std::uint64_t found = kernels::extract_numbers(target, bytes.get() + at, len, base + at, numbers.get());
      for (std::uint64_t k = 0; k < found; ++k) fn(numbers[k]);
    }
  }
}

void is_prime(std::span<const std::uint64_t> numbers, std::span<std::uint8_t> flags, const RunOptions& opts) {
  if (numbers.size() != flags.size())
    throw std::invalid_argument("is_prime: " + std::to_string(numbers.size()) + " numbers but " +
                                std::to_string(flags.size()) + " flags");
  if (is_gpu_target(opts.target)) {
    kernels::gpu::is_prime(resolve_gpu(opts.target), numbers.data(), numbers.size(), flags.data(), opts.stop);
    throw_if_stopped(opts.stop);
    return;
  }
  const std::int64_t target = resolve_target(opts.target).bit;
  const Pool pool(opts.threads);
  detail::is_prime_batch(numbers, flags, {target, pool, opts.stop, opts.progress});
}

std::vector<std::uint64_t> primes_in_reference(std::uint64_t from, std::uint64_t to) {
  check_range(from, to, "primes_in_reference");
  if (to > (std::uint64_t{1} << 32)) throw std::invalid_argument("primes_in_reference: to must be at most 2^32");
  return kernels::primes_in_reference(from, to);
}

bool is_prime_trial_division(std::uint64_t n) noexcept { return kernels::is_prime_trial_division(n); }

}  // namespace volley
