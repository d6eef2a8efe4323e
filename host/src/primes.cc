// count_primes, primes_in, for_each_prime and the batch is_prime: the range is cut into
// fixed chunks (aligned to the wheel, independent of the thread count) that the Pool sieves.
#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "host/src/cache_sizes.hpp"
#include "kernels/miller_rabin32.h"
#include "kernels/min_max.h"
#include "kernels/presieve.h"
#include "kernels/segmented_sieve.h"
#include "kernels/wheel.h"
#include "volley/pool.hpp"
#include "volley/primes.hpp"
#include "volley/targets.hpp"

namespace volley {
namespace {

using u128 = unsigned __int128;

// Numbers below this are looked up in kSmallPrimes, the rest sieved.
constexpr std::uint64_t kFirstSieved = 1024;
static_assert(kFirstSieved > kernels::PreSieve::kLargestPrime);
constexpr bool is_small_prime(std::uint32_t n) {
  for (std::uint32_t d = 2; d * d <= n; ++d)
    if (n % d == 0) return false;
  return n >= 2;
}
constexpr auto kSmallPrimes = [] {
  std::array<std::uint32_t, 172> primes{};  // pi(1024) = 172
  std::size_t k = 0;
  for (std::uint32_t n = 2; n < static_cast<std::uint32_t>(kFirstSieved); ++n)
    if (is_small_prime(n)) primes.at(k++) = n;
  if (k != primes.size()) throw "kSmallPrimes: wrong size";
  return primes;
}();
constexpr std::uint64_t kSegmentsPerChunk = 16;
constexpr std::uint64_t kMaxU64 = std::numeric_limits<std::uint64_t>::max();

void check_range(std::uint64_t from, std::uint64_t to, const char* what) {
  if (from > to)
    throw std::invalid_argument(std::string(what) + ": from (" + std::to_string(from) + ") is greater than to (" +
                                std::to_string(to) + ")");
}

std::uint64_t isqrt(std::uint64_t n) {
  auto r = static_cast<std::uint64_t>(std::sqrt(static_cast<double>(n)));
  while (r > 0 && static_cast<u128>(r) * r > n) --r;
  while (static_cast<u128>(r + 1) * (r + 1) <= n) ++r;
  return r;
}

// Segments half the L2 cache (so the segment and the pre-sieve patterns stay near the
// core), rounded down to a power of two, crossed off by small primes in blocks of the L1 cache.
std::uint64_t segment_bytes() {
  static const std::uint64_t bytes = std::bit_floor(std::clamp<std::uint64_t>(detail::l2_cache_bytes() / 2, 32 << 10, 1 << 20));
  return bytes;
}
std::uint64_t block_bytes() {  // 32 KiB measured best here with a 48 KiB L1
  static const std::uint64_t bytes = std::clamp<std::uint64_t>(detail::l1_cache_bytes(), 4 << 10, 32 << 10);
  return bytes;
}

// Short ranges far from 0 need many sieving primes for few candidates: there a
// Miller-Rabin test per wheel candidate is cheaper than setting up the sieve.
bool test_each_number(std::uint64_t lo, std::uint64_t hi) { return hi - lo < isqrt(hi - 1) / 4; }

std::uint64_t count_small(std::uint64_t from, std::uint64_t to) {
  return static_cast<std::uint64_t>(
      std::count_if(std::begin(kSmallPrimes), std::end(kSmallPrimes), [&](std::uint32_t p) { return p >= from && p < to; }));
}

// The part of [from, to) from kFirstSieved up, cut into fixed chunks (whole segments,
// aligned to the wheel, independent of the thread count), sieved in runs of consecutive
// chunks, or, for short ranges far from 0, tested number by number.
class RangeJob {
 public:
  RangeJob(std::uint64_t from, std::uint64_t to, std::int64_t target)
      : lo_(std::max(from, kFirstSieved)), hi_(to), target_(target), test_each_(lo_ < hi_ && test_each_number(lo_, hi_)) {
    // Number-by-number ranges are short: cut them finer so that threads share them.
    chunk_bytes_ = test_each_ ? ((hi_ - 1) / 30 - lo_ / 30) / 64 + 1 : segment_bytes() * kSegmentsPerChunk;
    if (lo_ < hi_ && !test_each_) primes_ = kernels::sieving_primes(target, isqrt(hi_ - 1));
  }

