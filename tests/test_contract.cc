// The contract headers: the definitions that host code, Highway kernels and CUDA device code
// share. Exact answers come from plain integer arithmetic and from trial division.
#include <catch2/catch.hpp>

#include <bit>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include "volley/contract/integer.hpp"
#include "volley/contract/midpoint_term.hpp"
#include "volley/contract/miller_rabin.hpp"
#include "volley/contract/monte_carlo_stream.hpp"
#include "volley/contract/montgomery.hpp"
#include "volley/primes.hpp"
#include "volley/xoshiro.hpp"

using namespace volley::contract;

namespace {
constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();

// Whether |a - 2^shift num / den| <= units, decided exactly in integers (a < 2^54; num and den
// positive doubles).
bool within_units(std::uint64_t a, int shift, double num, double den, std::uint64_t units) {
  int num_exponent = 0, den_exponent = 0;
  const auto n = static_cast<u128>(std::ldexp(std::frexp(num, &num_exponent), 53));
  const auto d = static_cast<u128>(std::ldexp(std::frexp(den, &den_exponent), 53));
  const int s = shift + num_exponent - den_exponent;  // 2^shift num / den = 2^s n / d
  REQUIRE(s >= 0);
  REQUIRE(s < 72);
  const u128 lhs = u128{a} * d, rhs = n << s;
  return (lhs > rhs ? lhs - rhs : rhs - lhs) <= u128{units} * d;
}
}  // namespace

// Usable in constant expressions, as CUDA device code and compile-time tables need them.
static_assert(ceil_div(10, 5) == 2 && ceil_div(11, 5) == 3 && ceil_div(0, 7) == 0);
static_assert(isqrt(99) == 9 && isqrt(100) == 10);
static_assert(newton_inverse<32>(std::uint32_t{3}) * 3u == 1u);
static_assert(monte_carlo_lane_state(0, 0, 0).word[0] == 0x2130748aaac80268ULL);
static_assert(miller_rabin(4'294'967'291ULL) && !miller_rabin(3'215'031'751ULL));

TEST_CASE("ceil_div has no overflow near 2^64") {
  CHECK(ceil_div(kMax, 1) == kMax);
  CHECK(ceil_div(kMax, 2) == std::uint64_t{1} << 63);
  CHECK(ceil_div(kMax, kMax) == 1);
  CHECK(ceil_div(kMax - 1, kMax) == 1);
  CHECK(ceil_div(1, kMax) == 1);
}

TEST_CASE("isqrt is the exact floor of the square root") {
  for (std::uint64_t n = 0; n < 100'000; ++n) {
    const std::uint64_t r = isqrt(n);
    REQUIRE(r * r <= n);
    REQUIRE((r + 1) * (r + 1) > n);
  }
  constexpr std::uint64_t kLargestRoot = 0xffffffffULL;  // (2^32 - 1)^2 <= 2^64 - 1 < 2^64
  CHECK(isqrt(kMax) == kLargestRoot);
  CHECK(isqrt(kLargestRoot * kLargestRoot) == kLargestRoot);
  CHECK(isqrt(kLargestRoot * kLargestRoot - 1) == kLargestRoot - 1);
  std::mt19937_64 rng(2);
  for (int i = 0; i < 100'000; ++i) {
    const std::uint64_t n = rng() >> (rng() % 64);
    const u128 r = isqrt(n);
    REQUIRE(r * r <= n);
    REQUIRE((r + 1) * (r + 1) > n);
  }
}

TEST_CASE("newton_inverse inverts odd numbers modulo 2^32 and 2^64") {
  std::mt19937_64 rng(3);
  for (int i = 0; i < 10'000; ++i) {
    const std::uint64_t n = rng() | 1;
    REQUIRE(n * newton_inverse<64>(n) == 1);
    const auto n32 = static_cast<std::uint32_t>(n);
    REQUIRE(static_cast<std::uint32_t>(n32 * newton_inverse<32>(n32)) == 1u);
  }
  CHECK(newton_steps(32) == 4);
  CHECK(newton_steps(64) == 5);
}

