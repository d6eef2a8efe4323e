#pragma once
// Planning a prime count or list on the GPU: pure arithmetic from the range, the GPU's free
// memory and the method asked for, to the method, the sieving primes, the waves and the
// memory they take. No CUDA here, so the plans are unit-tested on any machine.
#include <cstdint>

namespace volley::kernels::gpu {

enum class GpuMethod { Auto, Sieve, Test };

/// The longest waves, in wheel bytes. A sieved count: the large primes' next multiple, relative
/// to the wave, must fit 32 bits. A list (and the making of the sieving primes): 512 blocks,
/// 5 x 10^8 numbers, whose primes are held twice (GPU and pinned host memory). A tested count:
/// about 0.1 s of Miller-Rabin between two looks at the stop token, 1024 blocks.
inline constexpr std::uint64_t kCountWaveBytes = std::uint64_t{1} << 30;
inline constexpr std::uint64_t kListWaveBytes = std::uint64_t{1} << 24;
inline constexpr std::uint64_t kTestWaveBytes = std::uint64_t{1} << 25;

struct GpuSieveQuery {
  std::uint64_t lo = 0, hi = 0;  ///< the range [lo, hi), lo above kPreSieveLargest
  bool list = false;             ///< the primes are read out (else only counted)
  GpuMethod method = GpuMethod::Auto;
  std::uint64_t free_bytes = 0;  ///< the GPU's free memory; the plan uses at most half
};

struct GpuSievePlan {
  bool test_each = false;          ///< test each wheel candidate instead of sieving
  std::uint64_t sieving_limit = 0; ///< the sieve crosses off the primes up to this; 0 when testing
  std::uint64_t large_capacity = 0;///< room for the large sieving primes: at least as many as there are
  std::uint64_t wave_bytes = 0;    ///< wheel bytes per wave (a multiple of kSegmentBytes)
  std::uint64_t waves = 0;
  bool wave_in_memory = false;     ///< the waves' words live in GPU memory (lists, large primes)
  std::uint64_t list_capacity = 0; ///< numbers a wave's list can hold: at least its primes
  std::uint64_t memory_bytes = 0;  ///< GPU memory the plan takes at most
  double sieve_seconds = 0, test_seconds = 0;  ///< the cost model's estimates (see gpu_sieve_plan.cc)
};

/// The plan for a query with lo < hi. Waves are as long as memory allows, up to the longest
/// above; throws std::runtime_error, naming
/// what is needed and what is free, when not even one segment's wave fits in half the free
/// memory besides the sieving primes.
GpuSievePlan plan_gpu_sieve(const GpuSieveQuery& query);

/// An upper bound on the number of primes up to x (Rosser and Schoenfeld: 1.25506 x / ln x).
std::uint64_t prime_count_bound(std::uint64_t x);
/// An upper bound on the number of primes among y consecutive numbers (Montgomery and
/// Vaughan's Brun-Titchmarsh bound 2y / ln y, or 8 per 30 numbers where that is less).
std::uint64_t interval_prime_bound(std::uint64_t y);

}  // namespace volley::kernels::gpu
