// Monte Carlo pi on every Highway target. Each vector holds W of the block's 16 lanes; since
// the hit count is a sum over lanes, a pair of vectors runs all its steps before the next
// pair starts, which keeps the 4-word states of both in registers on every target.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "kernels/monte_carlo.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/highway.h"

#include "kernels/highway/avx512.h"
#include "kernels/monte_carlo.h"
#include "volley/contract/monte_carlo_stream.hpp"

HWY_BEFORE_NAMESPACE();
namespace volley::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;
using contract::kMonteCarloLanes;

using DU64 = hn::ScalableTag<std::uint64_t>;
using VU64 = hn::Vec<DU64>;

struct LaneStates {
  VU64 s0, s1, s2, s3;
};

// One xoshiro256++ step (contract::xoshiro256pp_next) in every lane; rotl(x, k) is
// RotateRight by 64 - k.
HWY_INLINE VU64 Next(LaneStates& s) {
  const VU64 result = hn::Add(hn::RotateRight<64 - contract::kXoshiroOutputRotation>(hn::Add(s.s0, s.s3)), s.s0);
  const VU64 t = hn::ShiftLeft<contract::kXoshiroShift>(s.s1);
#if VOLLEY_TARGET_HAS_AVX512  // 3-way XORs (vpternlogq) are one instruction
  // The reference's five XORs rewritten from the old words with u = s3 ^ s1: two 3-way XORs
  // and two XORs, each updating its word in place.
  const VU64 u = hn::Xor(s.s3, s.s1);
  s.s1 = hn::Xor3(s.s1, s.s2, s.s0);
  s.s2 = hn::Xor3(s.s2, s.s0, t);
  s.s0 = hn::Xor(s.s0, u);
  s.s3 = hn::RotateRight<64 - contract::kXoshiroStateRotation>(u);
#else
  s.s2 = hn::Xor(s.s2, s.s0);
  s.s3 = hn::Xor(s.s3, s.s1);
  s.s1 = hn::Xor(s.s1, s.s2);
  s.s0 = hn::Xor(s.s0, s.s3);
  s.s2 = hn::Xor(s.s2, t);
  s.s3 = hn::RotateRight<64 - contract::kXoshiroStateRotation>(s.s3);
#endif
  return result;
}

// Square of the low 32 bits of each lane, as a full 64-bit product.
HWY_INLINE VU64 SquareLow32(VU64 v) {
#if HWY_TARGET == HWY_SCALAR
  const VU64 low = hn::And(v, hn::Set(DU64(), 0xffffffffULL));
  return hn::Mul(low, low);  // one lane: a plain 64-bit multiply
#else
  const auto v32 = hn::BitCast(hn::Repartition<std::uint32_t, DU64>(), v);
  return hn::MulEven(v32, v32);  // one 32x32->64 multiply per lane, cheaper than u64 Mul
#endif
}

// Darts that miss (contract::monte_carlo_hit is false): x^2 + y^2 wraps past 2^64.
HWY_INLINE hn::Mask<DU64> Misses(VU64 w) {
  const VU64 x2 = SquareLow32(hn::ShiftRight<32>(w));
  return hn::Lt(hn::Add(x2, SquareLow32(w)), x2);
}

// Adds one to the lanes of `counts` where `mask` is set.
HWY_INLINE VU64 CountIf(hn::Mask<DU64> mask, VU64 counts) {
#if VOLLEY_TARGET_HAS_AVX512  // masked adds are one instruction
  return hn::IfThenElse(mask, hn::Add(counts, hn::Set(DU64(), 1)), counts);  // one masked add
#else
  return hn::Sub(counts, hn::VecFromMask(DU64(), mask));  // a set lane is all ones, i.e. -1
#endif
}

HWY_INLINE LaneStates LoadStates(const std::uint64_t (*states)[kMonteCarloLanes], unsigned first) {
  const DU64 d;
  return {hn::LoadU(d, states[0] + first), hn::LoadU(d, states[1] + first),
          hn::LoadU(d, states[2] + first), hn::LoadU(d, states[3] + first)};
}

std::uint64_t BlockHits(std::uint64_t seed, std::uint64_t block, std::uint64_t samples) {
  const DU64 d;
  constexpr unsigned kW = hn::MaxLanes(DU64());
  static_assert(kMonteCarloLanes % (2 * kW) == 0, "lanes must split into pairs of vectors");

  // states[word][lane], so that one load fetches a word of W consecutive lanes.
  std::uint64_t states[4][kMonteCarloLanes];
  for (unsigned lane = 0; lane < kMonteCarloLanes; ++lane) {
    const auto s = contract::monte_carlo_lane_state(seed, block, lane);
    for (unsigned word = 0; word < 4; ++word) states[word][lane] = s.word[word];
  }
  const std::uint64_t steps = samples / kMonteCarloLanes;
  const VU64 tail_lanes = hn::Set(d, samples % kMonteCarloLanes);  // lanes of the partial step

  VU64 misses_a = hn::Zero(d), misses_b = hn::Zero(d);  // one counter per chain
  for (unsigned first = 0; first < kMonteCarloLanes; first += 2 * kW) {
    LaneStates a = LoadStates(states, first);
    LaneStates b = LoadStates(states, first + kW);
    for (std::uint64_t step = 0; step < steps; ++step) {
      misses_a = CountIf(Misses(Next(a)), misses_a);
      misses_b = CountIf(Misses(Next(b)), misses_b);
    }
    misses_a = CountIf(hn::And(hn::Lt(hn::Iota(d, first), tail_lanes), Misses(Next(a))), misses_a);
    misses_b = CountIf(hn::And(hn::Lt(hn::Iota(d, first + kW), tail_lanes), Misses(Next(b))), misses_b);
  }
  const VU64 misses = hn::Add(misses_a, misses_b);
  return samples - hn::GetLane(hn::SumOfLanes(d, misses));
}

}  // namespace volley::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
#include "kernels/highway/dispatch.h"

namespace volley {
HWY_EXPORT(BlockHits);

std::uint64_t kernels::monte_carlo_block_hits(std::int64_t target, std::uint64_t seed,
                                              std::uint64_t block, std::uint64_t samples) {
  return VOLLEY_DISPATCH(BlockHits, target)(seed, block, samples);
}
}  // namespace volley
#endif
