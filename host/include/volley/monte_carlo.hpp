#pragma once
// Monte Carlo estimate of pi by throwing darts at the unit square.
//
// Stream layout (stable: results are reproducible across versions, targets, threads):
// - samples are cut into blocks of kMonteCarloBlock = 2^20; the last block may be partial;
// - each block has kMonteCarloLanes = 16 logical lanes, each an independent xoshiro256++
//   stream whose state is monte_carlo_lane_state(seed, block, lane);
// - sample i of a block comes from lane i % 16, at step i / 16 of that lane;
// - one 64-bit output w is one dart: x = w >> 32, y = w & 0xffffffff, a hit iff
//   x^2 + y^2 < 2^64, decided exactly in integer arithmetic;
// - pi ~ 4 * hits / samples.
// A target with W 64-bit lanes runs 16 / W vectors per step, so the hit count is the same
// on every target, for every thread count.
#include <cstdint>

#include "volley/run_options.hpp"
#include "volley/xoshiro.hpp"

namespace volley {

inline constexpr std::uint64_t kMonteCarloBlock = std::uint64_t{1} << 20;
inline constexpr unsigned kMonteCarloLanes = 16;

/// State of one lane's stream. Seed, block and lane pass through the SplitMix64 mixer one
/// after another, so nearby seeds, blocks and lanes give unrelated streams; the four words
/// are SplitMix64 outputs of the mixed key and so never all zero.
constexpr Xoshiro256pp::State monte_carlo_lane_state(std::uint64_t seed, std::uint64_t block,
                                                     unsigned lane) noexcept {
  constexpr std::uint64_t kGamma = 0x9e3779b97f4a7c15ULL;
  std::uint64_t key = splitmix64_mix(seed + kGamma);
  key = splitmix64_mix(key + block + kGamma);
  key = splitmix64_mix(key + lane + kGamma);
  SplitMix64 sm{key};
  return {sm.next(), sm.next(), sm.next(), sm.next()};
}

/// Whether the dart of output w lands inside the quarter circle (exact).
constexpr bool monte_carlo_hit(std::uint64_t w) noexcept {
  const std::uint64_t x = w >> 32, y = w & 0xffffffffULL;
  return y * y <= ~(x * x);  // x^2 + y^2 < 2^64 without overflow
}

struct MonteCarloResult {
  std::uint64_t hits;
  std::uint64_t samples;
  double estimate;   ///< 4 * hits / samples
  double std_error;  ///< 4 * sqrt(p (1 - p) / samples), p = hits / samples
};

/// Throws `samples` darts from the streams of `seed`. O(samples) time, O(threads) memory.
/// Throws std::invalid_argument for samples == 0, an unknown or unsupported target, or too
/// many threads.
MonteCarloResult monte_carlo_pi(std::uint64_t samples, std::uint64_t seed, const RunOptions& opts = {});

/// The same count from the plain scalar reference (no SIMD, one thread): the test oracle.
MonteCarloResult monte_carlo_pi_reference(std::uint64_t samples, std::uint64_t seed);

}  // namespace volley
