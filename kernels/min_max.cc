// A batch's bounds decide whether sieving its span pays; a scalar scan is a chain of
// dependent compares, vectors keep many lanes (and two accumulators) in flight.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "kernels/min_max.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/highway.h"

#include "kernels/min_max.h"

HWY_BEFORE_NAMESPACE();
namespace volley::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

kernels::MinMax MinMaxOf(const std::uint64_t* numbers, std::size_t n) {
  const hn::ScalableTag<std::uint64_t> d;
  const std::size_t lanes = hn::Lanes(d);
  auto lo0 = hn::Set(d, numbers[0]), lo1 = lo0, hi0 = lo0, hi1 = lo0;
  std::size_t i = 0;
  for (; i + 2 * lanes <= n; i += 2 * lanes) {
    const auto a = hn::LoadU(d, numbers + i), b = hn::LoadU(d, numbers + i + lanes);
    lo0 = hn::Min(lo0, a);
    lo1 = hn::Min(lo1, b);
    hi0 = hn::Max(hi0, a);
    hi1 = hn::Max(hi1, b);
  }
  kernels::MinMax bounds{hn::GetLane(hn::MinOfLanes(d, hn::Min(lo0, lo1))), hn::GetLane(hn::MaxOfLanes(d, hn::Max(hi0, hi1)))};
  for (; i < n; ++i) {
    bounds.min = numbers[i] < bounds.min ? numbers[i] : bounds.min;
    bounds.max = numbers[i] > bounds.max ? numbers[i] : bounds.max;
  }
  return bounds;
}

}  // namespace volley::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
#include "kernels/highway/dispatch.h"

namespace volley {
HWY_EXPORT(MinMaxOf);

kernels::MinMax kernels::min_max(std::int64_t target, const std::uint64_t* numbers, std::size_t n) {
  return VOLLEY_DISPATCH(MinMaxOf, target)(numbers, n);
}
}  // namespace volley
#endif
