#pragma once
// Midpoint-rule pi kernels: exact integer sums of scaled terms (see volley/midpoint.hpp).
#include <bit>
#include <cstdint>

namespace volley::kernels {

using u128 = unsigned __int128;

// A double t in [2, 4] has exponent 1 or 2, so t * 2^51 is an integer and equals the bit
// pattern of t minus that of 1.0 (exponent bias 0x3FF): scaling is a single subtraction.
inline constexpr std::uint64_t kScaledTermBias = 0x3FF0000000000000ULL;

/// The constants of a run of `steps` terms: n^2 and 4 n^2.
struct MidpointConstants {
  double nn, four_nn;
  explicit MidpointConstants(std::uint64_t steps)
      : nn(static_cast<double>(steps) * static_cast<double>(steps)), four_nn(4.0 * nn) {}
};

/// Term i scaled by 2^51: 4 n^2 / (n^2 + m^2), m = i + 1/2, as an exact integer. The kernels
/// compute the same IEEE operations in the same order, lane by lane.
inline std::uint64_t midpoint_scaled_term(const MidpointConstants& k, std::uint64_t i) {
  const double m = static_cast<double>(i) + 0.5;
  return std::bit_cast<std::uint64_t>(k.four_nn / (k.nn + m * m)) - kScaledTermBias;
}

/// Sum of scaled terms i in [first, last) of a `steps`-term rule, on `target`.
u128 midpoint_scaled_sum(std::int64_t target, std::uint64_t steps, std::uint64_t first,
                         std::uint64_t last);

/// The same sum one term at a time (the oracle).
u128 midpoint_scaled_sum_reference(std::uint64_t steps, std::uint64_t first, std::uint64_t last);

}  // namespace volley::kernels
