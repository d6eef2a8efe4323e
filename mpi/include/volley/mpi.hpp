#pragma once
// volley over MPI: the workloads spread over the ranks of a communicator, each rank running
// its part on its own threads (RunOptions, as in one process; CPU targets only). Ranks take
// fixed runs of the single-process layout's blocks (a prime range: equal parts of it), and
// their exact partial results (hits and counts as integers, the midpoint rule's 128-bit
// scaled sum) are added before the one final rounding, so hits, doubles and counts are bit
// for bit one process's for any number of ranks and threads per rank.
//
// Every rank of `comm` must make the same call with the same arguments; every rank gets the
// result. Bad arguments throw std::invalid_argument on every rank, before any communication.
// Present only in builds with MPI (VOLLEY_MPI); link volley::mpi.
#include <mpi.h>

#include <cstdint>

#include "volley/monte_carlo.hpp"
#include "volley/run_options.hpp"

namespace volley::mpi {

/// monte_carlo_pi(samples, seed, opts) over the ranks of comm.
MonteCarloResult monte_carlo_pi(MPI_Comm comm, std::uint64_t samples, std::uint64_t seed, const RunOptions& opts = {});

/// midpoint_pi(steps, opts) over the ranks of comm.
double midpoint_pi(MPI_Comm comm, std::uint64_t steps, const RunOptions& opts = {});

/// count_primes(from, to, opts) over the ranks of comm: rank r of R counts the r-th of R
/// equal parts of [from, to).
std::uint64_t count_primes(MPI_Comm comm, std::uint64_t from, std::uint64_t to, const RunOptions& opts = {});

}  // namespace volley::mpi
