// The Monte Carlo stream layout written as plainly as possible: sample i of the block comes
// from lane i % 16.
#include <vector>

#include "kernels/monte_carlo.h"
#include "volley/monte_carlo.hpp"

namespace volley::kernels {

std::uint64_t monte_carlo_block_hits_reference(std::uint64_t seed, std::uint64_t block,
                                               std::uint64_t samples) {
  std::vector<Xoshiro256pp> lanes;
  lanes.reserve(kMonteCarloLanes);
  for (unsigned lane = 0; lane < kMonteCarloLanes; ++lane)
    lanes.emplace_back(monte_carlo_lane_state(seed, block, lane));
  std::uint64_t hits = 0;
  for (std::uint64_t i = 0; i < samples; ++i) hits += monte_carlo_hit(lanes[i % kMonteCarloLanes].next());
  return hits;
}

}  // namespace volley::kernels
