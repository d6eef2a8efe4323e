#pragma once
// What one GPU thread computes, as plain functions that host code can run too: the tests
// run every thread of a launch on the CPU and hold the sum to the scalar reference, so the
// split of the work is checked on machines without a GPU. kernels/cuda/ launches them.
#include <cstdint>

#include "volley/contract/host_device.hpp"
#include "volley/contract/integer.hpp"
#include "volley/contract/midpoint_term.hpp"
#include "volley/contract/monte_carlo_stream.hpp"
#include "volley/contract/xoshiro_jump.hpp"

namespace volley::kernels::gpu {

/// Steps of one lane's stream in a full block.
inline constexpr std::uint32_t kLaneSteps = contract::kMonteCarloBlock / contract::kMonteCarloLanes;
/// A lane's stream is split over at most this many threads.
inline constexpr std::uint32_t kMaxSplits = 32;

/// One launch of the Monte Carlo kernel: blocks [first_block, first_block + blocks) of a run
/// of `samples` darts. Each lane's stream is split into `splits` (a power of two) pieces of
/// consecutive steps; thread t does piece t % splits of stream t / splits (stream s: lane
/// s % 16 of block first_block + s / 16), starting from the lane's state advanced by
/// jump[piece] (piece * steps_per_split() steps).
struct MonteCarloLaunch {
  std::uint64_t seed, samples, first_block, blocks;
  std::uint32_t splits;
  contract::XoshiroJumpPolynomial jump[kMaxSplits];

  VOLLEY_HOST_DEVICE constexpr std::uint32_t steps_per_split() const noexcept { return kLaneSteps / splits; }
  VOLLEY_HOST_DEVICE constexpr std::uint64_t threads() const noexcept {
    return blocks * contract::kMonteCarloLanes * splits;
  }
};

/// A launch of run (seed, samples) whose streams are split `splits` ways (a power of two up
/// to kMaxSplits), with its jump table; first_block and blocks are the caller's to set.
/// Host code only.
MonteCarloLaunch monte_carlo_launch(std::uint64_t seed, std::uint64_t samples, std::uint32_t splits);

/// Hits of thread t < launch.threads().
VOLLEY_HOST_DEVICE constexpr std::uint32_t monte_carlo_thread_hits(const MonteCarloLaunch& launch,
                                                                   std::uint64_t t) noexcept {
  const std::uint64_t stream = t / launch.splits;
  const auto piece = static_cast<std::uint32_t>(t % launch.splits);
  const auto lane = static_cast<unsigned>(stream % contract::kMonteCarloLanes);
  const std::uint64_t block = launch.first_block + stream / contract::kMonteCarloLanes;
  const std::uint64_t left = launch.samples - block * contract::kMonteCarloBlock;
  const std::uint64_t block_samples = left < contract::kMonteCarloBlock ? left : contract::kMonteCarloBlock;
  // Sample i of the block is step i / 16 of lane i % 16.
  const std::uint64_t lane_steps = block_samples > lane ? contract::ceil_div(block_samples - lane, contract::kMonteCarloLanes) : 0;
  const std::uint64_t begin = std::uint64_t{piece} * launch.steps_per_split();
  const std::uint64_t end = begin + launch.steps_per_split() < lane_steps ? begin + launch.steps_per_split() : lane_steps;
  if (begin >= end) return 0;
  contract::Xoshiro256State state = contract::monte_carlo_lane_state(launch.seed, block, lane);
  if (piece != 0) contract::xoshiro256_jump(state, launch.jump[piece]);
  auto [s0, s1, s2, s3] = state.word;
  std::uint32_t hits = 0;
  for (std::uint64_t step = begin; step < end; ++step) hits += contract::monte_carlo_hit(contract::xoshiro256pp_next(s0, s1, s2, s3));
  return hits;
}

/// Midpoint terms per thread: 1024 terms of at most 2^53 + 4 sum exactly in 64 bits, and
/// a thread's terms are whole groups of contract::kMidpointGroup.
inline constexpr std::uint64_t kMidpointTermsPerThread = 1024;
static_assert(kMidpointTermsPerThread % contract::kMidpointGroup == 0);

/// The scaled terms [first, min(first + kMidpointTermsPerThread, steps)) of a rule of `steps`
/// steps, `first` a multiple of kMidpointTermsPerThread: one base per group.
VOLLEY_HOST_DEVICE inline std::uint64_t midpoint_thread_sum(const contract::MidpointConstants& k, std::uint64_t steps,
                                                            std::uint64_t first) noexcept {
  const std::uint64_t end = steps - first < kMidpointTermsPerThread ? steps : first + kMidpointTermsPerThread;
  std::uint64_t sum = 0;
  contract::MidpointBase base{};
  for (std::uint64_t i = first; i < end; ++i) {
    if (i % k.group == 0) base = contract::midpoint_base(k, i);
    sum += contract::midpoint_term_bits(k, base, i) - contract::kScaledTermBias;
  }
  return sum;
}

}  // namespace volley::kernels::gpu
