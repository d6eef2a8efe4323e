#include "kernels/presieve.h"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <utility>

#include "kernels/sieve_bits.h"
#include "kernels/small_primes.h"
#include "kernels/wheel.h"
#include "volley/contract/integer.hpp"

namespace volley::kernels {
namespace {

// Byte k of a pattern holds 30k + r for the wheel residues r; a bit is set unless one of
// `primes` divides that number. 30 is invertible mod each prime, so the period is their
// product; it is repeated up to at least kStep bytes, and kStep more bytes follow, so that
// kStep bytes can be read from any offset below the (repeated) period.
PreSieve::Pattern make_pattern(std::initializer_list<std::uint32_t> primes) {
  std::uint64_t period = 1;
  for (const auto p : primes) period *= p;
  period *= contract::ceil_div(PreSieve::kStep, period);
  std::vector<std::uint8_t> bytes(period + PreSieve::kStep, 0xff);
  // Built by crossing off the odd multiples of each prime that fall on the wheel.
  for (const std::uint64_t p : primes)
    for (std::uint64_t m = p; m < 30 * bytes.size(); m += 2 * p)
      if (const int bit = wheel::kBitOf[m % 30]; bit >= 0) bytes[m / 30] &= static_cast<std::uint8_t>(~(1u << bit));
  return {period, std::move(bytes)};
}

}  // namespace

// Merging a pattern costs one read per sieve byte; crossing off a prime p costs 8/p of a
// write per byte, so pre-sieving pays for small primes as long as the patterns stay in the
// L2 cache: the smallest primes in groups of 3 or 4, the rest in pairs of a small and a large
// prime (periods of 10-50 KB, about 500 KB in all with the repeats).
PreSieve::PreSieve() {
  const std::vector<std::uint32_t> primes = plain_sieve(43, kLargestPrime + 1);
  patterns_ = {make_pattern({7, 11, 13, 17}), make_pattern({19, 23, 29}), make_pattern({31, 37, 41})};
  for (std::size_t i = 0, j = primes.size() - 1; i <= j; ++i, --j)
    patterns_.push_back(i == j ? make_pattern({primes[i]}) : make_pattern({primes[i], primes[j]}));
}

const PreSieve& PreSieve::instance() {
  static const PreSieve shared;
  return shared;
}

void PreSieve::fill(std::int64_t target, std::uint8_t* dst, std::uint64_t first, std::uint64_t n) const {
  // All patterns merged in one pass, kStep bytes (in L1) at a time.
  const std::size_t count = patterns_.size();
  std::array<std::uint64_t, kMaxPatterns> offsets;
  std::array<const std::uint8_t*, kMaxPatterns> sources;
  for (std::size_t g = 0; g < count; ++g) offsets[g] = first % patterns_[g].period;
  for (std::uint64_t done = 0; done < n; done += kStep) {
    const std::uint64_t len = std::min(kStep, n - done);
    for (std::size_t g = 0; g < count; ++g) sources[g] = patterns_[g].bytes.data() + offsets[g];
    and_streams(target, dst + done, sources.data(), count, len);
    for (std::size_t g = 0; g < count; ++g)
      if ((offsets[g] += len) >= patterns_[g].period) offsets[g] -= patterns_[g].period;
  }
}

}  // namespace volley::kernels
