#pragma once
// The core investigation (seed 004): a fixed number of equal tasks on 1, 2, ... workers.
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace volley::bench {

struct ScalingPoint {
  std::string experiment;  ///< "fixed-tasks" (1 .. 2x cores workers) or "twenty-tasks" (1 .. 20)
  std::string workload;
  unsigned tasks, workers;
  double median_s, min_s, max_s;  ///< over the repeats
  double speedup, efficiency;     ///< against 1 worker; efficiency = speedup / workers
};

/// Names of the task kinds: pi, primes, matmul, random.
const std::vector<std::string>& scaling_workloads();

/// Runs `tasks` tasks of `workload` on 1 .. max_workers workers, `repeats` times each, then
/// the seed's second experiment (20 tasks, 1 .. 20 workers) unless `tasks` is 0 there.
std::vector<ScalingPoint> run_scaling(const std::string& workload, unsigned tasks, unsigned max_workers,
                                      unsigned twenty_tasks_max_workers, int repeats);

/// Writes the points as CSV to `out`.
void write_scaling_csv(const std::vector<ScalingPoint>& points, std::ostream& out);

}  // namespace volley::bench
