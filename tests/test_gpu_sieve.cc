// The GPU prime sieve without a GPU: its wheel arithmetic against the CPU sieve's tables, and
// the whole sieve (kernels/gpu_sieve_driver.h) run thread by thread on the CPU by the
// emulating executor, its counts, sieve words and lists held to the CPU sieve's.
#include <catch2/catch.hpp>

#include <limits>
#include <random>
#include <vector>

#include "kernels/eratosthenes.h"
#include "kernels/gpu_sieve_driver.h"
#include "kernels/gpu_sieve_plan.h"
#include "kernels/gpu_sieve_tables.h"
#include "kernels/gpu_wheel.h"
#include "kernels/wheel.h"
#include "tests/gpu_sieve_emulator.hpp"
#include "tests/same_primes.hpp"
#include "volley/primes.hpp"

using namespace volley;
using namespace volley::kernels::gpu;

namespace {

constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();
constexpr std::uint64_t kGiB = std::uint64_t{1} << 30;

// The plan a GPU with 80 GiB free would get, with waves of `wave_bytes` when that is not 0.
GpuSievePlan plan_for(std::uint64_t lo, std::uint64_t hi, bool list, GpuMethod method, std::uint64_t wave_bytes = 0) {
  GpuSievePlan plan = plan_gpu_sieve({lo, hi, list, method, 80 * kGiB});
  if (wave_bytes != 0) {
    plan.wave_bytes = wave_bytes;
    plan.list_capacity = list ? interval_prime_bound(30 * wave_bytes) : 0;
  }
  return plan;
}

std::uint64_t emulated_count(std::uint64_t lo, std::uint64_t hi, GpuMethod method = GpuMethod::Sieve,
                             std::uint64_t wave_bytes = 0) {
  test::EmulatedGpu gpu;
  return SieveDriver(gpu, plan_for(lo, hi, false, method, wave_bytes), lo, hi, {}).count();
}

std::vector<std::uint64_t> emulated_list(std::uint64_t lo, std::uint64_t hi, GpuMethod method = GpuMethod::Sieve,
                                         std::uint64_t wave_bytes = 0) {
  test::EmulatedGpu gpu;
  std::vector<std::uint64_t> out;
  SieveDriver(gpu, plan_for(lo, hi, true, method, wave_bytes), lo, hi, {})
      .list([&](const std::uint64_t* p, std::uint64_t n) { out.insert(out.end(), p, p + n); });
  return out;
}

}  // namespace

TEST_CASE("GPU wheel arithmetic equals the CPU sieve's tables") {
  for (unsigned i = 0; i < 8; ++i) {
    CHECK(wheel_residue(i) == kernels::wheel::kResidues[i]);
    CHECK(wheel_bit(wheel_residue(i)) == i);
  }
  for (std::uint32_t offset = 0; offset <= 30; ++offset) {
    std::uint32_t expected = 0;
    for (unsigned j = 0; j < 8; ++j) expected |= (kernels::wheel::kResidues[j] < offset ? 1u : 0u) << j;
    CHECK(wheel_bits_below(offset) == expected);
  }
  std::mt19937_64 rng(12);
  for (int k = 0; k < 20000; ++k) {
    auto p = static_cast<std::uint32_t>(rng() | 1);
    if (p % 3 == 0 || p % 5 == 0 || p < 7) continue;
    const unsigned c = kernels::wheel::kBitOf[p % 30];
    for (unsigned i = 0; i < 8; ++i) {
      CHECK(class_base(p, i) == std::uint64_t{p / 30} * kernels::wheel::kResidues[i] + kernels::wheel::kCarry[c][i]);
      CHECK(class_bit(p, i) == kernels::wheel::kBit[c][i]);
    }
    const std::uint64_t n = rng() >> (rng() % 64);
    CHECK(mod_by_reciprocal(n >> 4, p, reciprocal(p)) == (n >> 4) % p);
    // The first multiple of the GPU equals the CPU sieve's (start: a byte, as the GPU takes it).
    const std::uint64_t start = n / 30;
    const kernels::SievingPrime cpu = kernels::first_multiple(p, 30 * start, 0);
    FirstMultiple gpu{};
    const bool found = first_multiple_at(p, start, gpu);
    REQUIRE(found == (cpu.next != kernels::kNoMultiple));
    if (found) {
      CHECK(gpu.byte == cpu.next);
      CHECK(gpu.wheel == cpu.wheel);
    }
  }
}

