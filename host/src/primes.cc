// The public prime functions: argument checks, then a plan (range_plan), carried out on the
// Pool (range_job, prime_batch). Numbers below kFirstSieved come from a table.
#include "volley/primes.hpp"

#include <algorithm>
#include <functional>
#include <numeric>
#include <memory>
#include <stdexcept>
#include <span>
#include <string>

#include "host/src/cache_sizes.hpp"
#include "host/src/prefault.hpp"
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

// The primes of [from, to) below kFirstSieved, from the table.
std::span<const std::uint32_t> table_primes(std::uint64_t from, std::uint64_t to) {
  const auto begin = std::lower_bound(kSmallPrimes.begin(), kSmallPrimes.end(), from);
  return {begin, std::lower_bound(begin, kSmallPrimes.end(), to)};
}

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
  const auto table = table_primes(from, to);
  const std::vector<std::uint64_t> small(table.begin(), table.end());
  if (!small.empty()) sink(small.data(), small.size());
  if (!r.empty()) kernels::gpu::for_each_prime(r.device, r.lo, r.hi, r.method, sink, opts.stop);
  throw_if_stopped(opts.stop);
}

// The primes of [from, to) from kFirstSieved up, as waves of chunks sieved (or tested) in
// parallel into wheel bytes, one bit per number coprime to 30: whatever the range, the memory
// held is one wave's bytes (kStreamChunksPerThread chunks per thread).
class WheelWaves {
 public:
  WheelWaves(std::uint64_t from, std::uint64_t to, const RunOptions& opts)
      : target_(resolve_target(opts.target).bit), pool_(opts.threads),
        job_(plan_for(from, to, opts, pool_.threads()), target_, pool_, opts.stop), stop_(opts.stop) {}

  const Pool& pool() const { return pool_; }
  const detail::RangeJob& job() const { return job_; }
  std::int64_t target() const { return target_; }
  /// Where chunk c's bytes start in the bytes of a wave whose first byte is wheel byte base,
  /// and how many there are.
  std::uint64_t offset(std::uint64_t c, std::uint64_t base) const { return job_.plan().chunk_lo(c) / 30 - base; }
  std::uint64_t size(std::uint64_t c) const { return job_.bytes_of(c, c + 1); }

  /// Sieves each wave, then calls read(first chunk, chunks, bytes, wheel byte of bytes[0]).
  template <typename Read>
  void read(Read read) const {
    const detail::RangePlan& plan = job_.plan();
    if (plan.chunks == 0) return;
    const std::uint64_t wave = std::min(prime_config::kStreamChunksPerThread * pool_.threads(), plan.chunks);
    // Uninitialised: every byte is written before it is read. Short ranges get what they use.
    const auto bytes = std::make_unique_for_overwrite<std::uint8_t[]>(
        std::min(wave * plan.chunk_bytes, kernels::wheel::bytes_of(plan.lo, plan.hi)));
    for (std::uint64_t first = 0; first < plan.chunks; first += wave) {
      const std::uint64_t n = std::min(wave, plan.chunks - first), base = plan.chunk_lo(first) / 30;
      pool_.for_each(n, [&](std::size_t i) {
        job_.write_bytes(first + i, first + i + 1, bytes.get() + offset(first + i, base));
      }, {.chunk_size = 1, .schedule = Schedule::Dynamic, .stop = stop_});
      read(first, n, bytes.get(), base);
    }
  }

  /// Calls sink(numbers, count) for the numbers of `size` wheel bytes from wheel byte
  /// `first`, ascending, a piece at a time (extract_numbers writes past its last number, so
  /// they go through a buffer).
  template <typename Sink>
  void extract(const std::uint8_t* bytes, std::uint64_t size, std::uint64_t first, Sink sink) const {
    std::uint64_t buffer[8 * prime_config::kStreamPieceBytes + kernels::kExtractSlack];
    for (std::uint64_t at = 0; at < size; at += prime_config::kStreamPieceBytes) {
      throw_if_stopped(stop_);
      const std::uint64_t len = std::min(prime_config::kStreamPieceBytes, size - at);
      sink(buffer, kernels::extract_numbers(target_, bytes + at, len, first + at, buffer));
    }
  }

 private:
  std::int64_t target_;
  Pool pool_;
  detail::RangeJob job_;
  std::stop_token stop_;
};

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
  const detail::RangeJob job(plan_for(from, to, opts, pool.threads()), target, pool, opts.stop);
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
  const RangeJob job(plan_range(query), resolve_target(opts.target).bit, pool, opts.stop);
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
  return table_primes(from, to).size();
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
  const auto make_room = [&](std::uint64_t more) {
    if (out.size() + more > kMaxListedPrimes)
      throw std::invalid_argument("primes_in: [" + std::to_string(from) + ", " + std::to_string(to) +
                                  ") holds more than " + std::to_string(kMaxListedPrimes) +
                                  " primes; count them with count_primes or stream them with for_each_prime");
    return out.size();
  };
  if (is_gpu_target(opts.target)) {
    gpu_primes(from, to, opts, [&](const std::uint64_t* primes, std::size_t n) {
      make_room(n);
      out.insert(out.end(), primes, primes + n);
    });
    return out;
  }
  // Room for all of them at once: address space only (pages are touched as primes are
  // written), and the vector never moves.
  out.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(kMaxListedPrimes, detail::max_primes_in(to - from))));
  const WheelWaves waves(from, to, opts);
  const auto table = table_primes(from, to);
  out.assign(table.begin(), table.end());
  waves.read([&](std::uint64_t first, std::uint64_t n, const std::uint8_t* bytes, std::uint64_t base) {
    // The wave's primes, counted per chunk, then written by the chunks' threads in parallel
    // straight to their places in out.
    std::vector<std::uint64_t> at(n + 1);
    waves.pool().for_each(n, [&](std::size_t i) {
      at[i + 1] = kernels::count_bits(waves.target(), bytes + waves.offset(first + i, base), waves.size(first + i));
    }, {.stop = opts.stop});
    std::partial_sum(at.begin(), at.end(), at.begin());
    const std::uint64_t start = make_room(at[n]);
    // The threads share the page faults of the wave's part of a long list (4 MiB or more).
    if (at[n] >= prime_config::kPrefaultPrimes && start + at[n] <= out.capacity()) {
      const std::uint64_t threads = waves.pool().threads();
      waves.pool().for_each(threads, [&](std::size_t t) {
        const std::uint64_t from_prime = start + at[n] * t / threads, to_prime = start + at[n] * (t + 1) / threads;
        detail::prefault(out.data() + from_prime, (to_prime - from_prime) * sizeof(std::uint64_t));
      }, {.chunk_size = 1});
    }
    out.resize(start + at[n]);
    waves.pool().for_each(n, [&](std::size_t i) {
      const std::uint64_t c = first + i, offset = waves.offset(c, base);
      std::uint64_t* dest = out.data() + start + at[i];
      waves.extract(bytes + offset, waves.size(c), base + offset,
                    [&](const std::uint64_t* primes, std::uint64_t found) { dest = std::copy_n(primes, found, dest); });
    }, {.stop = opts.stop});
  });
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
  const WheelWaves waves(from, to, opts);
  for (const std::uint32_t p : table_primes(from, to)) fn(p);
  // Each wave is read out on this thread, in order.
  waves.read([&](std::uint64_t first, std::uint64_t n, const std::uint8_t* bytes, std::uint64_t base) {
    waves.extract(bytes, waves.job().bytes_of(first, first + n), base,
                  [&](const std::uint64_t* primes, std::uint64_t found) { std::for_each_n(primes, found, std::ref(fn)); });
  });
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
