#pragma once
// How many threads volley uses when the caller does not say.
//
// Precedence, highest first: an explicit thread count (RunOptions::threads, Pool(n));
// SLURM_CPUS_PER_TASK inside a SLURM job (SLURM_JOB_ID set); OMP_NUM_THREADS (its first
// entry); the CPUs of the process's affinity mask, capped by the cgroup v2 / v1 CPU quota
// (rounded up). A variable that is not a positive integer, or is above max_threads(), is
// ignored with a warning. OpenMP's OMP_THREAD_LIMIT caps the result (see resolve_threads).
#include "volley/contract/cxx20.hpp"
#include "volley/export.hpp"

#include <optional>
#include <string>
#include <vector>

namespace volley {

struct ThreadPolicy {
  unsigned threads;                   ///< the count
  std::string source;                 ///< where it came from, e.g. "CPU affinity mask"
  std::vector<std::string> warnings;  ///< ignored settings, for the user
};

/// What the policy reads; current_thread_environment() fills it from this process.
struct ThreadEnvironment {
  unsigned affinity_cpus = 1;
  std::optional<double> cgroup_cpus;  ///< quota / period, when a quota is set
  std::optional<std::string> omp_num_threads;
  std::optional<std::string> slurm_cpus_per_task;
  bool in_slurm_job = false;
};

/// The policy applied to an environment (pure: no I/O).
VOLLEY_API ThreadPolicy thread_policy_for(const ThreadEnvironment& env);

/// This process's affinity mask, cgroup quota and environment variables.
VOLLEY_API ThreadEnvironment current_thread_environment();

/// thread_policy_for(current_thread_environment()), computed once; its warnings are printed
/// to stderr the first time.
VOLLEY_API const ThreadPolicy& default_thread_policy();

/// default_thread_policy().threads.
VOLLEY_API unsigned default_threads();

}  // namespace volley
