#include "kernels/gpu_work.h"

#include <bit>
#include <stdexcept>

#include "kernels/xoshiro_jump.h"

namespace volley::kernels::gpu {

MonteCarloLaunch monte_carlo_launch(std::uint64_t seed, std::uint64_t samples, std::uint32_t splits) {
  if (!std::has_single_bit(splits) || splits > kMaxSplits)
    throw std::invalid_argument("monte_carlo_launch: splits must be a power of two up to 32");
  MonteCarloLaunch launch{seed, samples, 0, 0, splits, {}};
  for (std::uint32_t piece = 0; piece < splits; ++piece)
    launch.jump[piece] = xoshiro_jump_polynomial(std::uint64_t{piece} * launch.steps_per_split());
  return launch;
}

}  // namespace volley::kernels::gpu
