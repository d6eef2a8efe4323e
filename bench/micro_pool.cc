// Pool overhead against the equivalent hand-written OpenMP loops, on the same thread count.
#include <benchmark/benchmark.h>
#include <omp.h>

#include <numeric>
#include <vector>

#include "volley/pool.hpp"
#include "volley/thread_policy.hpp"

namespace {

constexpr std::size_t kEmptyItems = 64;
constexpr std::size_t kTrivialItems = 10'000'000;

int threads() { return static_cast<int>(volley::default_threads()); }

void BM_OmpEmptyParallelFor(benchmark::State& state) {
  std::vector<long> out(kEmptyItems);
  for (auto _ : state) {
#pragma omp parallel for schedule(static) num_threads(threads())
    for (std::size_t i = 0; i < kEmptyItems; ++i) out[i] = static_cast<long>(i);
    benchmark::DoNotOptimize(out.data());
  }
}

void BM_PoolEmptyMap(benchmark::State& state) {
  const volley::Pool pool;
  std::vector<long> in(kEmptyItems);
  for (auto _ : state) benchmark::DoNotOptimize(pool.map([](long x) { return x; }, in));
}

void BM_OmpEmptyReduction(benchmark::State& state) {
  for (auto _ : state) {
    long sum = 0;
#pragma omp parallel for schedule(static) reduction(+ : sum) num_threads(threads())
    for (std::size_t i = 0; i < kEmptyItems; ++i) sum += static_cast<long>(i);
    benchmark::DoNotOptimize(sum);
  }
}

void BM_PoolEmptyMapReduce(benchmark::State& state) {
  const volley::Pool pool;
  for (auto _ : state)
    benchmark::DoNotOptimize(pool.map_reduce(kEmptyItems, [](std::size_t i) { return static_cast<long>(i); },
                                             std::plus<>(), 0L));
}

// map of a trivial function over 10^7 integers, into a new vector, as map does.
void BM_OmpTrivialLoop(benchmark::State& state) {
  std::vector<long> in(kTrivialItems);
  std::iota(in.begin(), in.end(), 0);
  for (auto _ : state) {
    std::vector<long> out(in.size());
#pragma omp parallel for schedule(static) num_threads(threads())
    for (std::size_t i = 0; i < in.size(); ++i) out[i] = 3 * in[i] + 1;
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(kTrivialItems));
}

void BM_PoolTrivialMap(benchmark::State& state) {
  const volley::Pool pool;
  std::vector<long> in(kTrivialItems);
  std::iota(in.begin(), in.end(), 0);
  for (auto _ : state) benchmark::DoNotOptimize(pool.map([](long x) { return 3 * x + 1; }, in));
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(kTrivialItems));
}

}  // namespace

BENCHMARK(BM_OmpEmptyParallelFor)->UseRealTime();
BENCHMARK(BM_PoolEmptyMap)->UseRealTime();
BENCHMARK(BM_OmpEmptyReduction)->UseRealTime();
BENCHMARK(BM_PoolEmptyMapReduce)->UseRealTime();
BENCHMARK(BM_OmpTrivialLoop)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PoolTrivialMap)->UseRealTime()->Unit(benchmark::kMillisecond);
