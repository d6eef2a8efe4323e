// Progress counting: every call that counts ends with done == total, a watcher thread sees
// done grow and never pass total, and counting changes no answer.
#include <atomic>
#include <cstdint>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "volley/volley.hpp"

namespace {

using volley::Progress;

// Runs `call` with a Progress while another thread reads it; returns what it saw.
template <typename Call>
std::vector<double> watch(Progress& progress, Call&& call) {
  std::atomic<bool> over{false};
  std::vector<double> seen;
  std::thread watcher([&] {
    while (!over.load()) {
      const double f = progress.fraction();
      if (seen.empty() || f != seen.back()) seen.push_back(f);
    }
  });
  call();
  over = true;
  watcher.join();
  return seen;
}

}  // namespace

TEST_CASE("a Pool call counts each item once, in pieces", "[progress]") {
  const volley::Pool pool(2);
  Progress progress;
  std::atomic<std::uint64_t> items{0};
  const auto seen = watch(progress, [&] {
    pool.for_each(100'000, [&](std::size_t) { items.fetch_add(1, std::memory_order_relaxed); },
                  {.schedule = volley::Schedule::Dynamic, .progress = &progress});
  });
  CHECK(items == 100'000);
  CHECK(progress.total == 100'000);
  CHECK(progress.done == 100'000);
  for (const double f : seen) CHECK(f <= 1.0);
  // map_reduce counts its reduction blocks.
  Progress blocks;
  CHECK(pool.map_reduce(100'000, [](std::size_t i) { return std::uint64_t{i}; }, std::plus<>(), std::uint64_t{0},
                        {.progress = &blocks}) == 100'000ULL * 99'999 / 2);
  CHECK(blocks.total > 0);
  CHECK(blocks.done == blocks.total);
}

TEST_CASE("the workloads count their work and answer as without counting", "[progress]") {
  for (const unsigned threads : {1u, 2u}) {
    Progress pi, midpoint, count, batch;
    CHECK(volley::monte_carlo_pi(1'000'000, 7, {.threads = threads, .progress = &pi}).hits ==
          volley::monte_carlo_pi(1'000'000, 7, {.threads = threads}).hits);
    CHECK(volley::midpoint_pi(1'000'000, {.threads = threads, .progress = &midpoint}) ==
          volley::midpoint_pi(1'000'000, {.threads = threads}));
    CHECK(volley::count_primes(0, 10'000'000, {.threads = threads, .progress = &count}) == 664'579);
    std::vector<std::uint64_t> numbers(50'000);
    for (std::size_t i = 0; i < numbers.size(); ++i) numbers[i] = 1'000'000'007ULL + 2 * i;
    std::vector<std::uint8_t> flags(numbers.size());
    volley::is_prime(numbers, flags, {.threads = threads, .progress = &batch});
    for (Progress* p : {&pi, &midpoint, &count, &batch}) {
      CHECK(p->total > 0);
      CHECK(p->done == p->total);
      CHECK(p->fraction() == 1.0);
    }
  }
}

TEST_CASE("a long count is seen part done", "[progress]") {
  Progress progress;
  const auto seen = watch(progress, [&] { volley::count_primes(0, 2'000'000'000, {.threads = 2, .progress = &progress}); });
  bool partway = false;
  for (std::size_t i = 0; i < seen.size(); ++i) {
    partway = partway || (seen[i] > 0.0 && seen[i] < 1.0);
    if (i > 0) CHECK(seen[i] >= seen[i - 1]);  // one call: total is set before any piece ends
  }
  CHECK(partway);
}
