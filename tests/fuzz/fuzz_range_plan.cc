// libFuzzer target: the prime range planner (host/src/range_plan.hpp) held against its
// contracts, and, on short ranges below 10^6, count_primes (one thread; each method forced,
// and Auto) against a plain sieve.
//
// Input, little-endian, missing bytes read as 0:
//   [0, 8) a   [8, 16) b   [16, 18) threads (1 + v % 512)   [18, 26) L1   [26, 34) L2
//   [34] bits 0-1: method (Auto, Sieve, TestEach, Auto); bits 2-4: how a and b make the range
//        (raw; narrow anywhere; near 2^64; near 2^32; a short range below 10^6 to count)
//   [35, 43) the batch's count for plan_batch_sieve
// Cache sizes: the low 2 bits of their 8 bytes pick a value up to 2^62 (0 included), a power
// of two, a size below 64 MiB, or one near 2^64; the other 62 bits give it.
#include <algorithm>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <optional>
#include <vector>

#include "host/src/range_plan.hpp"
#include "kernels/prime_config.h"
#include "volley/primes.hpp"
#include "volley/run_options.hpp"
#include "tests/fuzz/fuzz_check.hpp"

namespace {

namespace cfg = volley::prime_config;
using volley::PrimeMethod;
using volley::detail::RangePlan;
using volley::detail::RangeQuery;
using u128 = unsigned __int128;
constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();

// Ranges below this are counted by count_primes and by the model.
constexpr std::uint64_t kCountedLimit = 1'000'000;
// Widths counted per method: short enough to keep an input to a few hundred microseconds.
constexpr std::uint64_t kCountedSieveWidth = 1 << 16;
constexpr std::uint64_t kCountedTestWidth = 1 << 11;
// Chunks and runs are checked one by one up to this many, else on a sample.
constexpr std::uint64_t kCheckedAll = 2048;
constexpr int kSampled = 64;

struct Input {
  const std::uint8_t* data;
  std::size_t size;
  std::uint64_t u64(std::size_t at) const { return bytes(at, 8); }
  std::uint64_t bytes(std::size_t at, std::size_t n) const {
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < n; ++i) v |= std::uint64_t{at + i < size ? data[at + i] : std::uint8_t{0}} << (8 * i);
    return v;
  }
};

std::uint64_t cache_bytes(std::uint64_t raw) {
  switch (raw & 3) {
    case 0: return raw >> 2;                                  // anything up to 2^62, 0 included
    case 1: return std::uint64_t{1} << ((raw >> 2) % 64);     // a power of two
    case 2: return (raw >> 2) % (std::uint64_t{64} << 20);    // below 64 MiB
    default: return kMax - (raw >> 2);                        // near 2^64
  }
}

std::uint64_t saturating_add(std::uint64_t a, std::uint64_t b) { return a > kMax - b ? kMax : a + b; }
std::uint64_t spread(std::uint64_t v) { return v >> (v & 63); }  // small widths as often as large

// floor(sqrt(n)) through long double, corrected in exact integers.
std::uint64_t model_isqrt(std::uint64_t n) {
  auto r = static_cast<std::uint64_t>(std::sqrt(static_cast<long double>(n)));
  while (static_cast<u128>(r) * r > n) --r;
  while (static_cast<u128>(r + 1) * (r + 1) <= n) ++r;
  return r;
}

std::uint64_t splitmix(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
  z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
  return z ^ (z >> 31);
}

