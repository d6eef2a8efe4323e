#pragma once
// volley-bench over MPI ranks. In a build with MPI, a volley-bench that an MPI launcher started
// (mpirun, srun --mpi=pmix) joins the job's ranks: pi, midpoint and the prime count run over all
// of them (volley::mpi), rank 0 prints, and the other ranks' output is discarded. Every failure
// is known to rank 0, which reports it: bad input is found alike on every rank, a rank's failed
// work is agreed on by all (naming the rank), and a rank that is interrupted or killed takes
// the whole job down at once (MPI_Abort, or the launcher), naming the rank. Elsewhere, and in
// builds without MPI, volley-bench is rank 0 of 1 and these calls are the plain ones.
#include <cstdint>
#include <functional>
#include <string>

#include "volley/monte_carlo.hpp"
#include "volley/run_options.hpp"

namespace volley::bench {

/// For its lifetime, this process is one of the job's ranks when a launcher started it:
/// MPI runs (from construction to destruction), and ranks other than 0 write to /dev/null.
class RankSession {
 public:
  RankSession();
  ~RankSession();
  RankSession(const RankSession&) = delete;
  RankSession& operator=(const RankSession&) = delete;
};

/// Whether this process joined a job's ranks (even a job of one).
bool joined_ranks();
/// The job's ranks (1 when not joined) and this process's place among them.
int job_ranks();
int job_rank();

/// Throws UsageError when srun started this program as one of several tasks that are not
/// MPI ranks of one job (srun without --mpi=pmix, or a build without MPI): each would run the
/// whole workload and print it.
void check_launch();

/// With other ranks: ends the whole job now (MPI_Abort) with `code`, for a failure the other
/// ranks cannot learn of in their own time (an interrupt), after printing "volley-bench: rank
/// N <why>, ending the job" on the standard error this rank was started with; alone: returns.
/// From a thread other than main's it returns too when MPI was not started for calls from any
/// thread.
void abort_job(int code, const std::string& why, bool main_thread = true);

/// Reports a failure (a line ending in '\n'): on stderr on rank 0 or alone; kept elsewhere,
/// for finish_job to print should this rank fail alone.
void report_failure(const std::string& line);

/// This rank's exit code, after the job's ranks met at the end. A rank that failed where the
/// others did not (bad input that only it found, e.g. through its own environment) would leave
/// them waiting for it in a collective: when they have not all ended within 5 s, it prints its
/// failure, naming itself, and ends the job (MPI_Abort) with its code.
int finish_job(int code);

/// Runs `check` on rank 0 only (a check of a file only rank 0 writes) and throws its
/// UsageError on every rank, so that all of them stop together.
void check_on_rank_zero(const std::function<void()>& check);

/// The workloads over the job's ranks when joined (CPU targets only: a GPU target runs
/// alone, and is refused with several ranks), else in this process alone.
MonteCarloResult ranked_monte_carlo_pi(std::uint64_t samples, std::uint64_t seed, const RunOptions& opts);
double ranked_midpoint_pi(std::uint64_t steps, const RunOptions& opts);
std::uint64_t ranked_count_primes(std::uint64_t from, std::uint64_t to, const RunOptions& opts);

}  // namespace volley::bench
