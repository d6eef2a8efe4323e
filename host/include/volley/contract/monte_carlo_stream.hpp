#pragma once
// The Monte Carlo stream layout: the one definition that the Highway kernels, the scalar
// reference, the host and CUDA device code share. It is stable: it fixes every published
// result of volley.
// - samples are cut into blocks of kMonteCarloBlock = 2^20; the last block may be partial;
// - each block has kMonteCarloLanes = 16 logical lanes, each an xoshiro256++ stream whose
//   state is monte_carlo_lane_state(seed, block, lane);
// - sample i of a block comes from lane i % 16, at step i / 16 of that lane;
// - one 64-bit output w is one dart: x = w >> 32, y = w & 0xffffffff, a hit iff
//   x^2 + y^2 < 2^64, decided exactly in integer arithmetic (monte_carlo_hit).
// A vector kernel of W 64-bit lanes holds the 16 lanes in 16 / W vectors (the hit count is a
// sum over lanes, so the order in which they are stepped does not matter) and writes the
// xoshiro step and the hit test in vector operations with these constants; the tests hold
// every target to the scalar reference, which uses these functions as they are.
#include "volley/contract/cxx20.hpp"

#include <cstdint>

#include "volley/contract/host_device.hpp"

namespace volley::contract {

inline constexpr std::uint64_t kMonteCarloBlock = std::uint64_t{1} << 20;
inline constexpr unsigned kMonteCarloLanes = 16;

/// SplitMix64 (Steele, Lea, Flood): a counter advanced by this odd constant (2^64 / phi)...
inline constexpr std::uint64_t kSplitMix64Gamma = 0x9e3779b97f4a7c15ULL;

/// ...and run through this output function, a bijection with full avalanche.
VOLLEY_HOST_DEVICE constexpr std::uint64_t splitmix64_mix(std::uint64_t z) noexcept {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

/// xoshiro256++ 1.0 (Blackman & Vigna): output rotl(s0 + s3, 23) + s0; state update with
/// t = s1 << 17 and a final rotl(s3, 45).
inline constexpr int kXoshiroOutputRotation = 23;
inline constexpr int kXoshiroShift = 17;
inline constexpr int kXoshiroStateRotation = 45;

/// x rotated left by k bits, 0 <= k < 64.
VOLLEY_HOST_DEVICE constexpr std::uint64_t rotl64(std::uint64_t x, int k) noexcept {
  return (x << k) | (x >> ((64 - k) & 63));
}

/// One xoshiro256++ step on the state words (s0, s1, s2, s3): returns the output.
VOLLEY_HOST_DEVICE constexpr std::uint64_t xoshiro256pp_next(std::uint64_t& s0, std::uint64_t& s1, std::uint64_t& s2,
                                                             std::uint64_t& s3) noexcept {
  const std::uint64_t result = rotl64(s0 + s3, kXoshiroOutputRotation) + s0;
  const std::uint64_t t = s1 << kXoshiroShift;
  s2 ^= s0;
  s3 ^= s1;
  s1 ^= s2;
  s0 ^= s3;
  s2 ^= t;
  s3 = rotl64(s3, kXoshiroStateRotation);
  return result;
}

/// The four words of an xoshiro256++ state.
struct Xoshiro256State {
  std::uint64_t word[4];
};

/// State of one lane's stream. Seed, block and lane pass through the SplitMix64 mixer one
/// after another, so nearby seeds, blocks and lanes give unrelated streams; the four words
/// are SplitMix64 outputs of the mixed key, images of four distinct inputs under a
/// bijection, so never all zero.
VOLLEY_HOST_DEVICE constexpr Xoshiro256State monte_carlo_lane_state(std::uint64_t seed, std::uint64_t block,
                                                                    unsigned lane) noexcept {
  std::uint64_t key = splitmix64_mix(seed + kSplitMix64Gamma);
  key = splitmix64_mix(key + block + kSplitMix64Gamma);
  key = splitmix64_mix(key + lane + kSplitMix64Gamma);
  Xoshiro256State state{};
  for (std::uint64_t& w : state.word) w = splitmix64_mix(key += kSplitMix64Gamma);
  return state;
}

/// Whether the dart of output w lands inside the quarter circle: x^2 + y^2 < 2^64, exactly.
/// (Vector kernels count the misses instead: the darts whose x^2 + y^2 wraps past 2^64.)
VOLLEY_HOST_DEVICE constexpr bool monte_carlo_hit(std::uint64_t w) noexcept {
  const std::uint64_t x = w >> 32, y = w & 0xffffffffULL;
  return y * y <= ~(x * x);  // x^2 + y^2 < 2^64 without overflow
}

}  // namespace volley::contract
