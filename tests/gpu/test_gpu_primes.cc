// On a GPU: prime counts and lists equal the known values and the CPU's, near 0, across
// 2^32, far out and up to 2^64 - 1, by both GPU methods.
#include <catch2/catch.hpp>

#include <limits>
#include <random>
#include <utility>
#include <vector>

#include "tests/same_primes.hpp"
#include "volley/gpu.hpp"
#include "volley/primes.hpp"

using namespace volley;

namespace {

constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();

std::vector<std::string> gpus() {
  std::vector<std::string> out;
  for (const GpuInfo& gpu : list_gpus().gpus) out.push_back(gpu.target());
  return out;
}

}  // namespace

TEST_CASE("GPU prime counts: pi(10^k) for k = 1 .. 12", "[gpu]") {
  const std::uint64_t known[] = {4,        25,        168,        1229,        9592,         78498,
                                 664579,   5761455,   50847534,   455052511,   4118054813,   37607912018};
  for (const std::string& gpu : gpus()) {
    std::uint64_t power = 1;
    for (const std::uint64_t expected : known) {
      power *= 10;
      INFO(gpu << ": pi(" << power << ")");
      CHECK(count_primes(0, power + 1, {.target = gpu}) == expected);
    }
  }
}

TEST_CASE("GPU prime counts equal the CPU's: the tutorials, 2^32, far out, the top", "[gpu]") {
  const std::pair<std::uint64_t, std::uint64_t> ranges[] = {
      {0, 0},
      {0, 2},
      {2, 3},
      {1000, 1100},
      {100'000'000, 101'000'000},  // the tutorials' ranges
      {0, 10'000'000},
      {(1ull << 32) - 100'000'000, (1ull << 32) + 100'000'000},
      {1'000'000'000'000'000, 1'000'000'000'000'000 + 1'000'000'000},
      {1'000'000'000'000'000'000, 1'000'000'000'000'000'000 + 1'000'000'000},
      {kMax - 1'000'000'000, kMax},
      {kMax - 1'000'000, kMax},
      {kMax - 100, kMax},
  };
  for (const std::string& gpu : gpus())
    for (const auto& [from, to] : ranges) {
      const std::uint64_t cpu = count_primes(from, to);
      for (const PrimeMethod method : {PrimeMethod::Auto, PrimeMethod::Sieve, PrimeMethod::TestEach}) {
        if (method == PrimeMethod::TestEach && to - from > 100'000'000) continue;  // minutes
        INFO(gpu << " [" << from << ", " << to << ") method " << static_cast<int>(method));
        CHECK(count_primes(from, to, {.target = gpu, .prime_method = method}) == cpu);
      }
    }
}

TEST_CASE("GPU prime counts of random ranges of random widths equal the CPU's", "[gpu]") {
  std::mt19937_64 rng(7);
  for (const std::string& gpu : gpus())
    for (int k = 0; k < 200; ++k) {
      const std::uint64_t width = rng() >> (24 + rng() % 40), from = rng() >> (rng() % 64);
      const std::uint64_t to = from + std::min(width, kMax - from);
      INFO(gpu << " [" << from << ", " << to << ")");
      CHECK(count_primes(from, to, {.target = gpu}) == count_primes(from, to));
    }
}

TEST_CASE("GPU prime lists equal the CPU's, streamed in order", "[gpu]") {
  const std::pair<std::uint64_t, std::uint64_t> ranges[] = {
      {0, 1000},
      {0, 300'000'000},  // several list waves
      {(1ull << 32) - 10'000'000, (1ull << 32) + 10'000'000},
      {1'000'000'000'000'000'000, 1'000'000'000'000'000'000 + 10'000'000},
      {kMax - 10'000'000, kMax},
  };
  for (const std::string& gpu : gpus())
    for (const auto& [from, to] : ranges) {
      INFO(gpu << " [" << from << ", " << to << ")");
      const std::vector<std::uint64_t> cpu = primes_in(from, to);
      CHECK(test::first_difference(primes_in(from, to, {.target = gpu}), cpu) == "");
      std::vector<std::uint64_t> streamed;
      for_each_prime(from, to, [&](std::uint64_t p) { streamed.push_back(p); }, {.target = gpu});
      CHECK(test::first_difference(streamed, cpu) == "");
    }
}

TEST_CASE("GPU prime plans: the method by cost, the memory within the GPU's", "[gpu]") {
  for (const GpuInfo& gpu : list_gpus().gpus) {
    CHECK(plan_primes(0, 1'000'000'000'000, {.target = gpu.target()}).method == PrimeMethod::Sieve);
    CHECK(plan_primes(kMax - 1'000'000, kMax, {.target = gpu.target()}).method == PrimeMethod::TestEach);
    const PrimePlan top = plan_primes(kMax - 100'000'000'000, kMax, {.target = gpu.target()});
    CHECK(top.sieving_limit == (1ull << 32) - 1);
  }
}
