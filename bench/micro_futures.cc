// Pool::submit + Future::get of an empty task beside oneTBB's task_group::run + wait, in the
// same binary, on two threads (goal: volley within 1.5x of TBB per task). Two forms: one task
// waited at a time (a round trip), and a batch of 1000 submitted, then waited.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <vector>

#include "volley/future.hpp"

#ifdef VOLLEY_MICRO_TBB
#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/task_arena.h>
#include <oneapi/tbb/task_group.h>
#endif

namespace {

constexpr unsigned kThreads = 2;
constexpr int kBatch = 1000;

void BM_SubmitGet(benchmark::State& state) {
  const volley::Pool pool(kThreads);
  pool.submit([] {}).get();  // the workers exist before the timing starts
  for (auto _ : state) pool.submit([] {}).get();
  state.SetItemsProcessed(state.iterations());
}

void BM_SubmitGetBatch(benchmark::State& state) {
  const volley::Pool pool(kThreads);
  pool.submit([] {}).get();
  std::vector<volley::Future<void>> futures;
  futures.reserve(kBatch);
  for (auto _ : state) {
    futures.clear();
    for (int i = 0; i < kBatch; ++i) futures.push_back(pool.submit([] {}));
    volley::wait_all(futures);
  }
  state.SetItemsProcessed(state.iterations() * kBatch);
}

#ifdef VOLLEY_MICRO_TBB
// An arena of two: the calling thread and one worker. Its wait runs a task no worker has taken,
// as volley's get does (a volley Pool of two has two workers beside the caller).
void BM_TbbTaskGroup(benchmark::State& state) {
  oneapi::tbb::task_arena arena(static_cast<int>(kThreads));
  arena.execute([&] {
    oneapi::tbb::task_group group;
    for (auto _ : state) {
      group.run([] {});
      group.wait();
    }
  });
  state.SetItemsProcessed(state.iterations());
}

void BM_TbbTaskGroupBatch(benchmark::State& state) {
  oneapi::tbb::task_arena arena(static_cast<int>(kThreads));
  arena.execute([&] {
    oneapi::tbb::task_group group;
    for (auto _ : state) {
      for (int i = 0; i < kBatch; ++i) group.run([] {});
      group.wait();
    }
  });
  state.SetItemsProcessed(state.iterations() * kBatch);
}
BENCHMARK(BM_TbbTaskGroup)->UseRealTime();
BENCHMARK(BM_TbbTaskGroupBatch)->UseRealTime();
#endif

}  // namespace

BENCHMARK(BM_SubmitGet)->UseRealTime();
BENCHMARK(BM_SubmitGetBatch)->UseRealTime();
