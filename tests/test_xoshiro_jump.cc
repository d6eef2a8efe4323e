// Jumps of any distance in an xoshiro256 stream, held against stepping one step at a time and
// against the published jump constants of xoshiro256++.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <utility>

#include "kernels/xoshiro_jump.h"
#include "volley/contract/monte_carlo_stream.hpp"
#include "volley/contract/xoshiro_jump.hpp"

using namespace volley::contract;
using volley::kernels::xoshiro_jump_polynomial;
using volley::kernels::xoshiro_jump_polynomial_pow2;

namespace {

bool same(const Xoshiro256State& a, const Xoshiro256State& b) { return std::equal(a.word, a.word + 4, b.word); }
bool same(const XoshiroJumpPolynomial& a, const XoshiroJumpPolynomial& b) {
  return std::equal(a.word, a.word + 4, b.word);
}

std::uint64_t next(Xoshiro256State& s) { return xoshiro256pp_next(s.word[0], s.word[1], s.word[2], s.word[3]); }

Xoshiro256State jumped(Xoshiro256State s, std::uint64_t steps) {
  xoshiro256_jump(s, xoshiro_jump_polynomial(steps));
  return s;
}

// The polynomial x advances one step; usable in constant expressions.
constexpr Xoshiro256State kOneStep = [] {
  Xoshiro256State s{{1, 2, 3, 4}};
  xoshiro256_jump(s, XoshiroJumpPolynomial{{2, 0, 0, 0}});
  return s;
}();
static_assert(kOneStep.word[0] == 7 && kOneStep.word[1] == 0 && kOneStep.word[2] == 0x40002 &&
              kOneStep.word[3] == 0xc00000000000);

}  // namespace

TEST_CASE("xoshiro jump polynomials of 2^128 and 2^192 steps are the published constants", "[xoshiro_jump]") {
  CHECK(same(xoshiro_jump_polynomial_pow2(128), XoshiroJumpPolynomial{{0x180ec6d33cfd0abaULL, 0xd5a61266f0c9392cULL,
                                                                       0xa9582618e03fc9aaULL, 0x39abdc4529b1661cULL}}));
  CHECK(same(xoshiro_jump_polynomial_pow2(192), XoshiroJumpPolynomial{{0x76e15d3efefdcbbfULL, 0xc5004e441c522fb3ULL,
                                                                       0x77710069854ee241ULL, 0x39109bb02acbe635ULL}}));
  // Small distances are x^steps itself; below 2^64 both functions agree.
  CHECK(same(xoshiro_jump_polynomial(0), XoshiroJumpPolynomial{{1, 0, 0, 0}}));
  CHECK(same(xoshiro_jump_polynomial(1), XoshiroJumpPolynomial{{2, 0, 0, 0}}));
  CHECK(same(xoshiro_jump_polynomial(255), XoshiroJumpPolynomial{{0, 0, 0, std::uint64_t{1} << 63}}));
  for (unsigned k = 0; k < 64; ++k) {
    INFO("k = " << k);
    CHECK(same(xoshiro_jump_polynomial_pow2(k), xoshiro_jump_polynomial(std::uint64_t{1} << k)));
  }
}

TEST_CASE("xoshiro jumps equal stepping the same number of times", "[xoshiro_jump]") {
  const std::uint64_t distances[] = {0, 1, 2, 3, 255, 256, 257, 1000, 4096, 65535, 65536, 1'000'003};
  const std::pair<std::uint64_t, unsigned> streams[] = {{0, 0}, {1, 5}, {0x243f6a8885a308d3ULL, 15}};
  for (const auto& [seed, lane] : streams) {
    const Xoshiro256State start = monte_carlo_lane_state(seed, 7, lane);
    Xoshiro256State stepped = start;
    std::uint64_t position = 0;
    for (const std::uint64_t steps : distances) {
      for (; position < steps; ++position) next(stepped);
      INFO("seed " << seed << ", lane " << lane << ", " << steps << " steps");
      Xoshiro256State jump = jumped(start, steps);
      REQUIRE(same(jump, stepped));
      Xoshiro256State reference = stepped;
      for (int i = 0; i < 8; ++i) CHECK(next(jump) == next(reference));
    }
  }
}

TEST_CASE("xoshiro jumps compose: a then b is a + b", "[xoshiro_jump]") {
  constexpr std::uint64_t kTwo63 = std::uint64_t{1} << 63;
  const std::pair<std::uint64_t, std::uint64_t> pairs[] = {
      {3, 4}, {1000, 4096}, {(std::uint64_t{1} << 40) + 5, kTwo63}, {kTwo63 + 17, (std::uint64_t{1} << 62) + 3},
      {~std::uint64_t{0}, 0}, {1, ~std::uint64_t{0} - 1}};
  const Xoshiro256State start = monte_carlo_lane_state(42, 3, 9);
  for (const auto& [a, b] : pairs) {
    INFO(a << " then " << b);
    CHECK(same(jumped(jumped(start, a), b), jumped(start, a + b)));
    CHECK(same(jumped(jumped(start, b), a), jumped(start, a + b)));
  }
  // Past 2^64: 2^63 twice, and 2^64 - 1 steps and one more, are the jump of 2^64.
  Xoshiro256State two64 = start;
  xoshiro256_jump(two64, xoshiro_jump_polynomial_pow2(64));
  CHECK(same(jumped(jumped(start, kTwo63), kTwo63), two64));
  CHECK(same(jumped(jumped(start, ~std::uint64_t{0}), 1), two64));
  CHECK_FALSE(same(two64, start));
}
