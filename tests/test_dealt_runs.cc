// Prime counting with its runs dealt out (what the MPI count does across ranks): callers that
// share one dealer, whatever runs each is dealt, count every prime exactly once.
#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <mutex>
#include <thread>
#include <utility>

#include "host/src/partial_sums.hpp"
#include "host/src/range_plan.hpp"
#include "volley/primes.hpp"

using namespace volley;

TEST_CASE("callers sharing a run dealer count each prime once") {
  constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();
  const std::pair<std::uint64_t, std::uint64_t> ranges[] = {
      {0, 0}, {0, 1000}, {0, 10'000'000}, {1'000'000'000'000, 1'000'000'000'000 + 20'000'000}, {kMax - 2'000'000, kMax}};
  for (const auto& [from, to] : ranges)
    for (const unsigned workers : {1u, 3u, 8u}) {
      const detail::RangeQuery query = detail::prime_count_query(from, to, workers, {});
      const std::uint64_t runs = detail::plan_range(query).runs;
      INFO("[" << from << ", " << to << "), planned for " << workers << " workers: " << runs << " runs");
      std::mutex mutex;
      std::uint64_t next = 0, dealt_to_a = 0;
      const auto dealer = [&](std::uint64_t* dealt) -> detail::RunDealer {
        return [&, dealt](std::uint64_t k) {
          const std::lock_guard lock(mutex);
          if (next < runs) *dealt += std::min(k, runs - next);
          return std::exchange(next, next + k);
        };
      };
      std::uint64_t b = 0, dealt_to_b = 0;
      // Two callers, on 1 and 2 threads, draw from the one dealer at once.
      std::thread other([&] { b = detail::count_dealt_runs(query, {.threads = 2}, dealer(&dealt_to_b)); });
      const std::uint64_t a = detail::count_dealt_runs(query, {.threads = 1}, dealer(&dealt_to_a));
      other.join();
      CHECK(a + b + detail::count_table_primes(from, to) == count_primes(from, to));
      CHECK(dealt_to_a + dealt_to_b == runs);
    }
}

TEST_CASE("a run dealer's plan query refuses what count_primes refuses") {
  CHECK_THROWS_WITH(detail::prime_count_query(5, 3, 1, {}), Catch::Matchers::Contains("greater than to"));
  CHECK_THROWS_WITH(detail::prime_count_query(0, 3, 1, {.target = "cuda"}), Catch::Matchers::Contains("is a GPU"));
}