TEST_CASE("GPU pre-sieve patterns clear exactly the multiples of 7 .. 53") {
  const PreSieveTable& table = presieve_table();
  REQUIRE(!table.groups.empty());
  std::uint64_t product = 1;
  for (const PreSieveGroup& g : table.groups) {
    product *= g.period;
    for (std::uint64_t k = 0; k < std::uint64_t{g.period} + kSegmentBytes; k += 97)
      for (unsigned j = 0; j < 8; ++j) {
        const std::uint64_t n = 30 * k + wheel_residue(j);
        bool divisible = false;
        for (std::uint32_t p = 7; p <= kPreSieveLargest; ++p)
          if (g.period % p == 0 && volley::is_prime(p) && n % p == 0) divisible = true;
        CHECK(((table.bytes[g.offset + k] >> j & 1) == 0) == divisible);
      }
  }
  CHECK(product == 7ull * 11 * 13 * 17 * 19 * 23 * 29 * 31 * 37 * 41 * 43 * 47 * 53);  // every prime, once
}

TEST_CASE("Emulated GPU sieve: counts equal the CPU's", "[gpu-emulated]") {
  const std::pair<std::uint64_t, std::uint64_t> ranges[] = {
      {54, 55},         {54, 1000},        {1024, 1'000'000},     {1031, 1032},       {999'983, 999'984},
      {1024, 30'000'000},  // several segments in one wave
      {100'000'000, 101'000'000},  // the tutorials' range
      {(1ull << 32) - 3'000'000, (1ull << 32) + 3'000'000},
      {1'000'000'000'000'000, 1'000'000'000'000'000 + 3'000'000},  // large primes: 10^9 > kLargePrimesFrom
  };
  for (const auto& [lo, hi] : ranges) {
    INFO("[" << lo << ", " << hi << ")");
    CHECK(emulated_count(lo, hi) == count_primes(lo, hi));
  }
}

TEST_CASE("Emulated GPU sieve: many waves, large primes carried from wave to wave", "[gpu-emulated]") {
  // 2^34 = (2^17)^2: the large primes' squares fall inside the range, in later waves.
  const std::uint64_t lo = std::uint64_t{1} << 34, hi = lo + 40'000'000;
  CHECK(emulated_count(lo, hi, GpuMethod::Sieve, kSegmentBytes) == count_primes(lo, hi));
  CHECK(emulated_count(lo, hi, GpuMethod::Sieve, 3 * kSegmentBytes) == count_primes(lo, hi));
  const std::uint64_t far = 1'000'000'000'000'000'000, far_hi = far + 10'000'000;
  CHECK(emulated_count(far, far_hi, GpuMethod::Sieve, 2 * kSegmentBytes) == count_primes(far, far_hi));
}

TEST_CASE("Emulated GPU sieve: random ranges of random widths", "[gpu-emulated]") {
  std::mt19937_64 rng(2026);
  for (int k = 0; k < 40; ++k) {
    const std::uint64_t width = rng() % 3'000'000 + 1, lo = 54 + rng() % (std::uint64_t{1} << (20 + k % 30));
    INFO("[" << lo << ", " << lo + width << ")");
    CHECK(emulated_count(lo, lo + width) == count_primes(lo, lo + width));
  }
}

