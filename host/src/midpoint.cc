#include "volley/midpoint.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "host/src/partial_sums.hpp"
#include "kernels/gpu.h"
#include "kernels/midpoint.h"
#include "volley/contract/integer.hpp"
#include "volley/gpu.hpp"
#include "volley/pool.hpp"
#include "volley/targets.hpp"

namespace volley {

using contract::u128;

std::uint64_t detail::midpoint_blocks(std::uint64_t steps) {
  if (steps == 0) throw std::invalid_argument("midpoint_pi: steps must be at least 1");
  if (steps > kMidpointMaxSteps)
    throw std::invalid_argument("midpoint_pi: steps must be at most 2^52 = " +
                                std::to_string(kMidpointMaxSteps) + ", got " + std::to_string(steps));
  return contract::ceil_div(steps, kMidpointBlock);
}

// pi ~ (sum / 2^51) / n: the integer quotient sum / n lies in [2^52, 2^53), so it is exact
// as a double with unit spacing, and adding the fraction remainder / n rounds it to nearest.
// (remainder / n is itself rounded, so a fraction within about 2^-53 of one half may round
// either way, but the same way on every target: the sum is exact before it.)
double detail::midpoint_finish(u128 scaled_sum, std::uint64_t steps) {
  const auto quotient = static_cast<std::uint64_t>(scaled_sum / steps);
  const auto remainder = static_cast<std::uint64_t>(scaled_sum % steps);
  const double value = static_cast<double>(quotient) +
                       static_cast<double>(remainder) / static_cast<double>(steps);
  return std::ldexp(value, -51);
}

u128 detail::midpoint_sum(std::uint64_t steps, std::uint64_t first, std::uint64_t last, const RunOptions& opts) {
  const Target target = resolve_target(opts.target);
  return Pool(opts.threads).map_reduce(last - first, [&](std::uint64_t i) {
    const std::uint64_t begin = (first + i) * kMidpointBlock;
    return kernels::midpoint_scaled_sum(target.bit, steps, begin, std::min(steps, begin + kMidpointBlock));
  }, std::plus<>(), u128{0}, {.stop = opts.stop, .progress = opts.progress});
}

double midpoint_pi(std::uint64_t steps, const RunOptions& opts) {
  const std::uint64_t blocks = detail::midpoint_blocks(steps);
  if (is_gpu_target(opts.target)) {
    const u128 sum = kernels::gpu::midpoint_scaled_sum(resolve_gpu(opts.target), steps, opts.stop);
    throw_if_stopped(opts.stop);
    return detail::midpoint_finish(sum, steps);
  }
  return detail::midpoint_finish(detail::midpoint_sum(steps, 0, blocks, opts), steps);
}

double midpoint_pi_reference(std::uint64_t steps) {
  detail::midpoint_blocks(steps);
  return detail::midpoint_finish(kernels::midpoint_scaled_sum_reference(steps, 0, steps), steps);
}

}  // namespace volley
