#pragma once
// Midpoint-rule pi: the integral of 4 / (1 + x^2) over [0, 1] with `steps` rectangles.
//
// Term i is 4 n^2 / (n^2 + m^2) with m = i + 1/2 (volley/contract/midpoint_term.hpp), the
// value of 4 / (1 + x^2) at x = m / n with one IEEE division instead of two, in a fixed order
// and without FMA. Every term lies in [2, 4], so term * 2^51 is an integer below 2^53 + 1:
// the terms are summed exactly in integers and the sum is rounded once, so the result is
// bit-identical on every target and thread count (and more accurate than a float sum).
#include "volley/contract/cxx20.hpp"
#include "volley/export.hpp"

#include <cstdint>

#include "volley/contract/midpoint_term.hpp"
#include "volley/run_options.hpp"

namespace volley {

/// Largest accepted step count: every midpoint i + 1/2 must be exact in a double.
inline constexpr std::uint64_t kMidpointMaxSteps = contract::kMidpointMaxSteps;
inline constexpr std::uint64_t kMidpointBlock = std::uint64_t{1} << 20;

/// Midpoint-rule estimate of pi. O(steps) time, O(threads) memory. Throws
/// std::invalid_argument for steps == 0 or steps > kMidpointMaxSteps, an unknown or
/// unsupported target, or too many threads.
VOLLEY_API double midpoint_pi(std::uint64_t steps, const RunOptions& opts = {});

/// The same sum from the plain scalar reference (one thread): the test oracle.
VOLLEY_API double midpoint_pi_reference(std::uint64_t steps);

}  // namespace volley
