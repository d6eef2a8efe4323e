#include "volley/midpoint.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "kernels/gpu.h"
#include "kernels/midpoint.h"
#include "volley/contract/integer.hpp"
#include "volley/gpu.hpp"
#include "volley/pool.hpp"
#include "volley/targets.hpp"

namespace volley {
namespace {

using contract::u128;

void check_steps(std::uint64_t steps) {
  if (steps == 0) throw std::invalid_argument("midpoint_pi: steps must be at least 1");
  if (steps > kMidpointMaxSteps)
    throw std::invalid_argument("midpoint_pi: steps must be at most 2^52 = " +
                                std::to_string(kMidpointMaxSteps) + ", got " + std::to_string(steps));
}

// pi ~ (sum / 2^51) / n: the integer quotient sum / n lies in [2^52, 2^53), so it is exact
// as a double with unit spacing, and adding the fraction remainder / n rounds it to nearest.
// (remainder / n is itself rounded, so a fraction within about 2^-53 of one half may round
// either way, but the same way on every target: the sum is exact before it.)
double finish(u128 scaled_sum, std::uint64_t steps) {
  const auto quotient = static_cast<std::uint64_t>(scaled_sum / steps);
  const auto remainder = static_cast<std::uint64_t>(scaled_sum % steps);
  const double value = static_cast<double>(quotient) +
                       static_cast<double>(remainder) / static_cast<double>(steps);
  return std::ldexp(value, -51);
}

}  // namespace

double midpoint_pi(std::uint64_t steps, const RunOptions& opts) {
  check_steps(steps);
  if (is_gpu_target(opts.target)) {
    const u128 sum = kernels::gpu::midpoint_scaled_sum(resolve_gpu(opts.target), steps, opts.stop);
    throw_if_stopped(opts.stop);
    return finish(sum, steps);
  }
  const Target target = resolve_target(opts.target);
  const std::uint64_t blocks = contract::ceil_div(steps, kMidpointBlock);
  const u128 sum = Pool(opts.threads).map_reduce(blocks, [&](std::uint64_t block) {
    const std::uint64_t first = block * kMidpointBlock;
    return kernels::midpoint_scaled_sum(target.bit, steps, first, std::min(steps, first + kMidpointBlock));
  }, std::plus<>(), u128{0}, {.stop = opts.stop});
  return finish(sum, steps);
}

double midpoint_pi_reference(std::uint64_t steps) {
  check_steps(steps);
  return finish(kernels::midpoint_scaled_sum_reference(steps, 0, steps), steps);
}

}  // namespace volley
