// Pre-sieve pattern merging (AND of byte streams) and bit counting on every Highway target.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "kernels/sieve_bits.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/highway.h"

#include <bit>
#include <cstring>

#include "kernels/sieve_bits.h"

HWY_BEFORE_NAMESPACE();
namespace volley::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

void AndStreams(std::uint8_t* dst, const std::uint8_t* const* srcs, std::size_t count, std::uint64_t n) {
  const hn::ScalableTag<std::uint8_t> d;
  const std::uint64_t lanes = hn::Lanes(d);
  std::uint64_t i = 0;
  for (; i + 4 * lanes <= n; i += 4 * lanes) {  // four vectors per stream pointer read
    const std::uint8_t* s = srcs[0] + i;
    auto v0 = hn::LoadU(d, s), v1 = hn::LoadU(d, s + lanes), v2 = hn::LoadU(d, s + 2 * lanes),
         v3 = hn::LoadU(d, s + 3 * lanes);
    for (std::size_t g = 1; g < count; ++g) {
      s = srcs[g] + i;
      v0 = hn::And(v0, hn::LoadU(d, s));
      v1 = hn::And(v1, hn::LoadU(d, s + lanes));
      v2 = hn::And(v2, hn::LoadU(d, s + 2 * lanes));
      v3 = hn::And(v3, hn::LoadU(d, s + 3 * lanes));
    }
    hn::StoreU(v0, d, dst + i);
    hn::StoreU(v1, d, dst + i + lanes);
    hn::StoreU(v2, d, dst + i + 2 * lanes);
    hn::StoreU(v3, d, dst + i + 3 * lanes);
  }
  for (; i < n; ++i) {
    std::uint8_t v = srcs[0][i];
    for (std::size_t g = 1; g < count; ++g) v &= srcs[g][i];
    dst[i] = v;
  }
}

std::uint64_t CountBits(const std::uint8_t* bytes, std::uint64_t n) {
  const hn::ScalableTag<std::uint64_t> d;
  const std::uint64_t lanes = hn::Lanes(d), step = lanes * 8;
  auto sum = hn::Zero(d);
  std::uint64_t i = 0;
  for (; i + step <= n; i += step) {
    const auto v = hn::LoadU(d, reinterpret_cast<const std::uint64_t*>(bytes + i));
    sum = hn::Add(sum, hn::PopulationCount(v));
  }
  std::uint64_t total = hn::GetLane(hn::SumOfLanes(d, sum));
  for (; i < n; ++i) total += static_cast<std::uint64_t>(std::popcount(bytes[i]));
  return total;
}

}  // namespace volley::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
#include "kernels/dispatch.h"

namespace volley {
HWY_EXPORT(AndStreams);
HWY_EXPORT(CountBits);

void kernels::and_streams(std::int64_t target, std::uint8_t* dst, const std::uint8_t* const* srcs, std::size_t count,
                          std::uint64_t n) {
  VOLLEY_DISPATCH(AndStreams, target)(dst, srcs, count, n);
}
std::uint64_t kernels::count_bits(std::int64_t target, const std::uint8_t* bytes, std::uint64_t n) {
  return VOLLEY_DISPATCH(CountBits, target)(bytes, n);
}
}  // namespace volley
#endif
