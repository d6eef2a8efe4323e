// Work that arrives over time: volley::Queue, items per second pushed by one thread and
// popped by another, and Pool::imap of a trivial function by chunk size, 0 for imap's own
// (goals: >= 10 million per second each, with two threads).
#include <benchmark/benchmark.h>

#include <cstdint>
#include <thread>
#include <vector>

#include "volley/imap.hpp"
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

void BM_ImapTrivial(benchmark::State& state) {
  const std::uint64_t kItems = 1'000'000;
  std::vector<std::uint64_t> inputs(kItems);
  for (std::uint64_t i = 0; i < kItems; ++i) inputs[i] = i;
  const volley::Pool pool(2);
  for (auto _ : state) {
    std::uint64_t sum = 0;
    for (const std::uint64_t r : pool.imap([](std::uint64_t x) { return x + 1; }, inputs,
                                           {.chunk_size = static_cast<std::size_t>(state.range(0))}))
      sum += r;
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(kItems));
}

}  // namespace

BENCHMARK(BM_ImapTrivial)->Arg(0)->Arg(1)->Arg(256)->Arg(4096)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_QueuePushPop)->Arg(64)->Arg(1024)->UseRealTime()->Unit(benchmark::kMillisecond);
