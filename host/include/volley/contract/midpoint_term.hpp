#pragma once
// The midpoint-rule term: the one definition that the Highway kernels, the scalar reference
// and CUDA device code share. Term i of a rule of n steps approximates 4 n^2 / (n^2 + m^2)
// with m = i + 1/2, with no division: a reciprocal from the bit pattern (an integer
// subtraction) refined by Newton's steps, all with the same IEEE operations in the same order
// everywhere and no FMA contraction (volley builds with -ffp-contract=off; CUDA code needs
// -fmad=false). Each term is within 10 * 2^-51 of the exact quotient (doc/ALGORITHMS.md,
// section 3), lies within a few units of [2, 4], and is summed exactly as an integer.
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

/// Rules of at least kMidpointGroupSteps steps share one reciprocal among the kMidpointGroup
/// terms of each aligned group [64 g, 64 g + 64): within a group n^2 + m^2 changes by less
/// than 64 / n <= 2^-14 relative, which two Newton steps per term make good to 2^-56.
inline constexpr std::uint64_t kMidpointGroup = 64;
inline constexpr std::uint64_t kMidpointGroupSteps = std::uint64_t{1} << 20;

/// Every scaled term is within this many units (of 2^-51) of the exact 4 n^2 / d * 2^51
/// (doc/ALGORITHMS.md, section 3.1).
inline constexpr std::uint64_t kMidpointTermError = 10;

/// r0 = bits^-1(kReciprocalMagic - bits(d)) is within 5.06% of 1/d for every normal d > 0.
inline constexpr std::uint64_t kReciprocalMagic = 0x7FDE62385024A5EAULL;

VOLLEY_HOST_DEVICE inline std::uint64_t double_bits(double x) noexcept {
#if defined(__CUDA_ARCH__)
  return static_cast<std::uint64_t>(__double_as_longlong(x));
#else
  return std::bit_cast<std::uint64_t>(x);
#endif
}

VOLLEY_HOST_DEVICE inline double bits_double(std::uint64_t bits) noexcept {
#if defined(__CUDA_ARCH__)
  return __longlong_as_double(static_cast<long long>(bits));
#else
  return std::bit_cast<double>(bits);
#endif
}

/// 1/d for a normal d > 0, within 10 units in the last place: the integer first approximation
/// r0 and four Newton steps, r0 (1 + e)(1 + e^2)(1 + e^4)(1 + e^8) with e = 1 - d r0
/// (|e| < 0.0506, so the neglected e^16 is below 2^-68).
VOLLEY_HOST_DEVICE inline double midpoint_reciprocal(double d) noexcept {
  const double r0 = bits_double(kReciprocalMagic - double_bits(d));
  const double e = 1.0 - d * r0;
  const double e2 = e * e;
  const double e4 = e2 * e2;
  return r0 * (((1.0 + e) * (1.0 + e2)) * ((1.0 + e4) * (1.0 + e4 * e4)));
}

/// The constants of a run of `steps` terms: n^2, 4 n^2, and the terms per shared reciprocal.
struct MidpointConstants {
  double nn, four_nn;
  std::uint64_t group;
  VOLLEY_HOST_DEVICE explicit MidpointConstants(std::uint64_t steps) noexcept
      : nn(static_cast<double>(steps) * static_cast<double>(steps)),
        four_nn(4.0 * nn),
        group(steps >= kMidpointGroupSteps ? kMidpointGroup : 1) {}
};

/// A group's shared first approximation: r ~ 1 / (n^2 + b^2) at the group's first midpoint b,
/// and s = 4 n^2 r.
struct MidpointBase {
  double r, s;
};

/// The base of the group that starts at term `first` (a multiple of k.group).
VOLLEY_HOST_DEVICE inline MidpointBase midpoint_base(const MidpointConstants& k, std::uint64_t first) noexcept {
  const double b = static_cast<double>(first) + 0.5;
  const double r = midpoint_reciprocal(k.nn + b * b);
  return {r, k.four_nn * r};
}

/// Term i's bit pattern from its group's base: two Newton steps on d = n^2 + m^2, in factored
/// form, s (1 + e)(1 + e^2) with e = 1 - d r.
VOLLEY_HOST_DEVICE inline std::uint64_t midpoint_term_bits(const MidpointConstants& k, const MidpointBase& base,
                                                           std::uint64_t i) noexcept {
  const double m = static_cast<double>(i) + 0.5;
  const double e = 1.0 - (k.nn + m * m) * base.r;
  return double_bits(base.s * ((1.0 + e) * (1.0 + e * e)));
}

/// Term i scaled by 2^51, as an integer in [2^52 - 4, 2^53 + 4].
VOLLEY_HOST_DEVICE inline std::uint64_t midpoint_scaled_term(const MidpointConstants& k, std::uint64_t i) noexcept {
  return midpoint_term_bits(k, midpoint_base(k, i - i % k.group), i) - kScaledTermBias;
}

}  // namespace volley::contract
