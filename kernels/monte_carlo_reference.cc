// The Monte Carlo stream layout written as plainly as possible, with the contract's own
// functions: sample i of the block comes from lane i % 16.
#include "kernels/monte_carlo.h"
#include "volley/contract/monte_carlo_stream.hpp"

namespace volley::kernels {

std::uint64_t monte_carlo_block_hits_reference(std::uint64_t seed, std::uint64_t block,
                                               std::uint64_t samples) {
  using namespace contract;
  Xoshiro256State lanes[kMonteCarloLanes];
  for (unsigned lane = 0; lane < kMonteCarloLanes; ++lane) lanes[lane] = monte_carlo_lane_state(seed, block, lane);
  std::uint64_t hits = 0;
  for (std::uint64_t i = 0; i < samples; ++i) {
    auto& [s] = lanes[i % kMonteCarloLanes];
    hits += monte_carlo_hit(xoshiro256pp_next(s[0], s[1], s[2], s[3]));
  }
  return hits;
}

}  // namespace volley::kernels
