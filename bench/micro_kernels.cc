// Each kernel on each target this CPU supports (one thread), and the Monte Carlo kernel on
// all threads through the Pool against a bare OpenMP loop over the same blocks.
#include <benchmark/benchmark.h>

#include <random>
#include <vector>

#include "volley/midpoint.hpp"
#include "volley/monte_carlo.hpp"
#include "volley/primes.hpp"
#include "volley/targets.hpp"
#include "volley/thread_policy.hpp"

namespace {

constexpr std::uint64_t kSamples = std::uint64_t{1} << 26;
constexpr std::uint64_t kSteps = std::uint64_t{1} << 26;

void monte_carlo(benchmark::State& state, std::string target, unsigned threads) {
  for (auto _ : state) benchmark::DoNotOptimize(volley::monte_carlo_pi(kSamples, 1, {threads, target}).hits);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(kSamples));
}

// The sieve over [10^9, 10^9 + 10^8): pre-sieve merging and bit counting vary by target.
void prime_count(benchmark::State& state, std::string target, unsigned threads) {
  constexpr std::uint64_t kFrom = 1'000'000'000, kTo = 1'100'000'000;
  volley::count_primes(kFrom, kTo, {threads, target});  // the pre-sieve patterns and threads, outside the timing
  for (auto _ : state) benchmark::DoNotOptimize(volley::count_primes(kFrom, kTo, {threads, target}));
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(kTo - kFrom));
}

// Listing the tutorials' range [10^8, 1.01 * 10^8): turning sieve bits into numbers varies by target.
void prime_list(benchmark::State& state, std::string target, unsigned threads) {
  constexpr std::uint64_t kFrom = 100'000'000, kTo = 101'000'000;
  volley::count_primes(kFrom, kTo, {threads, target});  // the pre-sieve patterns and threads, outside the timing
  for (auto _ : state) benchmark::DoNotOptimize(volley::primes_in(kFrom, kTo, {threads, target}).size());
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(kTo - kFrom));
}

// Batch primality of 10^5 random odd numbers below 2^32 (too sparse to sieve their span):
// Miller-Rabin many numbers per vector, or one by one on the scalar target.
void prime_batch(benchmark::State& state, std::string target, unsigned threads) {
  std::vector<std::uint64_t> numbers(100'000);
  std::mt19937_64 rng(7);
  for (auto& n : numbers) n = (rng() >> 32) | 1;
  std::vector<std::uint8_t> flags(numbers.size());
  for (auto _ : state) {
    volley::is_prime(numbers, flags, {threads, target});
    benchmark::DoNotOptimize(flags.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(numbers.size()));
}

void midpoint(benchmark::State& state, std::string target, unsigned threads) {
  for (auto _ : state) benchmark::DoNotOptimize(volley::midpoint_pi(kSteps, {threads, target}));
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(kSteps));
}

// The pre-Pool shape of monte_carlo_pi: a plain OpenMP reduction over the blocks.
void BM_MonteCarloBareOpenMP(benchmark::State& state) {
  const auto target = volley::best_target();
  const auto blocks = static_cast<std::int64_t>(kSamples / volley::kMonteCarloBlock);
  const int threads = static_cast<int>(volley::default_threads());
  for (auto _ : state) {
    std::uint64_t hits = 0;
#pragma omp parallel for schedule(static) reduction(+ : hits) num_threads(threads)
    for (std::int64_t b = 0; b < blocks; ++b)
      hits += volley::monte_carlo_block_hits(1, static_cast<std::uint64_t>(b), volley::kMonteCarloBlock, target);
    benchmark::DoNotOptimize(hits);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(kSamples));
}

const bool registered = [] {
  for (const auto t : volley::supported_targets()) {
    benchmark::RegisterBenchmark(("BM_MonteCarlo/" + t.name()).c_str(), monte_carlo, t.name(), 1u)->UseRealTime();
    benchmark::RegisterBenchmark(("BM_Midpoint/" + t.name()).c_str(), midpoint, t.name(), 1u)->UseRealTime();
    benchmark::RegisterBenchmark(("BM_PrimeCount/" + t.name()).c_str(), prime_count, t.name(), 1u)->UseRealTime();
    benchmark::RegisterBenchmark(("BM_PrimeList/" + t.name()).c_str(), prime_list, t.name(), 1u)->UseRealTime();
    benchmark::RegisterBenchmark(("BM_PrimeBatch/" + t.name()).c_str(), prime_batch, t.name(), 1u)->UseRealTime();
  }
  benchmark::RegisterBenchmark("BM_MonteCarloPool/all_threads", monte_carlo, "best", 0u)->UseRealTime();
  benchmark::RegisterBenchmark("BM_MonteCarloBareOpenMP/all_threads", BM_MonteCarloBareOpenMP)->UseRealTime();
  return true;
}();

}  // namespace
