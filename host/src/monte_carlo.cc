#include "volley/monte_carlo.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "host/src/partial_sums.hpp"
#include "kernels/gpu.h"
#include "kernels/monte_carlo.h"
#include "volley/contract/integer.hpp"
#include "volley/gpu.hpp"
#include "volley/pool.hpp"
#include "volley/targets.hpp"

namespace volley {
namespace {

std::uint64_t samples_in_block(std::uint64_t samples, std::uint64_t block) {
  return std::min(kMonteCarloBlock, samples - block * kMonteCarloBlock);
}

}  // namespace

std::uint64_t detail::monte_carlo_blocks(std::uint64_t samples) {
  if (samples == 0) throw std::invalid_argument("monte_carlo_pi: samples must be at least 1");
  return contract::ceil_div(samples, kMonteCarloBlock);
}

std::uint64_t detail::monte_carlo_hits(std::uint64_t samples, std::uint64_t seed, std::uint64_t first,
                                       std::uint64_t last, const RunOptions& opts) {
  const Target target = resolve_target(opts.target);
  return Pool(opts.threads).map_reduce(last - first, [&](std::uint64_t i) {
    return kernels::monte_carlo_block_hits(target.bit, seed, first + i, samples_in_block(samples, first + i));
  }, std::plus<>(), std::uint64_t{0}, {.stop = opts.stop, .progress = opts.progress});
}

MonteCarloResult detail::monte_carlo_result(std::uint64_t hits, std::uint64_t samples) {
  const double n = static_cast<double>(samples);
  const double p = static_cast<double>(hits) / n;
  return {hits, samples, 4.0 * p, 4.0 * std::sqrt(p * (1.0 - p) / n)};
}

MonteCarloResult monte_carlo_pi(std::uint64_t samples, std::uint64_t seed, const RunOptions& opts) {
  const std::uint64_t blocks = detail::monte_carlo_blocks(samples);
  if (is_gpu_target(opts.target)) {
    const std::uint64_t hits = kernels::gpu::monte_carlo_hits(resolve_gpu(opts.target), seed, samples, opts.stop);
    throw_if_stopped(opts.stop);
    return detail::monte_carlo_result(hits, samples);
  }
  return detail::monte_carlo_result(detail::monte_carlo_hits(samples, seed, 0, blocks, opts), samples);
}

std::uint64_t monte_carlo_block_hits(std::uint64_t seed, std::uint64_t block, std::uint64_t samples, Target target) {
  if (samples == 0 || samples > kMonteCarloBlock)
    throw std::invalid_argument("monte_carlo_block_hits: samples must be in [1, 2^20], got " + std::to_string(samples));
  if (!is_supported(target)) throw std::invalid_argument("monte_carlo_block_hits: target not supported by this CPU");
  return kernels::monte_carlo_block_hits(target.bit, seed, block, samples);
}

MonteCarloResult monte_carlo_pi_reference(std::uint64_t samples, std::uint64_t seed) {
  const std::uint64_t blocks = detail::monte_carlo_blocks(samples);
  std::uint64_t hits = 0;
  for (std::uint64_t block = 0; block < blocks; ++block)
    hits += kernels::monte_carlo_block_hits_reference(seed, block, samples_in_block(samples, block));
  return detail::monte_carlo_result(hits, samples);
}

}  // namespace volley
