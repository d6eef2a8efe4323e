// On a GPU: every GPU result bit for bit the CPU's (hits, midpoint doubles, primality flags),
// and the error paths. Compared with the CPU's best target on all cores, which the CPU tests
// hold to the scalar references.
#include <catch2/catch.hpp>

#include <bit>
#include <limits>
#include <random>
#include <stop_token>
#include <vector>

#include "volley/cancellation.hpp"
#include "volley/gpu.hpp"
#include "volley/midpoint.hpp"
#include "volley/monte_carlo.hpp"
#include "volley/primes.hpp"

using namespace volley;

namespace {

constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();

// Every GPU present, as targets.
std::vector<std::string> gpu_targets() {
  std::vector<std::string> out;
  for (const GpuInfo& gpu : list_gpus().gpus) out.push_back("cuda:" + std::to_string(gpu.index));
  return out;
}

std::vector<std::uint8_t> flags_of(const std::vector<std::uint64_t>& numbers, const std::string& target) {
  std::vector<std::uint8_t> flags(numbers.size(), 7);
  is_prime(numbers, flags, {.target = target});
  return flags;
}

}  // namespace

TEST_CASE("GPU hits equal the CPU's", "[gpu]") {
  // Partial blocks, lanes with no step, one launch and several (2^35 darts a launch).
  const std::uint64_t sizes[] = {1, 15, 16, 17, 1000, kMonteCarloBlock - 1, kMonteCarloBlock, kMonteCarloBlock + 1,
                                 1'000'000, 3 * kMonteCarloBlock + 12345, 100'000'007};
  for (const std::string& gpu : gpu_targets()) {
    for (const std::uint64_t seed : {std::uint64_t{0}, std::uint64_t{1}, std::uint64_t{42}, kMax}) {
      for (const std::uint64_t samples : sizes) {
        INFO(gpu << ", samples " << samples << ", seed " << seed);
        const MonteCarloResult cpu = monte_carlo_pi(samples, seed), on_gpu = monte_carlo_pi(samples, seed, {.target = gpu});
        REQUIRE(on_gpu.hits == cpu.hits);
        REQUIRE(on_gpu.samples == samples);
        REQUIRE(std::bit_cast<std::uint64_t>(on_gpu.estimate) == std::bit_cast<std::uint64_t>(cpu.estimate));
      }
    }
    CHECK(monte_carlo_pi(1'000'000, 42, {.target = gpu}).hits == 785'094);  // the pinned value of the CPU tests
    for (const std::uint64_t samples : {std::uint64_t{10'000'000'000}, (std::uint64_t{1} << 35) + 12345}) {
      INFO(gpu << ", samples " << samples);
      REQUIRE(monte_carlo_pi(samples, 7, {.target = gpu}).hits == monte_carlo_pi(samples, 7).hits);
    }
  }
}

TEST_CASE("the GPU midpoint double equals the CPU's", "[gpu]") {
  // One launch covers 2^32 terms: 2^32 + 5 takes two.
  const std::uint64_t sizes[] = {1, 2, 3, 1000, 1023, 1024, 1025, 1'000'000, 1'000'000'007, (std::uint64_t{1} << 32) + 5};
  for (const std::string& gpu : gpu_targets()) {
    for (const std::uint64_t steps : sizes) {
      INFO(gpu << ", steps " << steps);
      REQUIRE(std::bit_cast<std::uint64_t>(midpoint_pi(steps, {.target = gpu})) ==
              std::bit_cast<std::uint64_t>(midpoint_pi(steps)));
    }
    CHECK(std::bit_cast<std::uint64_t>(midpoint_pi(1000, {.target = gpu})) ==
          std::bit_cast<std::uint64_t>(midpoint_pi_reference(1000)));
  }
}

TEST_CASE("GPU primality flags equal the CPU's on the hard cases", "[gpu]") {
  std::vector<std::uint64_t> numbers = {
      // Carmichael numbers
      561, 1105, 1729, 2465, 2821, 6601, 8911, 41041, 825265, 321197185, 5394826801, 232250619601, 9746347772161,
      // strong pseudoprimes to base 2, to the bases 2..7, 2..11, 2..13, 2..17 and 2..23
      2047, 3277, 4033, 4681, 8321, 25326001, 4294049777, 3215031751, 2152302898747, 3474749660383, 341550071728321,
      3825123056546413051,
      // squares and products of 16- and 32-bit primes, the largest 32-bit primes, 2^32 and beyond
      65521ULL * 65521, 4294967291ULL * 4294967291, 4294967291ULL * 4294967279, 4294967291, 4294967279, 4294967295,
      4294967296, 4294967311,
      // the largest 64-bit primes and their neighbours
      kMax - 58, kMax - 82, kMax - 94, kMax - 178, kMax - 188, kMax - 256, kMax, kMax - 1, kMax - 57};
  for (std::uint64_t n = 0; n < 3000; ++n) numbers.push_back(n);
  const std::vector<std::uint8_t> cpu = flags_of(numbers, "best");
  for (std::size_t i = 0; i < numbers.size(); ++i) REQUIRE(cpu[i] == is_prime(numbers[i]));
  for (const std::string& gpu : gpu_targets()) {
    INFO(gpu);
    REQUIRE(flags_of(numbers, gpu) == cpu);
  }
}

TEST_CASE("GPU primality flags equal the CPU's on 10^7 random 64-bit numbers", "[gpu]") {
  // 10^7 numbers stream through the GPU in several pieces, on both of its pipelines.
  std::vector<std::uint64_t> numbers(10'000'000);
  std::mt19937_64 rng(2026);
  for (std::size_t i = 0; i < numbers.size(); ++i) numbers[i] = i % 4 == 3 ? rng() >> 32 : rng() | (i % 2);
  const std::vector<std::uint8_t> cpu = flags_of(numbers, "best");
  CHECK(std::count(cpu.begin(), cpu.end(), 1) > 100'000);
  for (const std::string& gpu : gpu_targets()) {
    INFO(gpu);
    REQUIRE(flags_of(numbers, gpu) == cpu);
  }
}

TEST_CASE("GPU calls stop on a stop request and refuse a GPU that is not there", "[gpu]") {
  std::stop_source source;
  source.request_stop();
  std::vector<std::uint64_t> numbers(1000, 97);
  std::vector<std::uint8_t> flags(numbers.size());
  for (const std::string& gpu : gpu_targets()) {
    CHECK_THROWS_AS(monte_carlo_pi(1'000'000, 1, {.target = gpu, .stop = source.get_token()}), Cancelled);
    CHECK_THROWS_AS(midpoint_pi(1'000'000, {.target = gpu, .stop = source.get_token()}), Cancelled);
    CHECK_THROWS_AS(is_prime(numbers, flags, {.target = gpu, .stop = source.get_token()}), Cancelled);
  }
  const std::string missing = "cuda:" + std::to_string(list_gpus().gpus.size());
  CHECK_THROWS_WITH(monte_carlo_pi(1000, 1, {.target = missing}), Catch::Matchers::Contains("there is no GPU"));
  // An empty batch is no work, on any GPU.
  std::vector<std::uint64_t> none;
  std::vector<std::uint8_t> no_flags;
  CHECK_NOTHROW(is_prime(none, no_flags, {.target = "cuda"}));
}
