#include "host/src/range_job.hpp"

#include <algorithm>
#include <vector>

#include "kernels/presieve.h"
#include "kernels/prime_config.h"
#include "kernels/sieve_bits.h"
#include "kernels/wheel.h"
#include "volley/primes.hpp"

namespace volley::detail {
namespace {

// The sieving primes up to limit. Far from 0 they take a second or more of one thread: the
// pool's threads sieve them in pieces, then copy the pieces into one table.
kernels::SievingPrimes sieving_primes(const Pool& pool, std::int64_t target, std::uint64_t limit,
                                      const std::stop_token& stop) {
  if (pool.threads() == 1 || limit < prime_config::kParallelSievingPrimesFrom)
    return kernels::sieving_primes(target, limit, stop);
  const kernels::SievingPrimes root = kernels::root_primes(limit);
  const std::uint64_t pieces = pool.threads() * prime_config::kSievingPrimePiecesPerThread,
                      first = kernels::PreSieve::kLargestPrime + 1;
  const auto bound = [&](std::uint64_t k) { return first + (limit + 1 - first) * k / pieces; };  // limit < 2^32
  std::vector<kernels::SievingPrimes> parts;
  for (std::uint64_t k = 0; k < pieces; ++k)  // each counts from an odd number below its range
    parts.emplace_back(static_cast<std::uint32_t>((bound(k) - 2) | 1));
  pool.for_each(pieces, [&](std::size_t k) {
    parts[k].reserve(max_primes_in(bound(k + 1) - bound(k)));  // address space only
    kernels::append_sieving_primes(target, root, bound(k), bound(k + 1), parts[k], stop);
  }, {.chunk_size = 1, .schedule = Schedule::Dynamic, .stop = stop});
  return kernels::SievingPrimes::join(parts, [&](std::size_t n, const auto& copy) {
    pool.for_each(n, copy, {.chunk_size = 1, .stop = stop});
  });
}

}  // namespace

RangeJob::RangeJob(const RangePlan& plan, std::int64_t target, const Pool& pool, std::stop_token stop)
    : plan_(plan), target_(target), stop_(std::move(stop)) {
  if (plan_.chunks != 0 && !plan_.test_each) primes_ = sieving_primes(pool, target, plan_.sieving_limit, stop_);
  throw_if_stopped(stop_);
}

kernels::SegmentedSieve RangeJob::sieve(std::uint64_t first, std::uint64_t end) const {
  return kernels::SegmentedSieve(target_, primes_, plan_.chunk_lo(first), plan_.chunk_hi(end - 1), plan_.segment_bytes,
                                 plan_.block_bytes, stop_);
}

std::uint64_t RangeJob::count(std::uint64_t first, std::uint64_t end) const {
  if (!plan_.test_each) {
    const std::uint64_t n = sieve(first, end).count();
    throw_if_stopped(stop_);  // the sieve ends early, its count incomplete
    return n;
  }
  std::uint64_t n = 0;
  for (std::uint64_t c = first; c < end; ++c) for_each_candidate(c, [&](std::uint64_t x) { n += is_prime(x); });
  return n;
}

std::uint64_t RangeJob::bytes_of(std::uint64_t first, std::uint64_t end) const {
  return kernels::wheel::bytes_of(plan_.chunk_lo(first), plan_.chunk_hi(end - 1));
}

void RangeJob::write_bytes(std::uint64_t first, std::uint64_t end, std::uint8_t* out) const {
  if (plan_.test_each) {
    std::fill_n(out, bytes_of(first, end), 0);
    const std::uint64_t base = plan_.chunk_lo(first) / 30;
    for (std::uint64_t c = first; c < end; ++c)
      for_each_candidate(c, [&](std::uint64_t x) {
        if (is_prime(x)) out[x / 30 - base] |= kernels::wheel::kMaskOf[x % 30];
      });
  } else {
    sieve(first, end).write_bytes(out);
  }
  throw_if_stopped(stop_);
}

}  // namespace volley::detail
