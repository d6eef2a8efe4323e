#include <catch2/catch.hpp>

#include <algorithm>
#include <bit>
#include <cmath>
#include <numbers>

#include "volley/monte_carlo.hpp"
#include "volley/targets.hpp"

using namespace volley;

TEST_CASE("every target counts the same hits as the scalar reference") {
  const std::uint64_t sizes[] = {1, 15, 16, 17, 33, 1000, kMonteCarloBlock - 1, kMonteCarloBlock,
                                 kMonteCarloBlock + 1, 2 * kMonteCarloBlock + 12345};
  const std::uint64_t seeds[] = {0, 1, 2, 0xffffffffffffffffULL};
  for (const std::uint64_t seed : seeds) {
    for (const std::uint64_t samples : sizes) {
      const auto expected = monte_carlo_pi_reference(samples, seed);
      for (const Target t : supported_targets()) {
        INFO("target " << t.name() << ", samples " << samples << ", seed " << seed);
        const auto got = monte_carlo_pi(samples, seed, {.threads = 2, .target = t.name()});
        REQUIRE(got.hits == expected.hits);
        REQUIRE(got.samples == samples);
        REQUIRE(std::bit_cast<std::uint64_t>(got.estimate) == std::bit_cast<std::uint64_t>(expected.estimate));
      }
    }
  }
}

TEST_CASE("the stream layout is stable") {
  // Pinned values, the first two computed independently from the layout's description: a
  // change here changes every published result of volley.
  CHECK(monte_carlo_pi_reference(1000, 42).hits == 803);
  CHECK(monte_carlo_pi(100'003, 7).hits == 78'275);
  CHECK(monte_carlo_pi_reference(1'000'000, 42).hits == 785'094);
  CHECK(monte_carlo_pi(1'000'000, 42).hits == 785'094);
  CHECK(monte_carlo_lane_state(0, 0, 0)[0] == 0x2130748aaac80268ULL);
}

TEST_CASE("the hit count does not depend on the thread count") {
  const std::uint64_t samples = 5 * kMonteCarloBlock + 7;
  const auto one = monte_carlo_pi(samples, 9, {.threads = 1});
  for (const unsigned threads : {2u, 3u, 7u}) {
    INFO(threads << " threads");
    CHECK(monte_carlo_pi(samples, 9, {.threads = threads}).hits == one.hits);
  }
}

TEST_CASE("the hit test is exact at the circle's edge") {
  CHECK(monte_carlo_hit(0));                                       // (0, 0)
  CHECK(monte_carlo_hit(0xffffffffULL));                           // (0, 2^32 - 1)
  CHECK(monte_carlo_hit(0xffffffff00000000ULL));                   // (2^32 - 1, 0)
  CHECK_FALSE(monte_carlo_hit(0xffffffffffffffffULL));             // far corner
  // x = y = 3037000499: 2 x^2 = 18446744054288895602 < 2^64; one more is outside.
  CHECK(monte_carlo_hit((3037000499ULL << 32) | 3037000499ULL));
  CHECK_FALSE(monte_carlo_hit((3037000500ULL << 32) | 3037000500ULL));
}

TEST_CASE("nearby seeds, blocks and lanes give unrelated streams") {
  const auto base = monte_carlo_lane_state(1, 0, 0);
  const Xoshiro256pp::State neighbours[] = {monte_carlo_lane_state(2, 0, 0), monte_carlo_lane_state(1, 1, 0),
                                            monte_carlo_lane_state(1, 0, 1), monte_carlo_lane_state(0, 1, 0)};
  for (const auto& other : neighbours) {
    int differing_bits = 0;
    for (int w = 0; w < 4; ++w) differing_bits += std::popcount(base[w] ^ other[w]);
    CHECK(differing_bits > 80);  // about 128 of 256 for unrelated states
    CHECK(differing_bits < 176);
  }
}

TEST_CASE("the estimate lies within 5 standard errors of pi") {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    const auto r = monte_carlo_pi(1'000'000, seed);
    INFO("seed " << seed << ": " << r.estimate << " +- " << r.std_error);
    CHECK(r.std_error > 0.0);
    CHECK(std::abs(r.estimate - std::numbers::pi) < 5 * r.std_error);
  }
}

TEST_CASE("block by block, the public block kernel adds up to monte_carlo_pi") {
  const std::uint64_t samples = 3 * kMonteCarloBlock + 999;
  for (const Target t : supported_targets()) {
    INFO(t.name());
    std::uint64_t hits = 0;
    for (std::uint64_t b = 0; b * kMonteCarloBlock < samples; ++b)
      hits += monte_carlo_block_hits(5, b, std::min(kMonteCarloBlock, samples - b * kMonteCarloBlock), t);
    CHECK(hits == monte_carlo_pi_reference(samples, 5).hits);
  }
  CHECK_THROWS_WITH(monte_carlo_block_hits(5, 0, 0, best_target()), Catch::Contains("samples must be in [1, 2^20]"));
  CHECK_THROWS_WITH(monte_carlo_block_hits(5, 0, kMonteCarloBlock + 1, best_target()), Catch::Contains("got 1048577"));
  CHECK_THROWS_WITH(monte_carlo_block_hits(5, 0, 10, Target{3}), Catch::Contains("not supported"));
}

TEST_CASE("bad Monte Carlo input throws with a message") {
  CHECK_THROWS_WITH(monte_carlo_pi(0, 1), Catch::Contains("samples must be at least 1"));
  CHECK_THROWS_WITH(monte_carlo_pi_reference(0, 1), Catch::Contains("samples must be at least 1"));
  CHECK_THROWS_WITH(monte_carlo_pi(100, 1, {.target = "neon"}), Catch::Contains("unknown target 'neon'"));
  CHECK_THROWS_WITH(monte_carlo_pi(100, 1, {.threads = max_threads() + 1}), Catch::Contains("threads must be at most"));
}
