#pragma once
// The context of a run, as Google Benchmark's JSON begins with it: volley's version, the
// machine, the threads and where their count came from, the targets, the compiler, the date.
#include <string>

#include <nlohmann/json.hpp>

#include "volley/thread_policy.hpp"

namespace volley::bench {

/// The CPUs this process may run on (affinity mask, cgroup quota), whatever
/// SLURM_CPUS_PER_TASK or OMP_NUM_THREADS say.
ThreadPolicy usable_cpus();

struct ThreadCount {
  unsigned threads;    ///< what a run on `--threads` uses
  std::string source;  ///< "--threads", the default policy's source, or "OMP_THREAD_LIMIT"
};
/// The threads a run uses for a --threads value (0: the default policy).
ThreadCount thread_count(unsigned threads_option);

/// {"context": {...}}: the first line of every --json output.
nlohmann::json context_record(const ThreadCount& threads, int repeats);

}  // namespace volley::bench
