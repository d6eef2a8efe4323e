#pragma once
// Midpoint-rule pi kernels: exact integer sums of the scaled terms of
// volley/contract/midpoint_term.hpp.
#include <cstdint>

#include "volley/contract/integer.hpp"

namespace volley::kernels {

using contract::u128;

/// Sum of scaled terms i in [first, last) of a `steps`-term rule, on `target`.
u128 midpoint_scaled_sum(std::int64_t target, std::uint64_t steps, std::uint64_t first, std::uint64_t last);

/// The same sum one term at a time (the oracle).
u128 midpoint_scaled_sum_reference(std::uint64_t steps, std::uint64_t first, std::uint64_t last);

}  // namespace volley::kernels
