#include "kernels/midpoint.h"
#include "volley/contract/midpoint_term.hpp"

namespace volley::kernels {

u128 midpoint_scaled_sum_reference(std::uint64_t steps, std::uint64_t first, std::uint64_t last) {
  const contract::MidpointConstants k(steps);
  u128 sum = 0;
  for (std::uint64_t i = first; i < last; ++i) sum += contract::midpoint_scaled_term(k, i);
  return sum;
}

}  // namespace volley::kernels
