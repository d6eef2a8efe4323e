// Run by mpirun on 1, 2, 3 and 4 ranks (tests/CMakeLists.txt): the distributed results equal
// one process's bit for bit, on 1 and 2 threads per rank and on a split communicator.
#include <catch2/catch.hpp>

#include <bit>
#include <limits>
#include <utility>

#include "volley/midpoint.hpp"
#include "volley/monte_carlo.hpp"
#include "volley/mpi.hpp"
#include "volley/primes.hpp"

using namespace volley;
using Catch::Matchers::Contains;

namespace {

constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();

void check_all(MPI_Comm comm) {
  for (const unsigned threads : {1u, 2u}) {
    const RunOptions opts{.threads = threads};
    for (const std::uint64_t samples : {std::uint64_t{1}, std::uint64_t{1000}, 3 * kMonteCarloBlock + 5, std::uint64_t{10'000'000}})
      for (const std::uint64_t seed : {std::uint64_t{0}, std::uint64_t{42}}) {
        INFO("samples " << samples << ", seed " << seed << ", threads " << threads);
        const MonteCarloResult one = monte_carlo_pi(samples, seed), many = mpi::monte_carlo_pi(comm, samples, seed, opts);
        CHECK(many.hits == one.hits);
        CHECK(std::bit_cast<std::uint64_t>(many.estimate) == std::bit_cast<std::uint64_t>(one.estimate));
      }
    for (const std::uint64_t steps : {std::uint64_t{1}, std::uint64_t{1000}, 5 * kMidpointBlock + 3, std::uint64_t{10'000'000}}) {
      INFO("steps " << steps << ", threads " << threads);
      CHECK(std::bit_cast<std::uint64_t>(mpi::midpoint_pi(comm, steps, opts)) ==
            std::bit_cast<std::uint64_t>(midpoint_pi(steps)));
    }
    const std::pair<std::uint64_t, std::uint64_t> ranges[] = {
        {0, 0}, {0, 3}, {0, 100}, {100'000'000, 101'000'000}, {1'000'000'000'000, 1'000'000'000'000 + 10'000'000},
        {kMax - 1'000'000, kMax}};
    for (const auto& [from, to] : ranges) {
      INFO("[" << from << ", " << to << "), threads " << threads);
      CHECK(mpi::count_primes(comm, from, to, opts) == count_primes(from, to));
    }
  }
}

}  // namespace

TEST_CASE("MPI results equal one process's, bit for bit", "[mpi]") { check_all(MPI_COMM_WORLD); }

TEST_CASE("MPI results on a split communicator equal one process's", "[mpi]") {
  int rank = 0;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm half = MPI_COMM_NULL;
  MPI_Comm_split(MPI_COMM_WORLD, rank % 2, rank, &half);
  check_all(half);
  MPI_Comm_free(&half);
}

TEST_CASE("MPI calls refuse bad input on every rank, before communicating", "[mpi]") {
  CHECK_THROWS_WITH(mpi::monte_carlo_pi(MPI_COMM_WORLD, 0, 1), Contains("samples must be at least 1"));
  CHECK_THROWS_WITH(mpi::midpoint_pi(MPI_COMM_WORLD, 0), Contains("steps must be at least 1"));
  CHECK_THROWS_WITH(mpi::count_primes(MPI_COMM_WORLD, 5, 3), Contains("greater than to"));
  CHECK_THROWS_WITH(mpi::monte_carlo_pi(MPI_COMM_WORLD, 10, 1, {.target = "cuda"}), Contains("is a GPU"));
  // The ranks still agree afterwards.
  CHECK(mpi::count_primes(MPI_COMM_WORLD, 0, 1000) == 168);
}
