#pragma once
// The midpoint-rule term: the one definition that the Highway kernels, the scalar reference
// and CUDA device code share. Term i of a rule of n steps is 4 n^2 / (n^2 + m^2) with
// m = i + 1/2: the same IEEE operations in the same order everywhere, with no FMA
// contraction (volley builds with -ffp-contract=off; CUDA code needs -fmad=false). Every term
// lies in [2, 4], so term * 2^51 is an integer, and the terms are summed exactly.
#include "volley/contract/cxx20.hpp"

#include <bit>
#include <cstdint>

#include "volley/contract/host_device.hpp"

namespace volley::contract {

/// Largest step count: every midpoint i + 1/2 must be exact in a double.
inline constexpr std::uint64_t kMidpointMaxSteps = std::uint64_t{1} << 52;

/// A double t in [2, 4] has exponent 1 or 2, so t * 2^51 is an integer and equals the bit
/// pattern of t minus that of 1.0 (exponent bias 0x3FF): scaling is a single subtraction.
inline constexpr std::uint64_t kScaledTermBias = 0x3FF0000000000000ULL;

VOLLEY_HOST_DEVICE inline std::uint64_t double_bits(double x) noexcept {
#if defined(__CUDA_ARCH__)
  return static_cast<std::uint64_t>(__double_as_longlong(x));
#else
  return std::bit_cast<std::uint64_t>(x);
#endif
}

/// The constants of a run of `steps` terms: n^2 and 4 n^2.
struct MidpointConstants {
  double nn, four_nn;
  VOLLEY_HOST_DEVICE explicit MidpointConstants(std::uint64_t steps) noexcept
      : nn(static_cast<double>(steps) * static_cast<double>(steps)), four_nn(4.0 * nn) {}
};

/// Term i scaled by 2^51, as an exact integer in [2^52, 2^53].
VOLLEY_HOST_DEVICE inline std::uint64_t midpoint_scaled_term(const MidpointConstants& k, std::uint64_t i) noexcept {
  const double m = static_cast<double>(i) + 0.5;
  return double_bits(k.four_nn / (k.nn + m * m)) - kScaledTermBias;
}

}  // namespace volley::contract
