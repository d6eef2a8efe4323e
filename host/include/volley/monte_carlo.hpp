#pragma once
// Monte Carlo estimate of pi by throwing darts at the unit square.
//
// Stream layout (stable: results are reproducible across versions, targets, threads; defined
// in volley/contract/monte_carlo_stream.hpp):
// - samples are cut into blocks of kMonteCarloBlock = 2^20; the last block may be partial;
// - each block has kMonteCarloLanes = 16 logical lanes, each an independent xoshiro256++
//   stream whose state is monte_carlo_lane_state(seed, block, lane);
// - sample i of a block comes from lane i % 16, at step i / 16 of that lane;
// - one 64-bit output w is one dart: x = w >> 32, y = w & 0xffffffff, a hit iff
//   x^2 + y^2 < 2^64, decided exactly in integer arithmetic;
// - pi ~ 4 * hits / samples.
// A target with W 64-bit lanes holds the 16 lanes in 16 / W vectors, and the hit count is a
// sum over lanes and blocks, so it is the same on every target, for every thread count.
#include "volley/contract/cxx20.hpp"
#include "volley/export.hpp"

#include <cstdint>

#include "volley/contract/monte_carlo_stream.hpp"
#include "volley/run_options.hpp"
#include "volley/targets.hpp"
#include "volley/xoshiro.hpp"

namespace volley {

inline constexpr std::uint64_t kMonteCarloBlock = contract::kMonteCarloBlock;
inline constexpr unsigned kMonteCarloLanes = contract::kMonteCarloLanes;

/// State of one lane's stream (see contract::monte_carlo_lane_state): seed, block and lane
/// mixed so that nearby ones give unrelated streams; never all zero.
constexpr Xoshiro256pp::State monte_carlo_lane_state(std::uint64_t seed, std::uint64_t block,
                                                     unsigned lane) noexcept {
  const auto [word] = contract::monte_carlo_lane_state(seed, block, lane);
  return {word[0], word[1], word[2], word[3]};
}

/// Whether the dart of output w lands inside the quarter circle (exact).
using contract::monte_carlo_hit;

struct MonteCarloResult {
  std::uint64_t hits;
  std::uint64_t samples;
  double estimate;   ///< 4 * hits / samples
  double std_error;  ///< 4 * sqrt(p (1 - p) / samples), p = hits / samples
};

/// Throws `samples` darts from the streams of `seed`. O(samples) time, O(threads) memory.
/// Throws std::invalid_argument for samples == 0, an unknown or unsupported target, or too
/// many threads.
VOLLEY_API MonteCarloResult monte_carlo_pi(std::uint64_t samples, std::uint64_t seed, const RunOptions& opts = {});

/// Hits among the first `samples` darts (1 <= samples <= kMonteCarloBlock) of block `block`
/// of the streams of `seed`, on `target`, on the calling thread: the unit of work that
/// monte_carlo_pi spreads over threads, for callers that spread blocks themselves. Throws
/// std::invalid_argument for samples outside [1, kMonteCarloBlock] or a target this CPU
/// does not run.
VOLLEY_API std::uint64_t monte_carlo_block_hits(std::uint64_t seed, std::uint64_t block, std::uint64_t samples, Target target);

/// The same count from the plain scalar reference (no SIMD, one thread): the test oracle.
VOLLEY_API MonteCarloResult monte_carlo_pi_reference(std::uint64_t samples, std::uint64_t seed);

}  // namespace volley