// Indices in [0, n): all of them when there are few, else the first and last two and a
// sample, ascending.
std::vector<std::uint64_t> indices(std::uint64_t n, std::uint64_t seed) {
  std::vector<std::uint64_t> out;
  if (n <= kCheckedAll) {
    for (std::uint64_t i = 0; i < n; ++i) out.push_back(i);
    return out;
  }
  out = {0, 1, n - 2, n - 1};
  for (int k = 0; k < kSampled; ++k) out.push_back(splitmix(seed) % n);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool finite_non_negative(double x) { return std::isfinite(x) && x >= 0; }

// What every plan of [lo, hi) promises, whoever made it.
void check_tiling(const RangePlan& p, std::uint64_t seed) {
  FUZZ_CHECK(p.lo < p.hi);
  FUZZ_CHECK(p.chunks >= 1);
  FUZZ_CHECK(p.chunk_bytes >= 1);
  FUZZ_CHECK(p.chunk_lo(0) == p.lo);
  FUZZ_CHECK(p.chunk_hi(p.chunks - 1) == p.hi);
  std::uint64_t previous_hi = p.lo;
  for (const std::uint64_t c : indices(p.chunks, seed)) {
    const std::uint64_t lo = p.chunk_lo(c), hi = p.chunk_hi(c);
    FUZZ_CHECK(lo < hi);                       // not empty, increasing
    FUZZ_CHECK(lo >= previous_hi);             // ascending over the sample
    FUZZ_CHECK(hi - lo <= 30 * p.chunk_bytes); // at most chunk_bytes of sieve
    if (c > 0) FUZZ_CHECK(lo % 30 == 0);
    if (c + 1 < p.chunks) {
      FUZZ_CHECK(hi % 30 == 0);
      FUZZ_CHECK(hi == p.chunk_lo(c + 1));     // no gap, no overlap
      if (c > 0) FUZZ_CHECK(hi - lo == 30 * p.chunk_bytes);  // interior chunks are whole
    }
    previous_hi = hi;
  }
  FUZZ_CHECK(p.runs >= 1 && p.runs <= p.chunks);
  FUZZ_CHECK(p.run_start(0) == 0);
  FUZZ_CHECK(p.run_start(p.runs) == p.chunks);
  for (const std::uint64_t r : indices(p.runs, ~seed)) FUZZ_CHECK(p.run_start(r) < p.run_start(r + 1));
}

RangePlan check_plan(const RangeQuery& q, std::uint64_t seed) {
  const RangePlan p = volley::detail::plan_range(q);
  FUZZ_CHECK(p.lo == std::max(q.from, cfg::kFirstSieved));
  FUZZ_CHECK(p.hi == q.to);
  FUZZ_CHECK(std::has_single_bit(p.segment_bytes));
  FUZZ_CHECK(p.segment_bytes >= cfg::kMinSegmentBytes && p.segment_bytes <= cfg::kMaxSegmentBytes);
  FUZZ_CHECK(p.block_bytes >= cfg::kMinBlockBytes && p.block_bytes <= cfg::kMaxBlockBytes);
  FUZZ_CHECK(finite_non_negative(p.sieve_seconds) && finite_non_negative(p.test_seconds));
  if (p.lo >= p.hi) {
    FUZZ_CHECK(p.chunks == 0);
    return p;
  }
  check_tiling(p, seed);
  if (q.method == PrimeMethod::Sieve) FUZZ_CHECK(!p.test_each);
  if (q.method == PrimeMethod::TestEach) FUZZ_CHECK(p.test_each);
  if (q.method == PrimeMethod::Auto) FUZZ_CHECK(p.test_each == (p.test_seconds < p.sieve_seconds));
  if (p.test_each) {
    FUZZ_CHECK(p.sieving_limit == 0);
    // kTestedChunks chunks, or more when they would be longer than sieved chunks.
    const std::uint64_t sieved_chunk_bytes = p.segment_bytes * cfg::kSegmentsPerChunk;
    FUZZ_CHECK(p.chunk_bytes <= sieved_chunk_bytes);
    FUZZ_CHECK(p.chunks <= cfg::kTestedChunks || p.chunk_bytes == sieved_chunk_bytes);
    FUZZ_CHECK(p.runs == p.chunks);
  } else {
    FUZZ_CHECK(p.sieving_limit == model_isqrt(p.hi - 1));
    FUZZ_CHECK(p.chunk_bytes == p.segment_bytes * cfg::kSegmentsPerChunk);
    // Never fewer runs than threads while there are that many chunks.
    FUZZ_CHECK(p.runs >= std::min<std::uint64_t>(std::max(1u, q.threads), p.chunks));
  }
  // A chunk's bounds depend on the range, the caches and the method, never on the threads.
  if (q.threads != 1) {
    RangeQuery one = q;
    one.threads = 1;
    const RangePlan p1 = volley::detail::plan_range(one);
    if (p1.test_each == p.test_each) {
      FUZZ_CHECK(p1.chunks == p.chunks && p1.chunk_bytes == p.chunk_bytes);
      for (const std::uint64_t c : indices(p.chunks, seed ^ 1)) FUZZ_CHECK(p1.chunk_hi(c) == p.chunk_hi(c));
    } else {
      FUZZ_CHECK(q.method == PrimeMethod::Auto);
    }
  }
  return p;
}

void check_batch(std::uint64_t min, std::uint64_t max, std::uint64_t count, unsigned threads, std::uint64_t l1,
                 std::uint64_t l2, std::uint64_t seed) {
  const std::optional<RangePlan> plan = volley::detail::plan_batch_sieve(min, max, count, threads, l1, l2);
  if (!plan) return;
  // A plan is only for dense spans (at most kDenseSpanPerNumber numbers per input)...
  FUZZ_CHECK(max < kMax);
  FUZZ_CHECK(max - min < cfg::kDenseSpanPerNumber * static_cast<u128>(count));
  // ...and sieves [min, max + 1) from kFirstSieved up.
  FUZZ_CHECK(!plan->test_each);
  FUZZ_CHECK(plan->lo == std::max(min, cfg::kFirstSieved));
  FUZZ_CHECK(plan->hi == max + 1);
  check_tiling(*plan, seed);
  FUZZ_CHECK(plan->sieving_limit == model_isqrt(plan->hi - 1));
}

// The number of primes below n, for n <= kCountedLimit, from a plain sieve of Eratosthenes.
std::uint64_t model_primes_below(std::uint64_t n) {
  static const std::vector<std::uint32_t> below = [] {
    std::vector<bool> composite(kCountedLimit + 1);
    std::vector<std::uint32_t> counts(kCountedLimit + 1);
    std::uint32_t primes = 0;
    for (std::uint64_t i = 0; i <= kCountedLimit; ++i) {
      counts[i] = primes;
      if (i < 2 || composite[i]) continue;
      ++primes;
      for (std::uint64_t m = i * i; m <= kCountedLimit; m += i) composite[m] = true;
    }
    return counts;
  }();
  return below[n];
}

void check_count(std::uint64_t from, std::uint64_t to) {
  const std::uint64_t expected = model_primes_below(to) - model_primes_below(from);
  if (to - from <= kCountedSieveWidth) {
    FUZZ_CHECK(volley::count_primes(from, to, {.threads = 1, .prime_method = PrimeMethod::Sieve}) == expected);
    FUZZ_CHECK(volley::count_primes(from, to, {.threads = 1, .prime_method = PrimeMethod::Auto}) == expected);
  }
  if (to - from <= kCountedTestWidth)
    FUZZ_CHECK(volley::count_primes(from, to, {.threads = 1, .prime_method = PrimeMethod::TestEach}) == expected);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const Input in{data, size};
  const std::uint64_t a = in.u64(0), b = in.u64(8);
  const auto threads = static_cast<unsigned>(1 + in.bytes(16, 2) % 512);
  const std::uint64_t l1 = cache_bytes(in.u64(18)), l2 = cache_bytes(in.u64(26));
  const std::uint64_t flags = in.bytes(34, 1);
  const PrimeMethod method = (flags & 3) == 1 ? PrimeMethod::Sieve : (flags & 3) == 2 ? PrimeMethod::TestEach : PrimeMethod::Auto;
  const std::uint64_t count = in.u64(35);
  std::uint64_t seed = a ^ (b << 1) ^ count;

  std::uint64_t from = a, to = b;
  bool counted = false;
  switch ((flags >> 2) & 7) {
    case 1:  // narrow, anywhere
      to = saturating_add(from, spread(b));
      break;
    case 2:  // near 2^64
      from = kMax - spread(a);
      to = saturating_add(from, spread(b));
      break;
    case 3:  // around 2^32
      from = (std::uint64_t{1} << 32) - (std::uint64_t{1} << 24) + a % (std::uint64_t{1} << 25);
      to = from + spread(b) % (std::uint64_t{1} << 32);
      break;
    case 4:  // short, below 10^6, and counted
      from = a % kCountedLimit;
      to = std::min(kCountedLimit, from + spread(b) % (kCountedSieveWidth + 1));
      counted = true;
      break;
    default:
      break;
  }
  if (from > to) std::swap(from, to);

  check_plan({from, to, threads, l1, l2, method}, splitmix(seed));
  // The other methods too, so each input checks a range three ways.
  for (const PrimeMethod other : {PrimeMethod::Auto, PrimeMethod::Sieve, PrimeMethod::TestEach})
    if (other != method) check_plan({from, to, threads, l1, l2, other}, splitmix(seed));
  check_batch(from, to, count, threads, l1, l2, splitmix(seed));
  if (counted) check_count(from, to);
  return 0;
}
