// Midpoint-rule terms on every Highway target, lane by lane the operations of
// contract/midpoint_term.hpp, summed exactly: each 64-bit lane adds at most kFlush terms
// (each <= 2^53 + 4) before it is flushed into the 128-bit total.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "kernels/midpoint.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/highway.h"

#include <algorithm>

#include "kernels/midpoint.h"
#include "volley/contract/midpoint_term.hpp"

HWY_BEFORE_NAMESPACE();
namespace volley::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

using DF = hn::ScalableTag<double>;
using DU = hn::RebindToUnsigned<DF>;
using VF = hn::Vec<DF>;
using VU = hn::Vec<DU>;

constexpr std::uint64_t kFlush = 1024;  // 1024 terms of at most 2^53 + 4 per lane: below 2^64
constexpr std::size_t kW = hn::MaxLanes(DF());

// contract::midpoint_term_bits, given d = n^2 + m^2 and the base (r, s).
HWY_INLINE VU TermBits(VF d, VF r, VF s) {
  const VF one = hn::Set(DF(), 1.0);
  const VF e = hn::Sub(one, hn::Mul(d, r));
  return hn::BitCast(DU(), hn::Mul(s, hn::Mul(hn::Add(one, e), hn::Add(one, hn::Mul(e, e)))));
}

// contract::midpoint_reciprocal.
HWY_INLINE VF Reciprocal(VF d) {
  const VF one = hn::Set(DF(), 1.0);
  const VF r0 = hn::BitCast(DF(), hn::Sub(hn::Set(DU(), contract::kReciprocalMagic), hn::BitCast(DU(), d)));
  const VF e = hn::Sub(one, hn::Mul(d, r0));
  const VF e2 = hn::Mul(e, e);
  const VF e4 = hn::Mul(e2, e2);
  return hn::Mul(r0, hn::Mul(hn::Mul(hn::Add(one, e), hn::Add(one, e2)),
                             hn::Mul(hn::Add(one, e4), hn::Add(one, hn::Mul(e4, e4)))));
}

// Adds the lanes of `acc`, each the sum of `terms` term bit patterns (mod 2^64), less the
// bias of each term, to `total`.
HWY_INLINE void Flush(VU acc, std::uint64_t terms, kernels::u128& total) {
  HWY_ALIGN std::uint64_t lanes[kW];
  hn::Store(acc, DU(), lanes);
  for (const std::uint64_t lane : lanes) total += lane - terms * contract::kScaledTermBias;
}

// Terms [i, i + vectors * kW), each with its own reciprocal (rules of one term per group).
kernels::u128 OwnBases(const contract::MidpointConstants& k, std::uint64_t i, std::uint64_t vectors) {
  const VF nn = hn::Set(DF(), k.nn);
  const VF four_nn = hn::Set(DF(), k.four_nn);
  const VF stride = hn::Set(DF(), static_cast<double>(kW));
  kernels::u128 total = 0;
  VF m = hn::Iota(DF(), static_cast<double>(i) + 0.5);  // exact: all below 2^53
  while (vectors > 0) {
    const std::uint64_t run = std::min(vectors, kFlush);
    VU acc = hn::Zero(DU());
    for (std::uint64_t v = 0; v < run; ++v) {
      const VF d = hn::Add(nn, hn::Mul(m, m));
      const VF r = Reciprocal(d);
      acc = hn::Add(acc, TermBits(d, r, hn::Mul(four_nn, r)));
      m = hn::Add(m, stride);
    }
    Flush(acc, run, total);
    vectors -= run;
  }
  return total;
}

// The bases (contract::midpoint_base) of groups g, g + 1, ..., g + kW - 1, lane by lane.
HWY_INLINE void Bases(const contract::MidpointConstants& k, std::uint64_t g, double* r, double* s) {
  const VF group = hn::Set(DF(), static_cast<double>(contract::kMidpointGroup));
  const VF b = hn::Add(hn::Mul(hn::Iota(DF(), 0.0), group),  // exact: all below 2^53
                       hn::Set(DF(), static_cast<double>(g * contract::kMidpointGroup) + 0.5));
  const VF d = hn::Add(hn::Set(DF(), k.nn), hn::Mul(b, b));
  const VF reciprocal = Reciprocal(d);
  hn::Store(reciprocal, DF(), r);
  hn::Store(hn::Mul(hn::Set(DF(), k.four_nn), reciprocal), DF(), s);
}

// The whole groups [g * 64, (g + groups) * 64), each term from its group's base. The bases
// come kW at a time from vectors: one at a time, their long chain of dependent operations
// would take longer than the group's terms.
kernels::u128 SharedBases(const contract::MidpointConstants& k, std::uint64_t g, std::uint64_t groups) {
  static_assert(contract::kMidpointGroup % kW == 0, "a group is whole vectors");
  constexpr std::uint64_t kVectors = contract::kMidpointGroup / kW;
  const VF nn = hn::Set(DF(), k.nn);
  const VF stride = hn::Set(DF(), static_cast<double>(kW));
  HWY_ALIGN double r[kW];
  HWY_ALIGN double s[kW];
  kernels::u128 total = 0;
  VU acc = hn::Zero(DU());
  std::uint64_t terms = 0;  // in each lane of acc
  for (std::uint64_t done = 0; done < groups; done += kW, g += kW) {
    Bases(k, g, r, s);
    for (std::uint64_t j = 0; j < std::min<std::uint64_t>(kW, groups - done); ++j) {
      const VF rj = hn::Set(DF(), r[j]);
      const VF sj = hn::Set(DF(), s[j]);
      VF m = hn::Iota(DF(), static_cast<double>((g + j) * contract::kMidpointGroup) + 0.5);
      for (std::uint64_t v = 0; v < kVectors; ++v) {
        acc = hn::Add(acc, TermBits(hn::Add(nn, hn::Mul(m, m)), rj, sj));
        m = hn::Add(m, stride);
      }
      terms += kVectors;
      if (terms + kVectors > kFlush) {
        Flush(acc, terms, total);
        acc = hn::Zero(DU());
        terms = 0;
      }
    }
  }
  Flush(acc, terms, total);
  return total;
}

kernels::u128 ScaledSum(std::uint64_t steps, std::uint64_t first, std::uint64_t last) {
  const contract::MidpointConstants k(steps);
  // Whole vectors, or whole groups, from `begin` to `end`; single terms before and after.
  std::uint64_t begin = first, end = first;
  kernels::u128 total = 0;
  if (k.group == 1) {
    end = first + (last - first) / kW * kW;
    total = OwnBases(k, first, (end - first) / kW);
  } else {
    begin = std::min(last, contract::ceil_div(first, k.group) * k.group);
    end = std::max(begin, last / k.group * k.group);
    total = SharedBases(k, begin / k.group, (end - begin) / k.group);
  }
  for (std::uint64_t i = first; i < begin; ++i) total += contract::midpoint_scaled_term(k, i);
  for (std::uint64_t i = end; i < last; ++i) total += contract::midpoint_scaled_term(k, i);
  return total;
}

}  // namespace volley::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
#include "kernels/highway/dispatch.h"

namespace volley {
HWY_EXPORT(ScaledSum);

kernels::u128 kernels::midpoint_scaled_sum(std::int64_t target, std::uint64_t steps,
                                           std::uint64_t first, std::uint64_t last) {
  return VOLLEY_DISPATCH(ScaledSum, target)(steps, first, last);
}
}  // namespace volley
#endif
