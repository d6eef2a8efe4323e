#include "kernels/gpu_sieve_plan.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "kernels/gpu_sieve_work.h"
#include "volley/contract/integer.hpp"

namespace volley::kernels::gpu {
namespace {

// Bytes a large sieving prime takes (LargePrimes), a segment's count and offset, and the
// tables, scan space and counters besides.
constexpr std::uint64_t kLargePrimeBytes = 9;
constexpr std::uint64_t kSegmentCountBytes = 8;
constexpr std::uint64_t kFixedBytes = std::uint64_t{4} << 20;

// The cost model: estimates for an H100-class GPU from its published throughput, not yet
// fitted to a run on a GPU (only the choice between the methods depends on them, where both
// cost about the same). Sieving: 500 G numbers/s; a large prime costs a read and a write of
// its 9 bytes a wave, and each of its hits a scattered atomic AND in L2 (5 x 10^10 a second;
// a byte takes 8 ln(ln r / ln 2^17) hits from the large primes up to r); making the sieving
// primes is a sieve up to their limit. Testing: 2 G
// wheel candidates/s (trial division leaves a third to Miller-Rabin). A wave: a few launches.
constexpr double kSieveNanosPerByte = 0.06;
constexpr double kLargePrimeNanosPerWave = 0.01;
constexpr double kLargeHitNanos = 0.02;
constexpr double kTestNanosPerCandidate = 0.5;
constexpr double kWaveSeconds = 50e-6;

std::uint64_t mib(std::uint64_t bytes) { return bytes >> 20; }

}  // namespace

std::uint64_t prime_count_bound(std::uint64_t x) {
  if (x < 17) return 7;
  const double d = static_cast<double>(x);
  return static_cast<std::uint64_t>(1.25506 * d / std::log(d)) + 1;
}

std::uint64_t interval_prime_bound(std::uint64_t y) {
  const std::uint64_t wheel = 8 * contract::ceil_div(y, 30) + 8;
  if (y < 1000) return wheel;
  const double d = static_cast<double>(y);
  return std::min(wheel, static_cast<std::uint64_t>(2 * d / std::log(d)) + 1);
}

GpuSievePlan plan_gpu_sieve(const GpuSieveQuery& q) {
  GpuSievePlan plan;
  const std::uint64_t bytes = (q.hi - 1) / 30 - q.lo / 30 + 1;
  const std::uint64_t limit = contract::isqrt(q.hi - 1);
  const bool large = limit >= kLargePrimesFrom;
  const std::uint64_t large_capacity = large ? prime_count_bound(limit) : 0;

  const auto waves_of = [&](std::uint64_t wave) { return std::ceil(static_cast<double>(bytes) / static_cast<double>(wave)); };
  const double sieve_waves = waves_of(q.list ? kListWaveBytes : kCountWaveBytes);
  const double large_hits_per_byte =
      large ? 8 * std::log(std::log(static_cast<double>(limit)) / std::log(static_cast<double>(kLargePrimesFrom))) : 0;
  plan.sieve_seconds = 1e-9 * kSieveNanosPerByte * (static_cast<double>(bytes) + static_cast<double>(limit) / 30) +
                       1e-9 * kLargeHitNanos * large_hits_per_byte * static_cast<double>(bytes) +
                       1e-9 * kLargePrimeNanosPerWave * static_cast<double>(large_capacity) * sieve_waves +
                       kWaveSeconds * sieve_waves;
  plan.test_seconds =
      1e-9 * kTestNanosPerCandidate * 8 * static_cast<double>(bytes) + kWaveSeconds * waves_of(kTestWaveBytes);
  plan.test_each = q.method == GpuMethod::Test || (q.method == GpuMethod::Auto && plan.test_seconds < plan.sieve_seconds);
  if (!plan.test_each) {
    plan.sieving_limit = limit;
    plan.large_capacity = large_capacity;
  }
  plan.wave_in_memory = q.list || plan.large_capacity > 0;

  // Memory besides the waves: the large primes, and their making (a list of waves of its own).
  std::uint64_t fixed = kFixedBytes + kLargePrimeBytes * plan.large_capacity;
  if (plan.large_capacity > 0)
    fixed += kListWaveBytes + kSegmentCountBytes * segments_of(kListWaveBytes);
  const std::uint64_t budget = q.free_bytes / 2;
  auto wave_memory = [&](std::uint64_t wave) {
    if (!plan.wave_in_memory) return std::uint64_t{0};
    std::uint64_t m = wave + 4 + kSegmentCountBytes * segments_of(wave);
    if (q.list) m += sizeof(std::uint64_t) * interval_prime_bound(30 * wave);
    return m;
  };
  const std::uint64_t longest = q.list ? kListWaveBytes : plan.test_each ? kTestWaveBytes : kCountWaveBytes;
  std::uint64_t wave = std::min(longest, segments_of(bytes) * kSegmentBytes);
  while (wave > kSegmentBytes && fixed + wave_memory(wave) > budget)
    wave = std::max<std::uint64_t>(wave / 2 / kSegmentBytes * kSegmentBytes, kSegmentBytes);
  plan.memory_bytes = fixed + wave_memory(wave);
  if (plan.memory_bytes > budget)
    throw std::runtime_error("the GPU has " + std::to_string(mib(q.free_bytes)) + " MiB free; sieving [" +
                             std::to_string(q.lo) + ", " + std::to_string(q.hi) + ") needs " +
                             std::to_string(mib(plan.memory_bytes)) + " MiB (" +
                             (plan.large_capacity > 0 ? "9 bytes for each sieving prime up to " + std::to_string(limit) + ", "
                                                      : std::string()) +
                             "and one wave), and volley uses at most half the free memory");
  plan.wave_bytes = wave;
  plan.waves = contract::ceil_div(bytes, wave);
  plan.list_capacity = q.list ? interval_prime_bound(30 * wave) : 0;
  return plan;
}

}  // namespace volley::kernels::gpu
