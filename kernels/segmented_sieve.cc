#include "kernels/segmented_sieve.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <stdexcept>

#include "kernels/gpu_wheel.h"
#include "kernels/large_pages.h"
#include "kernels/presieve.h"
#include "kernels/prime_config.h"
#include "kernels/sieve_bits.h"
#include "kernels/small_primes.h"
#include "kernels/wheel.h"
#include "volley/contract/integer.hpp"

namespace volley::kernels {
namespace {

// log2 of the segment size, checked before anything is allocated for it.
unsigned segment_shift(std::uint64_t segment_bytes) {
  if (!std::has_single_bit(segment_bytes)) throw std::logic_error("SegmentedSieve: segment_bytes must be a power of two");
  return static_cast<unsigned>(std::countr_zero(segment_bytes));
}

static_assert(prime_config::kMaxRunBytes <= PrimesByClass::kMaxNext);

// The run's bytes, checked before anything is allocated for them.
std::uint64_t run_bytes(std::uint64_t lo, std::uint64_t hi) {
  if (lo >= hi) return 0;
  const std::uint64_t bytes = wheel::bytes_of(lo, hi);
  if (bytes > prime_config::kMaxRunBytes) throw std::logic_error("SegmentedSieve: a range of more than kMaxRunBytes bytes");
  return bytes;
}

// Crosses off `primes` in pieces of `piece` bytes of the segment's `n`, each piece whole
// before the next, so that the pieces' hits stay in a cache.
void cross_off_by_piece(std::uint8_t* segment, std::uint64_t n, std::uint64_t piece, PrimesByClass& primes) {
  for (std::uint64_t at = 0; at < n; at += piece) cross_off(segment + at, std::min(piece, n - at), primes);
}

// Bits of the wheel residues below `offset` (0..30) within a byte.
std::uint8_t residues_below(std::uint64_t offset) { return static_cast<std::uint8_t>(gpu::wheel_bits_below(offset)); }

}  // namespace

SegmentedSieve::SegmentedSieve(std::int64_t target, const SievingPrimes& primes, std::uint64_t lo,
                               std::uint64_t hi, std::uint64_t segment_bytes, std::uint64_t block_bytes,
                               std::stop_token stop)
    : target_(target),
      lo_(lo),
      hi_(hi),
      segment_bytes_(segment_bytes),
      block_bytes_(block_bytes),
      middle_bytes_(std::max(block_bytes, segment_bytes / prime_config::kMiddleBlocksPerSegment)),
      stop_(std::move(stop)),
      large_(run_bytes(lo, hi), segment_shift(segment_bytes)) {
  if (lo >= hi) return;
  const std::uint64_t base = lo / 30, bytes = wheel::bytes_of(lo, hi);
  std::size_t i = 0;
  for (const std::uint32_t p : primes) {
    if (i++ % kStopCheckPrimes == 0 && stop_.stop_requested()) return;
    if (static_cast<std::uint64_t>(p) * p >= hi) break;  // p^2 beyond the range: never needed
    if (p > segment_bytes * prime_config::kMediumPrimeSegments) {
      large_.add(p, lo, base);
      continue;
    }
    const SievingPrime sp = first_multiple(p, lo, base);
    if (sp.next >= bytes) continue;  // no multiple in a short range: nothing to cross off
    constexpr std::uint64_t kFraction = prime_config::kSmallPrimeBlockFraction;
    (p < block_bytes / kFraction ? small_ : p < middle_bytes_ / kFraction ? middle_ : medium_).add(sp);
  }
}

template <typename Visit>
void SegmentedSieve::run(Visit&& visit) {
  if (lo_ >= hi_) return;
  const std::uint64_t first = lo_ / 30, last = (hi_ - 1) / 30;  // bytes holding lo and hi - 1
  // Uninitialised (each segment is pre-sieved whole before it is read), on a huge page when
  // whole: a fresh buffer per run costs a page fault per 4 KiB otherwise.
  std::vector<std::uint8_t, LargePageAllocator<std::uint8_t>> segment(std::min(segment_bytes_, last - first + 1));
  for (std::uint64_t start = first; start <= last && !stop_.stop_requested(); start += segment_bytes_) {
    const std::uint64_t n = std::min(segment_bytes_, last - start + 1);
    // Middle block by middle block, pre-sieved, then crossed off by the small and the middle
    // primes while it is in L2 (a segment is larger than L2).
    for (std::uint64_t at = 0; at < n; at += middle_bytes_) {
      const std::uint64_t m = std::min(middle_bytes_, n - at);
      PreSieve::instance().fill(target_, segment.data() + at, start + at, m);
      cross_off_by_piece(segment.data() + at, m, block_bytes_, small_);
      cross_off(segment.data() + at, m, middle_);
    }
    cross_off(segment.data(), n, medium_);
    large_.cross_off(segment.data(), (start - first) / segment_bytes_);
    if (start == first) segment[0] &= static_cast<std::uint8_t>(~residues_below(lo_ - 30 * first));
    if (start + n - 1 == last) segment[n - 1] &= residues_below(hi_ - 30 * last);
    visit(segment.data(), start, n);
  }
}

std::uint64_t SegmentedSieve::count() {
  std::uint64_t total = 0;
  run([&](const std::uint8_t* bytes, std::uint64_t, std::uint64_t n) { total += count_bits(target_, bytes, n); });
  return total;
}

template <typename Number, typename Take>
void SegmentedSieve::extract(Take&& take) {
  std::vector<Number> numbers;
  run([&](const std::uint8_t* bytes, std::uint64_t first, std::uint64_t n) {
    const std::size_t count = count_bits(target_, bytes, n);
    numbers.resize(count + kExtractSlack);
    extract_numbers(target_, bytes, n, first, numbers.data());
    take(std::span<const Number>(numbers.data(), count));
  });
}

void SegmentedSieve::append_primes(std::vector<std::uint64_t>& out) {
  extract<std::uint64_t>([&](std::span<const std::uint64_t> primes) { out.insert(out.end(), primes.begin(), primes.end()); });
}

void SegmentedSieve::append_primes(SievingPrimes& out) {
  if (hi_ > (std::uint64_t{1} << 32)) throw std::logic_error("SegmentedSieve: sieving primes are below 2^32");
  extract<std::uint32_t>([&](std::span<const std::uint32_t> primes) { out.append(primes); });
}

void SegmentedSieve::write_bytes(std::uint8_t* out) {
  run([&](const std::uint8_t* bytes, std::uint64_t first, std::uint64_t n) {
    std::memcpy(out + (first - lo_ / 30), bytes, n);
  });
}

SievingPrimes root_primes(std::uint64_t limit) {
  // Up to sqrt(limit) < 2^16, from the plain sieve.
  SievingPrimes root;
  root.append(plain_sieve(PreSieve::kLargestPrime + 1, contract::isqrt(limit) + 1));
  return root;
}

void append_sieving_primes(std::int64_t target, const SievingPrimes& root, std::uint64_t lo,
                           std::uint64_t hi, SievingPrimes& out, std::stop_token stop) {
  SegmentedSieve(target, root, lo, hi, prime_config::kSievingPrimesSegmentBytes, prime_config::kSievingPrimesBlockBytes,
                 std::move(stop))
      .append_primes(out);
}

SievingPrimes sieving_primes(std::int64_t target, std::uint64_t limit, std::stop_token stop) {
  SievingPrimes out;
  if (limit <= PreSieve::kLargestPrime) return out;
  out.reserve(static_cast<std::size_t>(1.1 * static_cast<double>(limit) / std::log(static_cast<double>(limit))));
  append_sieving_primes(target, root_primes(limit), PreSieve::kLargestPrime + 1, limit + 1, out, std::move(stop));
  return out;
}

}  // namespace volley::kernels