  bool empty() const { return lo_ >= hi_; }
  bool tests_each_number() const { return test_each_; }
  std::uint64_t lo() const { return lo_; }
  std::uint64_t hi() const { return hi_; }
  std::uint64_t chunks() const { return empty() ? 0 : ((hi_ - 1) / 30 - lo_ / 30) / chunk_bytes_ + 1; }
  // Chunk boundaries inside the range are multiples of 30 below hi, so 30 * byte fits.
  std::uint64_t chunk_lo(std::uint64_t c) const { return c == 0 ? lo_ : 30 * (lo_ / 30 + c * chunk_bytes_); }
  std::uint64_t chunk_hi(std::uint64_t c) const { return c + 1 == chunks() ? hi_ : 30 * (lo_ / 30 + (c + 1) * chunk_bytes_); }

  // A run of chunks is sieved in one pass, so its sieving primes are set up once (far from 0
  // there are millions of them). Runs for `threads` workers: one per chunk while a chunk
  // holds at least 4 bytes of sieve per sieving prime, else longer, but never fewer runs than
  // workers (when there are that many chunks), and a multiple of their number.
  std::uint64_t runs(unsigned threads) const {
    const std::uint64_t min_chunks = std::max<std::uint64_t>(1, (4 * primes_.size() + chunk_bytes_ - 1) / chunk_bytes_);
    return std::min(chunks(), threads * std::max<std::uint64_t>(1, chunks() / min_chunks / threads));
  }
  /// The first chunk of run r of `runs`.
  std::uint64_t run_start(std::uint64_t r, std::uint64_t runs) const {
    return static_cast<std::uint64_t>(static_cast<u128>(r) * chunks() / runs);
  }

  /// Primes in chunks [first, end).
  std::uint64_t count(std::uint64_t first, std::uint64_t end) const {
    if (!test_each_) return sieve(first, end).count();
    std::uint64_t n = 0;
    for (std::uint64_t c = first; c < end; ++c) for_each_candidate(c, [&](std::uint64_t x) { n += is_prime(x); });
    return n;
  }
  std::vector<std::uint64_t> list(std::uint64_t c) const {
    std::vector<std::uint64_t> out;
    if (test_each_)
      for_each_candidate(c, [&](std::uint64_t x) { if (is_prime(x)) out.push_back(x); });
    else
      sieve(c, c + 1).append_primes(out);
    return out;
  }
  /// The sieve bytes of chunks [first, end) into the bytes of the whole range (not for
  /// tested ranges).
  void write_bytes(std::uint64_t first, std::uint64_t end, std::uint8_t* range_bytes) const {
    sieve(first, end).write_bytes(range_bytes + chunk_lo(first) / 30 - lo_ / 30);
  }

 private:
  kernels::SegmentedSieve sieve(std::uint64_t first, std::uint64_t end) const {
    return kernels::SegmentedSieve(target_, primes_, chunk_lo(first), chunk_hi(end - 1), segment_bytes(), block_bytes());
  }
  // Calls fn(n) for the numbers of chunk c coprime to 30, in order (no overflow near 2^64).
  template <typename Fn>
  void for_each_candidate(std::uint64_t c, Fn fn) const {
    for (std::uint64_t n = chunk_lo(c), hi = chunk_hi(c); n < hi; ++n)
      if (n % 2 && n % 3 && n % 5) fn(n);
  }

