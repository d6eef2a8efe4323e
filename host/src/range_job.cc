#include "host/src/range_job.hpp"

#include <algorithm>

#include "kernels/wheel.h"
#include "volley/primes.hpp"

namespace volley::detail {

RangeJob::RangeJob(const RangePlan& plan, std::int64_t target, std::stop_token stop)
    : plan_(plan), target_(target), stop_(std::move(stop)) {
  if (plan_.chunks != 0 && !plan_.test_each) primes_ = kernels::sieving_primes(target, plan_.sieving_limit, stop_);
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