TEST_CASE("Montgomery multiplication equals multiplication modulo n") {
  std::mt19937_64 rng(4);
  for (int i = 0; i < 10'000; ++i) {
    const std::uint64_t n = (rng() >> (rng() % 62)) | 1;
    if (n < 3) continue;
    const std::uint64_t a = rng() % n, b = rng() % n;
    const Montgomery64 m(n);
    INFO("n " << n << ", a " << a << ", b " << b);
    REQUIRE(m.multiply(m.to_form(a), m.to_form(b)) == m.to_form(static_cast<std::uint64_t>(u128{a} * b % n)));
    REQUIRE(m.one() == m.to_form(1));
    REQUIRE(m.minus_one() == m.to_form(n - 1));
  }
}

TEST_CASE("the contract's Miller-Rabin agrees with trial division") {
  for (std::uint64_t n = 63; n < 300'000; n += 2) REQUIRE(miller_rabin(n) == volley::is_prime_trial_division(n));
  for (std::uint64_t n = 4'759'123'141ULL - 201; n < 4'759'123'141ULL + 201; n += 2)  // across the base switch
    REQUIRE(miller_rabin(n) == volley::is_prime_trial_division(n));
  for (const std::uint64_t spsp : {3215031751ULL, 2152302898747ULL, 3474749660383ULL, 341550071728321ULL,
                                   3825123056546413051ULL})
    CHECK_FALSE(miller_rabin(spsp));
  CHECK(miller_rabin(kMax - 58));  // 2^64 - 59, the largest 64-bit prime
}

TEST_CASE("the contract's xoshiro step is xoshiro256++") {
  volley::Xoshiro256pp reference({1, 2, 3, 4});
  std::uint64_t s0 = 1, s1 = 2, s2 = 3, s3 = 4;
  for (int i = 0; i < 1000; ++i) REQUIRE(xoshiro256pp_next(s0, s1, s2, s3) == reference.next());
  CHECK(rotl64(0x8000000000000001ULL, 1) == 3);
}

TEST_CASE("a scaled midpoint term is within 10 units of the exact quotient times 2^51") {
  std::mt19937_64 random(17);
  for (const std::uint64_t steps : {std::uint64_t{1}, std::uint64_t{3}, std::uint64_t{1000}, kMidpointGroupSteps - 1,
                                    kMidpointGroupSteps, kMidpointGroupSteps + 1, std::uint64_t{1'000'000'007},
                                    kMidpointMaxSteps - 1, kMidpointMaxSteps}) {
    const MidpointConstants k(steps);
    CHECK(k.group == (steps >= kMidpointGroupSteps ? kMidpointGroup : 1));
    std::vector<std::uint64_t> terms = {0, 1, 63, 64, 65, steps / 2, steps - 2, steps - 1};
    for (int j = 0; j < 20'000; ++j) terms.push_back(random() % steps);
    for (const std::uint64_t i : terms) {
      if (i >= steps) continue;
      const double m = static_cast<double>(i) + 0.5;
      const std::uint64_t scaled = midpoint_scaled_term(k, i);
      INFO("steps " << steps << ", term " << i << ", scaled " << scaled);
      REQUIRE(within_units(scaled, 51, k.four_nn, k.nn + m * m, kMidpointTermError));
      REQUIRE(scaled >= (std::uint64_t{1} << 52) - 4);
      REQUIRE(scaled <= (std::uint64_t{1} << 53) + 4);
    }
  }
}

TEST_CASE("the midpoint reciprocal is within 10 units in the last place of 1/d") {
  std::mt19937_64 random(5);
  std::uniform_real_distribution<double> mantissa(1.0, 2.0);
  for (int j = 0; j < 200'000; ++j) {
    const double d = std::ldexp(j < 2 ? 1.0 + j : mantissa(random), static_cast<int>(random() % 106));
    int exponent = 0;
    const auto bits53 = static_cast<std::uint64_t>(std::ldexp(std::frexp(midpoint_reciprocal(d), &exponent), 53));
    INFO("d " << d);
    REQUIRE(within_units(bits53, 53 - exponent, 1.0, d, 10));  // 6 seen; nine roundings of < 2^-53
  }
}