  std::uint64_t lo_, hi_;
  std::int64_t target_;
  bool test_each_;
  std::uint64_t chunk_bytes_;
  std::vector<std::uint32_t> primes_;
};

}  // namespace

std::uint64_t count_primes(std::uint64_t from, std::uint64_t to, const RunOptions& opts) {
  check_range(from, to, "count_primes");
  const RangeJob job(from, to, resolve_target(opts.target).bit);
  const Pool pool(opts.threads);
  const std::uint64_t runs = job.runs(pool.threads());
  return count_small(from, to) +
         pool.map_reduce(runs, [&](std::uint64_t r) { return job.count(job.run_start(r, runs), job.run_start(r + 1, runs)); },
                         std::plus<>(), std::uint64_t{0}, {.schedule = Schedule::Dynamic});
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
  const RangeJob job(from, to, resolve_target(opts.target).bit);
  const Pool pool(opts.threads);
  for (const std::uint32_t p : kSmallPrimes)
    if (p >= from && p < to) fn(p);
  // Waves of chunks: sieved in parallel, then handed to fn in order on this thread.
  const std::uint64_t wave = 2 * pool.threads();
  for (std::uint64_t first = 0; first < job.chunks(); first += wave) {
    const std::uint64_t n = std::min(wave, job.chunks() - first);
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
  const Pool pool(opts.threads);
  if (numbers.empty()) return;
  const auto [min, max] = kernels::min_max(target, numbers.data(), numbers.size());
  // Dense lists (the span at most 64 numbers per input): sieve the span once, look each up.
  const bool dense = max < kMaxU64 && max - min < 64 * static_cast<std::uint64_t>(numbers.size());
  const RangeJob job(dense ? min : 0, dense ? max + 1 : 0, target);
  if (!dense || job.empty() || job.tests_each_number()) {
    // Blocks of numbers: those below 2^32 tested many per vector, the rest one by one.
    constexpr std::size_t kBlock = 4096;
    pool.for_each((numbers.size() + kBlock - 1) / kBlock, [&](std::size_t b) {
      const std::size_t first = b * kBlock, len = std::min(kBlock, numbers.size() - first);
      kernels::is_prime_u32(target, numbers.data() + first, len, flags.data() + first);
      for (std::size_t i = first; i < first + len; ++i)
        if (flags[i] == kernels::kUndecided) flags[i] = is_prime(numbers[i]);
    }, {.chunk_size = 1, .schedule = Schedule::Dynamic});
    return;
  }
  std::vector<std::uint8_t> bits((job.hi() - 1) / 30 - job.lo() / 30 + 1);
  const std::uint64_t runs = job.runs(pool.threads());
  pool.for_each(runs, [&](std::size_t r) { job.write_bytes(job.run_start(r, runs), job.run_start(r + 1, runs), bits.data()); },
                {.chunk_size = 1, .schedule = Schedule::Dynamic});
  // Look-ups in blocks, through local pointers: a store to a flag could alias anything,
  // so captured references would be reloaded after each one.
  constexpr std::size_t kBlock = 1 << 16;
  pool.for_each((numbers.size() + kBlock - 1) / kBlock, [&](std::size_t b) {
    const std::uint64_t* const in = numbers.data();
    std::uint8_t* const out = flags.data();
    const std::uint8_t* const sieve = bits.data();
    const std::uint64_t base = job.lo() / 30;
    for (std::size_t i = b * kBlock, end = std::min(numbers.size(), i + kBlock); i < end; ++i) {
      const std::uint64_t n = in[i];
      out[i] = n < kFirstSieved ? is_prime(n) : (sieve[n / 30 - base] & kernels::wheel::kMaskOf[n % 30]) != 0;
    }
  });
}

std::vector<std::uint64_t> primes_in_reference(std::uint64_t from, std::uint64_t to) {
  check_range(from, to, "primes_in_reference");
  if (to > (std::uint64_t{1} << 32)) throw std::invalid_argument("primes_in_reference: to must be at most 2^32");
  std::vector<std::uint8_t> composite(to, 0);
  std::vector<std::uint64_t> out;
  for (std::uint64_t n = 2; n < to; ++n) {
    if (composite[n]) continue;
    if (n >= from) out.push_back(n);
    for (std::uint64_t m = n * n; m < to; m += n) composite[m] = 1;
  }
  return out;
}

}  // namespace volley