TEST_CASE("Emulated GPU sieve: lists equal the CPU's, across waves", "[gpu-emulated]") {
  const std::pair<std::uint64_t, std::uint64_t> ranges[] = {
      {54, 100'000},
      {1'000'000, 9'000'000},
      {(1ull << 32) - 1'000'000, (1ull << 32) + 1'000'000},
      {(1ull << 34) + 5, (1ull << 34) + 20'000'000},
  };
  for (const auto& [lo, hi] : ranges) {
    INFO("[" << lo << ", " << hi << ")");
    const std::vector<std::uint64_t> cpu = primes_in(lo, hi);
    CHECK(test::first_difference(emulated_list(lo, hi), cpu) == "");
    CHECK(test::first_difference(emulated_list(lo, hi, GpuMethod::Sieve, kSegmentBytes), cpu) == "");
  }
}

TEST_CASE("Emulated GPU test-each equals the CPU, up to 2^64 - 1", "[gpu-emulated]") {
  const std::pair<std::uint64_t, std::uint64_t> ranges[] = {
      {54, 100'000},
      {1'000'000'000'000'000'000, 1'000'000'000'000'000'000 + 100'000},
      {kMax - 300'000, kMax},
      {kMax - 30, kMax},
  };
  for (const auto& [lo, hi] : ranges) {
    INFO("[" << lo << ", " << hi << ")");
    CHECK(emulated_count(lo, hi, GpuMethod::Test) == count_primes(lo, hi));
    CHECK(test::first_difference(emulated_list(lo, hi, GpuMethod::Test), primes_in(lo, hi)) == "");
  }
}

TEST_CASE("GPU sieve plan: method by cost, memory checked, waves narrowed to fit") {
  // Near 0 sieving wins; a short range near 2^64 is tested.
  CHECK_FALSE(plan_gpu_sieve({1024, 1'000'000'000'000, false, GpuMethod::Auto, 80 * kGiB}).test_each);
  CHECK(plan_gpu_sieve({kMax - 1'000'000, kMax, false, GpuMethod::Auto, 80 * kGiB}).test_each);
  const GpuSievePlan wide = plan_gpu_sieve({kMax - 100'000'000'000, kMax, false, GpuMethod::Auto, 80 * kGiB});
  CHECK_FALSE(wide.test_each);
  CHECK(wide.sieving_limit == (1ull << 32) - 1);
  CHECK(wide.large_capacity >= 203'280'221);  // pi(2^32)
  CHECK(wide.wave_bytes == kGiB);
  CHECK(wide.waves == 4);
  // Less memory: narrower waves; too little: a clear error.
  const GpuSievePlan narrow = plan_gpu_sieve({kMax - 100'000'000'000, kMax, false, GpuMethod::Auto, 6 * kGiB});
  CHECK(narrow.wave_bytes < wide.wave_bytes);
  CHECK(narrow.memory_bytes <= 3 * kGiB);
  CHECK_THROWS_WITH(plan_gpu_sieve({kMax - 100'000'000'000, kMax, false, GpuMethod::Sieve, kGiB}),
                    Catch::Contains("the GPU has 1024 MiB free") && Catch::Contains("9 bytes for each sieving prime"));
  // The method asked for is kept.
  CHECK(plan_gpu_sieve({kMax - 1'000'000, kMax, false, GpuMethod::Sieve, 80 * kGiB}).test_each == false);
  const GpuSievePlan tested = plan_gpu_sieve({1024, 1'000'000'000'000, false, GpuMethod::Test, 80 * kGiB});
  CHECK(tested.test_each);
  CHECK(tested.wave_bytes == kTestWaveBytes);  // short waves: the stop token is looked at often
}

TEST_CASE("Prime count bounds hold") {
  CHECK(prime_count_bound(100) >= 25);
  CHECK(prime_count_bound(1'000'000) >= 78'498);
  CHECK(prime_count_bound((1ull << 32) - 1) >= 203'280'221);
  for (const std::uint64_t y : {10ull, 1000ull, 100'000ull, 126'000'000ull})
    CHECK(interval_prime_bound(y) >= count_primes(0, y));  // the densest stretch starts at 0
}
