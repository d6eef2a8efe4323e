// Pre-sieve pattern merging (AND of byte streams), bit counting and turning set bits into
// the numbers they stand for, on every Highway target.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "kernels/sieve_bits.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/highway.h"

#include <array>
#include <bit>
#include <cstring>

#include "kernels/sieve_bits.h"
#include "kernels/wheel.h"

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

// Bit i of a run of bytes, from the run's first byte, stands for 30 * (i / 8) + kResidues[i % 8]
// more than 30 * that byte; the loop goes over each word's set bits with countr_zero on
// every target. (An AVX-512 version, compressing a broadcast base plus these offsets under
// the word's bits, was 1.5x slower on Zen 4 to list the tutorials' range, whether by a
// compressing store, microcoded there, or by Compress and a whole-vector store:
// volley-micro's BM_PrimeList.)
// The offset of bit b of a word of wheel bytes from 30 times its first byte; entry 64 is 0.
template <typename T>
constexpr auto kBitOffsets = [] {
  std::array<T, 65> offsets{};
  for (int b = 0; b < 64; ++b) offsets[b] = static_cast<T>(30 * (b / 8) + kernels::wheel::kResidues[b % 8]);
  return offsets;
}();

template <typename T>
std::uint64_t ExtractNumbers(const std::uint8_t* bytes, std::uint64_t n, std::uint64_t first, T* out) {
  std::uint64_t count = 0;
  for (std::uint64_t i = 0; i < n; i += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, bytes + i, n - i < 8 ? n - i : 8);
    // Four numbers per pass, so that the loop's exit is mispredicted once per four primes at
    // most: a pass may write up to three numbers past the word's last (kExtractSlack), each
    // then overwritten or past the count. countr_zero(0) is 64, whose offset is 0.
    const T base = static_cast<T>(30 * (first + i));
    const std::uint64_t end = count + static_cast<std::uint64_t>(std::popcount(word));
    for (; count < end; count += 4) {
      out[count] = base + kBitOffsets<T>[std::countr_zero(word)];
      word &= word - 1;
      out[count + 1] = base + kBitOffsets<T>[std::countr_zero(word)];
      word &= word - 1;
      out[count + 2] = base + kBitOffsets<T>[std::countr_zero(word)];
      word &= word - 1;
      out[count + 3] = base + kBitOffsets<T>[std::countr_zero(word)];
      word &= word - 1;
    }
    count = end;
  }
  return count;
}
std::uint64_t ExtractNumbers32(const std::uint8_t* bytes, std::uint64_t n, std::uint64_t first, std::uint32_t* out) {
  return ExtractNumbers(bytes, n, first, out);
}
std::uint64_t ExtractNumbers64(const std::uint8_t* bytes, std::uint64_t n, std::uint64_t first, std::uint64_t* out) {
  return ExtractNumbers(bytes, n, first, out);
}

}  // namespace volley::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
#include "kernels/highway/dispatch.h"

namespace volley {
HWY_EXPORT(AndStreams);
HWY_EXPORT(CountBits);
HWY_EXPORT(ExtractNumbers32);
HWY_EXPORT(ExtractNumbers64);

void kernels::and_streams(std::int64_t target, std::uint8_t* dst, const std::uint8_t* const* srcs, std::size_t count,
                          std::uint64_t n) {
  VOLLEY_DISPATCH(AndStreams, target)(dst, srcs, count, n);
}
std::uint64_t kernels::extract_numbers(std::int64_t target, const std::uint8_t* bytes, std::uint64_t n,
                                       std::uint64_t first, std::uint32_t* out) {
  return VOLLEY_DISPATCH(ExtractNumbers32, target)(bytes, n, first, out);
}
std::uint64_t kernels::extract_numbers(std::int64_t target, const std::uint8_t* bytes, std::uint64_t n,
                                       std::uint64_t first, std::uint64_t* out) {
  return VOLLEY_DISPATCH(ExtractNumbers64, target)(bytes, n, first, out);
}
std::uint64_t kernels::count_bits(std::int64_t target, const std::uint8_t* bytes, std::uint64_t n) {
  return VOLLEY_DISPATCH(CountBits, target)(bytes, n);
}
}  // namespace volley
#endif
