// Deterministic Miller-Rabin for 64-bit integers, with Montgomery multiplication.
#include <array>

#include "volley/primes.hpp"

namespace volley {
namespace {

using u128 = unsigned __int128;

// Arithmetic modulo an odd n in Montgomery form (x represented as x * 2^64 mod n).
class Montgomery {
 public:
  explicit Montgomery(std::uint64_t n) : n_(n), inv_(inverse(n)), one_((-n) % n), minus_one_(n - one_) {}

  std::uint64_t to_form(std::uint64_t x) const { return static_cast<std::uint64_t>((static_cast<u128>(x) << 64) % n_); }
  std::uint64_t multiply(std::uint64_t a, std::uint64_t b) const { return reduce(static_cast<u128>(a) * b); }
  std::uint64_t one() const { return one_; }
  std::uint64_t minus_one() const { return minus_one_; }

  std::uint64_t power(std::uint64_t base, std::uint64_t exponent) const {
    std::uint64_t result = one_;
    for (; exponent; exponent >>= 1) {
      if (exponent & 1) result = multiply(result, base);
      base = multiply(base, base);
    }
    return result;
  }

 private:
  // n^-1 mod 2^64 by Newton's iteration: each step doubles the correct low bits.
  static std::uint64_t inverse(std::uint64_t n) {
    std::uint64_t x = n;  // correct to 3 bits for odd n
    for (int i = 0; i < 5; ++i) x *= 2 - n * x;
    return x;
  }
  // t / 2^64 mod n, for t < n * 2^64.
  std::uint64_t reduce(u128 t) const {
    const auto low = static_cast<std::uint64_t>(t), high = static_cast<std::uint64_t>(t >> 64);
    const auto mn_high = static_cast<std::uint64_t>((static_cast<u128>(low * inv_) * n_) >> 64);
    return high >= mn_high ? high - mn_high : high - mn_high + n_;
  }

  std::uint64_t n_, inv_, one_, minus_one_;
};

// Whether odd n > 2 passes the strong probable-prime test to `base`.
bool strong_probable_prime(const Montgomery& m, std::uint64_t n, std::uint64_t base) {
  base %= n;
  if (base == 0) return true;
  std::uint64_t d = n - 1;
  int s = 0;
  for (; (d & 1) == 0; d >>= 1) ++s;
  std::uint64_t x = m.power(m.to_form(base), d);
  if (x == m.one() || x == m.minus_one()) return true;
  for (int r = 1; r < s; ++r) {
    x = m.multiply(x, x);
    if (x == m.minus_one()) return true;
  }
  return false;
}

constexpr std::array<std::uint32_t, 15> kSmallPrimes{2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47};

}  // namespace

bool is_prime(std::uint64_t n) noexcept {
  for (const std::uint32_t p : kSmallPrimes) {
    if (n == p) return true;
    if (n % p == 0) return false;
  }
  if (n < 53 * 53) return n > 1;
  const Montgomery m(n);
  // Bases proven sufficient: {2, 7, 61} below 4759123141 (Jaeschke), and Sinclair's seven
  // bases for every 64-bit n.
  if (n < 4'759'123'141ULL) {
    for (const std::uint64_t base : {2, 7, 61})
      if (!strong_probable_prime(m, n, base)) return false;
    return true;
  }
  for (const std::uint64_t base : {2ULL, 325ULL, 9375ULL, 28178ULL, 450775ULL, 9780504ULL, 1795265022ULL})
    if (!strong_probable_prime(m, n, base)) return false;
  return true;
}

bool is_prime_trial_division(std::uint64_t n) noexcept {
  if (n < 2) return false;
  if (n % 2 == 0) return n == 2;
  for (std::uint64_t d = 3; d <= n / d; d += 2)
    if (n % d == 0) return false;
  return true;
}

}  // namespace volley
