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
std::vector<std::uint8_t> make_pattern(std::initializer_list<std::uint32_t> primes) {
  std::uint64_t period = 1;
  for (const auto p : primes) period *= p;
  std::vector<std::uint8_t> pattern(period);
  for (std::uint64_t k = 0; k < period; ++k) {
    std::uint8_t byte = 0;
    for (int j = 0; j < 8; ++j) {
      const std::uint64_t n = 30 * k + wheel::kResidues[j];
      if (std::none_of(primes.begin(), primes.end(), [&](std::uint32_t p) { return n % p == 0; })) byte |= 1u << j;
    }
    pattern[k] = byte;
  }
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

PreSieve::PreSieve()
    : patterns_{make_pattern({7, 11, 13, 17, 19}), make_pattern({23, 29, 31}), make_pattern({37, 41, 43}),
                make_pattern({47, 53, 59}), make_pattern({61, 67, 71})} {}

const PreSieve& PreSieve::instance() {
  static const PreSieve shared;
  return shared;
}

void PreSieve::fill(std::int64_t target, std::uint8_t* dst, std::uint64_t first, std::uint64_t n) const {
  for_each_run(patterns_[0], dst, first, n,
               [](std::uint8_t* d, const std::uint8_t* s, std::uint64_t len) { std::memcpy(d, s, len); });
  for (std::size_t g = 1; g < patterns_.size(); ++g)
    for_each_run(patterns_[g], dst, first, n,
                 [&](std::uint8_t* d, const std::uint8_t* s, std::uint64_t len) { and_bytes(target, d, s, len); });
}

}  // namespace volley::kernels
