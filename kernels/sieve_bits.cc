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

void AndBytes(std::uint8_t* dst, const std::uint8_t* src, std::uint64_t n) {
  const hn::ScalableTag<std::uint8_t> d;
  const std::uint64_t lanes = hn::Lanes(d);
  std::uint64_t i = 0;
  for (; i + lanes <= n; i += lanes) hn::StoreU(hn::And(hn::LoadU(d, dst + i), hn::LoadU(d, src + i)), d, dst + i);
  for (; i < n; ++i) dst[i] &= src[i];
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
HWY_EXPORT(AndBytes);
HWY_EXPORT(CountBits);

void kernels::and_bytes(std::int64_t target, std::uint8_t* dst, const std::uint8_t* src, std::uint64_t n) {
  VOLLEY_DISPATCH(AndBytes, target)(dst, src, n);
}
std::uint64_t kernels::count_bits(std::int64_t target, const std::uint8_t* bytes, std::uint64_t n) {
  return VOLLEY_DISPATCH(CountBits, target)(bytes, n);
}
}  // namespace volley
#endif
