// volley::Queue: items per second pushed by one thread and popped by another (the goal:
// >= 10 million per second with two threads).
#include <benchmark/benchmark.h>

#include <cstdint>
#include <thread>

#include "volley/queue.hpp"

namespace {

void BM_QueuePushPop(benchmark::State& state) {
  constexpr std::uint64_t kItems = 1'000'000;
  for (auto _ : state) {
    volley::Queue<std::uint64_t> q(static_cast<std::size_t>(state.range(0)));
    std::thread producer([&] {
      for (std::uint64_t i = 0; i < kItems; ++i) q.push(i);
      q.close();
    });
    std::uint64_t sum = 0;
    while (const auto item = q.pop()) sum += *item;
    producer.join();
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(kItems));
}

}  // namespace

BENCHMARK(BM_QueuePushPop)->Arg(64)->Arg(1024)->UseRealTime()->Unit(benchmark::kMillisecond);
