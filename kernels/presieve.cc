#include "kernels/presieve.h"

#include <algorithm>
#include <cstring>
#include <initializer_list>

#include "kernels/sieve_bits.h"
#include "kernels/wheel.h"

namespace volley::kernels {
namespace {

// Byte k of a pattern holds 30k + r for the wheel residues r; a bit is set unless one of
// `primes` divides that number. 30 is invertible mod each prime, so the period is their product.
// Built by crossing off the multiples of each prime that fall on the wheel.
std::vector<std::uint8_t> make_pattern(std::initializer_list<std::uint32_t> primes) {
  std::uint64_t period = 1;
  for (const auto p : primes) period *= p;
  std::vector<std::uint8_t> pattern(period, 0xff);
  for (const std::uint64_t p : primes)
    for (std::uint64_t m = p; m < 30 * period; m += 2 * p)  // odd multiples only
      if (const int bit = wheel::kBitOf[m % 30]; bit >= 0) pattern[m / 30] &= static_cast<std::uint8_t>(~(1u << bit));
  return pattern;
}

// Calls fn(dst, src, len) over the runs that copy the periodic pattern from byte `first`.
template <typename Fn>
void for_each_run(const std::vector<std::uint8_t>& pattern, std::uint8_t* dst, std::uint64_t first, std::uint64_t n,
                  Fn fn) {
  std::uint64_t offset = first % pattern.size();
  for (std::uint64_t done = 0; done < n; offset = 0) {
    const std::uint64_t len = std::min(n - done, pattern.size() - offset);
    fn(dst + done, pattern.data() + offset, len);
    done += len;
  }
}

}  // namespace

// Merging a pattern costs one pass over the segment; crossing off a prime p costs 8/p of a
// write per byte, so pre-sieving pays for small primes, grouped into patterns of <= 350 KB.
PreSieve::PreSieve()
    : patterns_{make_pattern({7, 11, 13, 17, 19}), make_pattern({23, 29, 31}), make_pattern({37, 41, 43}),
                make_pattern({47, 53, 59}), make_pattern({61, 67, 71}), make_pattern({73, 79}),
                make_pattern({83, 89}), make_pattern({97, 101}), make_pattern({103, 107}), make_pattern({109, 113}),
                make_pattern({127, 131}), make_pattern({137, 139}), make_pattern({149, 151}), make_pattern({157, 163}),
                make_pattern({167, 173}), make_pattern({179, 181}), make_pattern({191, 193}), make_pattern({197, 199}),
                make_pattern({211, 223}), make_pattern({227, 229}), make_pattern({233, 239}), make_pattern({241, 251})} {}

const PreSieve& PreSieve::instance() {
  static const PreSieve shared;
  return shared;
}

void PreSieve::fill(std::int64_t target, std::uint8_t* dst, std::uint64_t first, std::uint64_t n) const {
  constexpr std::uint64_t kBlock = 8 << 10;  // merged block by block, in L1
  for (std::uint64_t b = 0; b < n; b += kBlock) {
    const std::uint64_t len = std::min(kBlock, n - b);
    for_each_run(patterns_[0], dst + b, first + b, len,
                 [](std::uint8_t* d, const std::uint8_t* s, std::uint64_t m) { std::memcpy(d, s, m); });
    for (std::size_t g = 1; g < patterns_.size(); ++g)
      for_each_run(patterns_[g], dst + b, first + b, len,
                   [&](std::uint8_t* d, const std::uint8_t* s, std::uint64_t m) { and_bytes(target, d, s, m); });
  }
}

}  // namespace volley::kernels
