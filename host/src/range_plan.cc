#include "host/src/range_plan.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

#include "kernels/prime_config.h"
#include "kernels/small_primes.h"
#include "kernels/wheel.h"
#include "volley/contract/integer.hpp"

namespace volley::detail {
namespace {

namespace cfg = prime_config;
using contract::ceil_div;

constexpr double kNanosecond = 1e-9;
constexpr auto kPreSievedPrimes = kernels::kPrimesBelow<cfg::kPreSieveLargestPrime + 1>.size();

// The sieving primes up to r, above the pre-sieved ones: r / (ln r - 1) is within a few
// percent of pi(r) in the sieve's range.
double sieving_primes_estimate(std::uint64_t r) {
  if (r <= cfg::kPreSieveLargestPrime) return 0;
  const double x = static_cast<double>(r);
  return std::max(0.0, x / (std::log(x) - 1) - static_cast<double>(kPreSievedPrimes));
}

// Runs for `threads` workers: one per chunk while a chunk holds kRunBytesPerSievingPrime
// bytes per sieving prime, else longer, but never fewer runs than workers (when there are
// that many chunks), and a multiple of their number.
std::uint64_t runs_for(std::uint64_t chunks, std::uint64_t chunk_bytes, double primes, unsigned threads) {
  const auto run_bytes = static_cast<std::uint64_t>(static_cast<double>(cfg::kRunBytesPerSievingPrime) * primes);
  const std::uint64_t min_chunks = std::max<std::uint64_t>(1, ceil_div(run_bytes, chunk_bytes));
  const std::uint64_t runs = std::min(chunks, threads * std::max<std::uint64_t>(1, chunks / min_chunks / threads));
  // No run longer than kMaxRunBytes: then as many runs per thread as that takes.
  const std::uint64_t fewest = ceil_div(chunks, cfg::kMaxRunBytes / chunk_bytes);
  return runs >= fewest ? runs : std::min(chunks, threads * ceil_div(fewest, threads));
}

// Testing `numbers` numbers up to `largest` one by one: about 8 in 30 get past the divisors
// of the wheel (2, 3 and 5) to the costly part.
double test_seconds(double numbers, std::uint64_t largest, std::uint64_t workers) {
  const double per_candidate = cfg::kTestNanos + cfg::kTestNanosPerBit * std::bit_width(largest);
  return numbers * 8 / 30 * per_candidate * kNanosecond / static_cast<double>(workers);
}

// Making the sieving primes (one thread), setting them up once per run, sieving the bytes.
double sieve_seconds(const RangePlan& plan, double primes, unsigned threads) {
  const double r = static_cast<double>(plan.sieving_limit);
  const double make = r * cfg::kSievingPrimesNanosPerNumber;
  const std::uint64_t workers = std::min<std::uint64_t>(threads, plan.runs);
  const double setup = primes * cfg::kSetupNanosPerPrime * static_cast<double>(ceil_div(plan.runs, workers));
  const double per_byte = cfg::kSieveNanosPerByte + cfg::kSieveNanosPerByteAtRoot2To32 * std::cbrt(std::pow(r / 0x1p32, 2));
  const double sieve = static_cast<double>(kernels::wheel::bytes_of(plan.lo, plan.hi)) * per_byte /
                       static_cast<double>(workers);
  return (make + setup + sieve) * kNanosecond;
}

}  // namespace

std::uint64_t RangePlan::chunk_lo(std::uint64_t c) const { return c == 0 ? lo : 30 * (lo / 30 + c * chunk_bytes); }

std::uint64_t RangePlan::chunk_hi(std::uint64_t c) const {
  return c + 1 == chunks ? hi : 30 * (lo / 30 + (c + 1) * chunk_bytes);
}

std::uint64_t RangePlan::run_start(std::uint64_t r) const {
  return static_cast<std::uint64_t>(static_cast<contract::u128>(r) * chunks / runs);
}

std::uint64_t max_primes_in(std::uint64_t width) {
  const double y = static_cast<double>(width);
  return width < 2 ? 1 : static_cast<std::uint64_t>(std::ceil(2 * y / std::log(y)));
}

RangePlan plan_range(const RangeQuery& query) {
  RangePlan plan;
  plan.lo = std::max(query.from, cfg::kFirstSieved);
  plan.hi = query.to;
  // Clamped before it is multiplied: l2_bytes comes from the caller. Segments larger than L2
  // pay once sieving primes reach half of it (kSegmentsPerL2).
  const std::uint64_t l2 = std::bit_floor(
      std::clamp(query.l2_bytes, cfg::kMinSegmentBytes / cfg::kSegmentsPerL2, cfg::kMaxSegmentBytes / cfg::kSegmentsPerL2));
  const std::uint64_t root = query.to > 0 ? contract::isqrt(query.to - 1) : 0;  // the largest sieving prime's bound
  const bool far = root >= l2 / 2;
  plan.segment_bytes = std::max(cfg::kMinSegmentBytes, far ? l2 * cfg::kSegmentsPerL2 : l2);
  plan.block_bytes = std::clamp(query.l1_bytes, cfg::kMinBlockBytes, cfg::kMaxBlockBytes);
  if (plan.lo >= plan.hi) return plan;
  const unsigned threads = std::max(1u, query.threads);
  const std::uint64_t bytes = kernels::wheel::bytes_of(plan.lo, plan.hi);

  // Both methods are costed; the plan then takes the cheaper (or the one asked for).
  // Tested chunks are no longer than sieved ones, so that streaming them is as bounded.
  const std::uint64_t tested_chunk =
      std::min(ceil_div(bytes, cfg::kTestedChunks), plan.segment_bytes * cfg::kSegmentsPerChunk);
  const std::uint64_t tested_chunks = ceil_div(bytes, tested_chunk);
  plan.test_seconds = test_seconds(static_cast<double>(plan.hi - plan.lo), plan.hi - 1,
                                   std::min<std::uint64_t>(threads, tested_chunks));

  plan.sieving_limit = root;
  const double primes = sieving_primes_estimate(plan.sieving_limit);
  plan.chunk_bytes = plan.segment_bytes * cfg::kSegmentsPerChunk;
  plan.chunks = ceil_div(bytes, plan.chunk_bytes);
  plan.runs = runs_for(plan.chunks, plan.chunk_bytes, primes, threads);
  plan.sieve_seconds = sieve_seconds(plan, primes, threads);

  plan.test_each = query.method == PrimeMethod::TestEach ||
                   (query.method == PrimeMethod::Auto && plan.test_seconds < plan.sieve_seconds);
  if (plan.test_each) {
    plan.chunk_bytes = tested_chunk;
    plan.chunks = plan.runs = tested_chunks;
    plan.sieving_limit = 0;
  }
  return plan;
}

std::optional<RangePlan> plan_batch_sieve(std::uint64_t min, std::uint64_t max, std::uint64_t count, unsigned threads,
                                          std::uint64_t l1_bytes, std::uint64_t l2_bytes) {
  const bool dense = max < std::numeric_limits<std::uint64_t>::max() &&
                     max - min < cfg::kDenseSpanPerNumber * static_cast<contract::u128>(count);
  if (!dense) return std::nullopt;
  RangePlan span = plan_range({min, max + 1, threads, l1_bytes, l2_bytes, PrimeMethod::Sieve});
  if (span.chunks == 0 || test_seconds(static_cast<double>(count), max, std::max(1u, threads)) < span.sieve_seconds)
    return std::nullopt;
  return span;
}

}  // namespace volley::detail
