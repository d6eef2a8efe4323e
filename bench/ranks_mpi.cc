// The ranks of an MPI job (builds with MPI).
#include <mpi.h>

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>

#include <fmt/core.h>

#include "bench/count_arg.hpp"
#include "bench/interrupt.hpp"
#include "bench/progress.hpp"
#include "bench/ranks.hpp"
#include "volley/gpu.hpp"
#include "volley/midpoint.hpp"
#include "volley/mpi.hpp"
#include "volley/primes.hpp"

namespace volley::bench {
namespace {

// Written once by the main thread; read by the thread that watches for interrupts too.
std::atomic<bool> joined{false}, any_thread_may_abort{false}, finishing{false};
std::atomic<int> rank{0}, ranks{1};
// The main thread's alone: where the ranks meet at the end (apart from the workloads'
// collectives), the standard error of a rank other than 0, and its failure.
MPI_Comm ending = MPI_COMM_NULL;
std::string kept_failure;
// Where this rank's own messages go: the standard error it was started with (a copy of it on
// ranks other than 0, whose stderr is /dev/null); read by the interrupt watcher too.
std::atomic<int> own_stderr{STDERR_FILENO};

void say(const std::string& line) {
  std::fflush(stderr);
  [[maybe_unused]] const auto written = write(own_stderr, line.data(), line.size());
}
constexpr auto kEndingWait = std::chrono::seconds(5);

// The launchers' marks on the processes they start: OpenMPI's mpirun, and PMIx or PMI-2
// (srun --mpi=pmix, MPICH's mpiexec). Without one, MPI would start a singleton job of its own.
bool launched_by_mpi() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK"})
    if (std::getenv(name) != nullptr) return true;
  return false;
}

bool over_ranks(const RunOptions& opts) {
  if (!joined) return false;
  if (!is_gpu_target(opts.target)) return true;
  if (ranks > 1) throw std::invalid_argument("GPU targets run on one rank, not over " + std::to_string(ranks));
  return false;
}

}  // namespace

RankSession::RankSession() {
  if (!launched_by_mpi()) return;
  // The main thread calls MPI, and the interrupt watcher may call MPI_Abort.
  int provided = 0, mine = 0, size = 1;
  MPI_Init_thread(nullptr, nullptr, MPI_THREAD_MULTIPLE, &provided);
  MPI_Comm_rank(MPI_COMM_WORLD, &mine);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  rank = mine;
  ranks = size;
  any_thread_may_abort = provided == MPI_THREAD_MULTIPLE;
  MPI_Comm_dup(MPI_COMM_WORLD, &ending);
  if (rank != 0) {  // rank 0 speaks for the job
    std::fflush(stderr);
    own_stderr = dup(STDERR_FILENO);
    if (std::freopen("/dev/null", "w", stdout) == nullptr || std::freopen("/dev/null", "w", stderr) == nullptr)
      MPI_Abort(MPI_COMM_WORLD, 1);
  }
  joined = true;
  if (interrupted_exit_code() != 0) abort_job(interrupted_exit_code(), "was interrupted");  // while MPI started
}

RankSession::~RankSession() {
  if (!joined) return;
  MPI_Comm_free(&ending);
  MPI_Finalize();
}

bool joined_ranks() { return joined; }
int job_ranks() { return ranks; }
int job_rank() { return rank; }

void abort_job(int code, const std::string& why, bool main_thread) {
  if (!joined || ranks == 1 || !(main_thread || any_thread_may_abort)) return;
  // A signal once this rank's work is over (the launcher ending a job whose rank 0 has
  // exited) ends nothing that another rank waits for.
  if (!main_thread && finishing) return;
  say(fmt::format("volley-bench: rank {} {}, ending the job\n", rank.load(), why));
  MPI_Abort(MPI_COMM_WORLD, code);
}

void report_failure(const std::string& line) {
  progress("");  // the progress line goes first
  if (rank == 0)
    std::fputs(line.c_str(), stderr);
  else
    kept_failure = line;
}

int finish_job(int code) {
  if (!joined || ranks == 1) return code;
  finishing = true;
  MPI_Request request = MPI_REQUEST_NULL;
  MPI_Ibarrier(ending, &request);
  if (code == 0) {  // wait for all: one that failed alone ends the job from its side
    MPI_Wait(&request, MPI_STATUS_IGNORE);
    return code;
  }
  const auto deadline = std::chrono::steady_clock::now() + kEndingWait;
  for (int done = 0; std::chrono::steady_clock::now() < deadline; std::this_thread::sleep_for(std::chrono::milliseconds(10))) {
    MPI_Test(&request, &done, MPI_STATUS_IGNORE);
    if (done) return code;
  }
  if (rank != 0) say(kept_failure);  // rank 0 printed its failure already
  abort_job(code, "failed where the others did not");
  return code;
}

void check_on_rank_zero(const std::function<void()>& check) {
  if (!joined) return check();
  std::exception_ptr error;
  std::string why;
  if (rank == 0) {
    try {
      check();
    } catch (const std::exception& e) {
      error = std::current_exception();
      why = e.what();
    }
  }
  int failed = error ? 1 : 0;
  MPI_Bcast(&failed, 1, MPI_INT, 0, MPI_COMM_WORLD);
  if (!failed) return;
  why = mpi::detail::broadcast_text(MPI_COMM_WORLD, std::move(why), 0);
  if (error) std::rethrow_exception(error);
  throw UsageError(why);
}

MonteCarloResult ranked_monte_carlo_pi(std::uint64_t samples, std::uint64_t seed, const RunOptions& opts) {
  return over_ranks(opts) ? mpi::monte_carlo_pi(MPI_COMM_WORLD, samples, seed, opts)
                          : monte_carlo_pi(samples, seed, opts);
}

double ranked_midpoint_pi(std::uint64_t steps, const RunOptions& opts) {
  return over_ranks(opts) ? mpi::midpoint_pi(MPI_COMM_WORLD, steps, opts) : midpoint_pi(steps, opts);
}

std::uint64_t ranked_count_primes(std::uint64_t from, std::uint64_t to, const RunOptions& opts) {
  return over_ranks(opts) ? mpi::count_primes(MPI_COMM_WORLD, from, to, opts) : count_primes(from, to, opts);
}

}  // namespace volley::bench
