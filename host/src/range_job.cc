#include "host/src/range_job.hpp"

#include "volley/primes.hpp"

namespace volley::detail {

RangeJob::RangeJob(const RangePlan& plan, std::int64_t target) : plan_(plan), target_(target) {
  if (plan_.chunks != 0 && !plan_.test_each) primes_ = kernels::sieving_primes(target, plan_.sieving_limit);
}

kernels::SegmentedSieve RangeJob::sieve(std::uint64_t first, std::uint64_t end) const {
  return kernels::SegmentedSieve(target_, primes_, plan_.chunk_lo(first), plan_.chunk_hi(end - 1), plan_.segment_bytes,
                                 plan_.block_bytes);
}

std::uint64_t RangeJob::count(std::uint64_t first, std::uint64_t end) const {
  if (!plan_.test_each) return sieve(first, end).count();
  std::uint64_t n = 0;
  for (std::uint64_t c = first; c < end; ++c) for_each_candidate(c, [&](std::uint64_t x) { n += is_prime(x); });
  return n;
}

std::vector<std::uint64_t> RangeJob::list(std::uint64_t c) const {
  std::vector<std::uint64_t> out;
  if (plan_.test_each)
    for_each_candidate(c, [&](std::uint64_t x) {
      if (is_prime(x)) out.push_back(x);
    });
  else
    sieve(c, c + 1).append_primes(out);
  return out;
}

void RangeJob::write_bytes(std::uint64_t first, std::uint64_t end, std::uint8_t* range_bytes) const {
  sieve(first, end).write_bytes(range_bytes + plan_.chunk_lo(first) / 30 - plan_.lo / 30);
}

}  // namespace volley::detail
