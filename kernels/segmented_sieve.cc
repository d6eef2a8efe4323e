#include "kernels/segmented_sieve.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <stdexcept>

#include "kernels/presieve.h"
#include "kernels/sieve_bits.h"
#include "kernels/wheel.h"

namespace volley::kernels {
namespace {

// Bits of the wheel residues below `offset` (0..30) within a byte.
std::uint8_t residues_below(std::uint64_t offset) {
  std::uint8_t mask = 0;
  for (int j = 0; j < 8; ++j)
    if (wheel::kResidues[j] < offset) mask |= 1u << j;
  return mask;
}

}  // namespace

SegmentedSieve::SegmentedSieve(std::int64_t target, std::span<const std::uint32_t> primes, std::uint64_t lo,
                               std::uint64_t hi, std::uint64_t segment_bytes, std::uint64_t block_bytes)
    : target_(target),
      lo_(lo),
      hi_(hi),
      segment_bytes_(segment_bytes),
      block_bytes_(block_bytes),
      large_(lo < hi ? ((hi - 1) / 30 - lo / 30) / segment_bytes + 1 : 0,
             static_cast<unsigned>(std::countr_zero(segment_bytes)), primes.empty() ? 0 : primes.back()) {
  if (!std::has_single_bit(segment_bytes)) throw std::logic_error("SegmentedSieve: segment_bytes must be a power of two");
  if (lo >= hi) return;
  const std::uint64_t base = lo / 30;
  for (const std::uint32_t p : primes) {
    if (static_cast<std::uint64_t>(p) * p >= hi) break;  // p^2 beyond the range: never needed
    if (p > segment_bytes) {
      has_large_ = true;
      large_.enqueue(first_multiple(p, lo, base));
      continue;
    }
    // At least ~32 hits per block: worth the visit of every block.
    (p < block_bytes / 4 ? small_ : medium_).add(first_multiple(p, lo, base));
  }
}

template <typename Visit>
void SegmentedSieve::run(Visit&& visit) {
  if (lo_ >= hi_) return;
  const std::uint64_t first = lo_ / 30, last = (hi_ - 1) / 30;  // bytes holding lo and hi - 1
  // The bucket sieve writes anywhere in a whole segment, even past the end of the last one.
  std::vector<std::uint8_t> segment(has_large_ ? segment_bytes_ : std::min(segment_bytes_, last - first + 1));
  for (std::uint64_t start = first; start <= last; start += segment_bytes_) {
    const std::uint64_t n = std::min(segment_bytes_, last - start + 1);
    PreSieve::instance().fill(target_, segment.data(), start, n);
    for (std::uint64_t block = 0; block < n; block += block_bytes_)
      cross_off(segment.data() + block, std::min(block_bytes_, n - block), small_);
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

void SegmentedSieve::append_primes(std::vector<std::uint64_t>& out) {
  run([&](const std::uint8_t* bytes, std::uint64_t first, std::uint64_t n) {
    for (std::uint64_t i = 0; i < n; i += 8) {
      std::uint64_t word = 0;
      std::memcpy(&word, bytes + i, std::min<std::uint64_t>(8, n - i));
      for (; word != 0; word &= word - 1) {
        const int bit = std::countr_zero(word);
        out.push_back(30 * (first + i + static_cast<std::uint64_t>(bit / 8)) + wheel::kResidues[bit % 8]);
      }
    }
  });
}

void SegmentedSieve::write_bytes(std::uint8_t* out) {
  run([&](const std::uint8_t* bytes, std::uint64_t first, std::uint64_t n) {
    std::memcpy(out + (first - lo_ / 30), bytes, n);
  });
}

std::vector<std::uint32_t> sieving_primes(std::uint64_t limit) {
  std::vector<std::uint32_t> out;
  if (limit <= PreSieve::kLargestPrime) return out;
  // Odd numbers only: index k stands for 2k + 1. Small primes up to sqrt(limit) first.
  const auto root = static_cast<std::uint64_t>(std::sqrt(static_cast<double>(limit))) + 1;
  std::vector<std::uint8_t> small(root / 2 + 1, 1);
  std::vector<std::uint64_t> base;
  for (std::uint64_t k = 1; k < small.size(); ++k) {
    if (!small[k]) continue;
    const std::uint64_t p = 2 * k + 1;
    base.push_back(p);
    for (std::uint64_t m = p * p / 2; m < small.size(); m += p) small[m] = 0;
  }
  constexpr std::uint64_t kWindow = std::uint64_t{1} << 18;  // odd numbers per window
  std::vector<std::uint8_t> window(kWindow);
  const std::uint64_t stop = (limit - 1) / 2 + 1;  // one past the index of the largest odd <= limit
  // From the first odd number above the pre-sieved primes.
  for (std::uint64_t start = PreSieve::kLargestPrime / 2 + 1; start < stop; start += kWindow) {
    const std::uint64_t end = std::min(stop, start + kWindow);
    std::fill(window.begin(), window.end(), 1);
    for (const std::uint64_t p : base) {
      if (p * p > 2 * end) break;
      std::uint64_t m = std::max(p * p, (2 * start + 1 + p - 1) / p * p);
      if (m % 2 == 0) m += p;
      for (m /= 2; m < end; m += p) window[m - start] = 0;
    }
    for (std::uint64_t k = start; k < end; ++k)
      if (window[k - start]) out.push_back(static_cast<std::uint32_t>(2 * k + 1));
  }
  return out;
}

}  // namespace volley::kernels
