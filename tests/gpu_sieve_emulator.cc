#include "tests/gpu_sieve_emulator.hpp"

#include <algorithm>

namespace volley::test {

using namespace kernels::gpu;

void EmulatedGpu::large(const WaveLaunch& l, const LargePrimes& large) {
  for (std::uint64_t k = 0; k < large.count; ++k) large_prime_wave(l, large, k);
}

void EmulatedGpu::segments(const WaveLaunch& l, std::uint64_t segments, std::uint32_t* counts) {
  std::vector<std::uint32_t> shared(kSegmentWords);
  constexpr unsigned kWarps = kSieveThreads / kWarpLanes;
  for (std::uint64_t s = 0; s < segments; ++s) {
    const Segment seg = segment_of(l, s);
    std::fill(shared.begin(), shared.end(), 0xA5A5A5A5u);  // shared memory starts undefined
    for (unsigned t = 0; t < kSieveThreads; ++t) segment_init(l, seg, s, t, kSieveThreads, shared.data());
    for (unsigned warp = 0; warp < kWarps; ++warp)
      for (unsigned lane = 0; lane < kWarpLanes; ++lane) segment_cross_small(l, seg, warp, kWarps, lane, shared.data());
    for (unsigned t = 0; t < kSieveThreads; ++t) segment_cross_medium(l, seg, t, kSieveThreads, shared.data());
    std::uint32_t count = 0;
    for (unsigned t = 0; t < kSieveThreads; ++t) count += segment_finish(l, seg, s, t, kSieveThreads, shared.data());
    total_ += count;
    if (counts != nullptr) counts[s] = count;
  }
}

void EmulatedGpu::tested(const WaveLaunch& l, std::uint64_t segments, std::uint32_t* counts) {
  for (std::uint64_t s = 0; s < segments; ++s) {
    std::uint32_t count = 0;
    for (unsigned t = 0; t < kSieveThreads; ++t) count += segment_test(l, segment_of(l, s), s, t, kSieveThreads);
    total_ += count;
    if (counts != nullptr) counts[s] = count;
  }
}

std::uint64_t EmulatedGpu::scan(const std::uint32_t* counts, std::uint32_t* offsets, std::uint64_t n) {
  std::uint64_t sum = 0;
  for (std::uint64_t s = 0; s < n; ++s) {
    offsets[s] = static_cast<std::uint32_t>(sum);
    sum += counts[s];
  }
  return sum;
}

}  // namespace volley::test
