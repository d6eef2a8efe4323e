#include "volley/mpi.hpp"

#include <vector>

#include "host/src/partial_sums.hpp"
#include "volley/contract/integer.hpp"
#include "volley/primes.hpp"

namespace volley::mpi {
namespace {

using contract::u128;

struct Share {
  std::uint64_t first, last;
};

// This rank's part [first, last) of n items: rank r of R takes [n r / R, n (r + 1) / R).
Share share_of(MPI_Comm comm, std::uint64_t n) {
  int rank = 0, size = 1;
  MPI_Comm_rank(comm, &rank);
  MPI_Comm_size(comm, &size);
  const auto at = [&](int r) { return static_cast<std::uint64_t>(static_cast<u128>(n) * static_cast<unsigned>(r) / static_cast<unsigned>(size)); };
  return {at(rank), at(rank + 1)};
}

std::uint64_t sum(MPI_Comm comm, std::uint64_t part) {
  std::uint64_t total = 0;
  MPI_Allreduce(&part, &total, 1, MPI_UINT64_T, MPI_SUM, comm);
  return total;
}

// MPI has no 128-bit sum: every rank gathers every part (as two words) and adds them.
u128 sum(MPI_Comm comm, u128 part) {
  int size = 1;
  MPI_Comm_size(comm, &size);
  const std::uint64_t words[2] = {static_cast<std::uint64_t>(part), static_cast<std::uint64_t>(part >> 64)};
  std::vector<std::uint64_t> all(2 * static_cast<std::size_t>(size));
  MPI_Allgather(words, 2, MPI_UINT64_T, all.data(), 2, MPI_UINT64_T, comm);
  u128 total = 0;
  for (std::size_t r = 0; r < all.size(); r += 2) total += static_cast<u128>(all[r + 1]) << 64 | all[r];
  return total;
}

}  // namespace

MonteCarloResult monte_carlo_pi(MPI_Comm comm, std::uint64_t samples, std::uint64_t seed, const RunOptions& opts) {
  const Share share = share_of(comm, detail::monte_carlo_blocks(samples));
  return detail::monte_carlo_result(sum(comm, detail::monte_carlo_hits(samples, seed, share.first, share.last, opts)),
                                    samples);
}

double midpoint_pi(MPI_Comm comm, std::uint64_t steps, const RunOptions& opts) {
  const Share share = share_of(comm, detail::midpoint_blocks(steps));
  return detail::midpoint_finish(sum(comm, detail::midpoint_sum(steps, share.first, share.last, opts)), steps);
}

std::uint64_t count_primes(MPI_Comm comm, std::uint64_t from, std::uint64_t to, const RunOptions& opts) {
  if (from > to) return volley::count_primes(from, to, opts);  // throws its std::invalid_argument, on every rank
  const Share share = share_of(comm, to - from);
  return sum(comm, volley::count_primes(from + share.first, from + share.last, opts));
}

}  // namespace volley::mpi
