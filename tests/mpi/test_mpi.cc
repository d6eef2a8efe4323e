// Run by mpirun on 1, 2, 3 and 4 ranks (tests/CMakeLists.txt): the distributed results equal
// one process's bit for bit, on 1 and 2 threads per rank and on a split communicator.
#include <catch2/catch.hpp>

#include <bit>
#include <limits>
#include <stdexcept>
#include <string>
#include <utility>

#include "volley/midpoint.hpp"
#include "volley/monte_carlo.hpp"
#include "volley/mpi.hpp"
#include "volley/pool.hpp"
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

// Run apart (tests/CMakeLists.txt): OpenMPI 4.1's osc/rdma collides on windows of disjoint
// communicators of one node, which the prime count's run counter makes.
TEST_CASE("MPI results on a split communicator equal one process's", "[mpi][split]") {
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
  CHECK_THROWS_WITH(mpi::count_primes(MPI_COMM_WORLD, 0, 1000, {.target = "cuda"}), Contains("is a GPU"));
  CHECK_THROWS_WITH(mpi::count_primes(MPI_COMM_WORLD, 0, 1000, {.threads = 1u << 30}), Contains("threads must be at most"));
  // The ranks still agree afterwards.
  CHECK(mpi::count_primes(MPI_COMM_WORLD, 0, 1000) == 168);
}

TEST_CASE("MPI map_reduce equals the Pool's, bit for bit", "[mpi]") {
  const auto term = [](std::size_t i) { return 1.0 / static_cast<double>(2 * i + 1) * (i % 2 == 0 ? 1.0 : -1.0); };
  for (const std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{4095}, std::size_t{100'003}, std::size_t{5'000'000}})
    for (const unsigned threads : {1u, 2u}) {
      INFO("n " << n << ", threads " << threads);
      const double one = Pool(1).map_reduce(n, term, std::plus<>(), 0.25);
      const double many = mpi::map_reduce(MPI_COMM_WORLD, n, term, std::plus<>(), 0.25, {.threads = threads});
      CHECK(std::bit_cast<std::uint64_t>(many) == std::bit_cast<std::uint64_t>(one));
    }
  // A non-commutative reduce: the blocks must come back in order.
  struct Span {
    std::uint64_t first, last;
  };
  const auto join = [](Span a, Span b) { return a.last == b.first ? Span{a.first, b.last} : Span{1, 0}; };
  const Span whole = mpi::map_reduce(MPI_COMM_WORLD, 1'000'000, [](std::size_t i) { return Span{i, i + 1}; }, join,
                                     Span{0, 0});
  CHECK(whole.first == 0);
  CHECK(whole.last == 1'000'000);
}

TEST_CASE("MPI calls fail on every rank when one rank's work throws, and none is left waiting", "[mpi]") {
  int rank = 0, size = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  const auto call = [] {  // item 999 lies in the last rank's blocks
    return mpi::map_reduce(MPI_COMM_WORLD, 1000, [](std::size_t i) {
      if (i == 999) throw std::domain_error("item 999");
      return i;
    }, std::plus<>(), std::size_t{0});
  };
  if (rank == size - 1)
    CHECK_THROWS_AS(call(), std::domain_error);
  else
    CHECK_THROWS_WITH(call(), Contains("rank " + std::to_string(size - 1) + " failed: item 999"));
  CHECK(mpi::count_primes(MPI_COMM_WORLD, 0, 1000) == 168);  // and the ranks go on together
}
