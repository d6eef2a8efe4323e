// Midpoint-rule terms on every Highway target, summed exactly: each 64-bit lane adds at most
// kFlush scaled terms (each <= 2^53) before it is flushed into the 128-bit total.
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

constexpr std::uint64_t kFlush = 1024;  // 1024 * 2^53 = 2^63: no lane can wrap

kernels::u128 ScaledSum(std::uint64_t steps, std::uint64_t first, std::uint64_t last) {
  const hn::ScalableTag<double> df;
  const hn::RebindToUnsigned<decltype(df)> du;
  constexpr std::size_t kW = hn::MaxLanes(decltype(df)());
  const contract::MidpointConstants k(steps);
  const auto nn = hn::Set(df, k.nn);
  const auto four_nn = hn::Set(df, k.four_nn);
  const auto bias = hn::Set(du, contract::kScaledTermBias);
  const auto stride = hn::Set(df, static_cast<double>(kW));

  kernels::u128 total = 0;
  std::uint64_t i = first;
  auto m = hn::Iota(df, static_cast<double>(first) + 0.5);  // exact: all below 2^53
  while (last - i >= kW) {
    const std::uint64_t vectors = std::min<std::uint64_t>((last - i) / kW, kFlush);
    auto acc = hn::Zero(du);
    for (std::uint64_t v = 0; v < vectors; ++v) {  // contract::midpoint_scaled_term, lane by lane
      const auto term = hn::Div(four_nn, hn::Add(nn, hn::Mul(m, m)));
      acc = hn::Add(acc, hn::Sub(hn::BitCast(du, term), bias));
      m = hn::Add(m, stride);
    }
    HWY_ALIGN std::uint64_t lanes[kW];
    hn::Store(acc, du, lanes);
    for (const std::uint64_t lane : lanes) total += lane;
    i += vectors * kW;
  }
  for (; i < last; ++i) total += contract::midpoint_scaled_term(k, i);
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
