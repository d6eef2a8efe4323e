#pragma once
// The core investigation (seed 004): a fixed number of equal tasks on 1, 2, ... workers, by
// volley's Pool and by the tutorials' Python on multiprocessing.Pool.
#include <cstddef>
#include <ostream>
#include <span>
#include <string>
#include <vector>

namespace volley::bench {

struct ScalingPoint {
  std::string experiment;  ///< "fixed-tasks" (1 .. max workers) or "twenty-tasks" (1 .. 20)
  std::string variant;     ///< "volley", or "python pool" (the tutorials' code on multiprocessing.Pool)
  std::string workload;
  unsigned tasks = 0, workers = 0;
  double median = 0, min = 0, max = 0;  ///< seconds, over the repeats
  double speedup = 0, efficiency = 0;   ///< against the same variant on 1 worker; efficiency = speedup / workers
  bool best = false;                    ///< the curve's best worker count (best_worker_count)
};

/// What the scaling study runs.
struct ScalingPlan {
  std::string workload;
  unsigned tasks, max_workers;
  unsigned twenty_tasks_max_workers;  ///< 0: no twenty-tasks experiment
  int repeats;
  std::string python;  ///< a python3 for the "python pool" curves; "": none
};

/// Names of the task kinds: pi, primes, matmul, random.
const std::vector<std::string>& scaling_workloads();

/// What one task of `workload` is in `variant` ("2^24 darts"); "" when the variant has no
/// such task (the tutorials' Python has pi and primes only).
std::string scaling_task_size(const std::string& workload, const std::string& variant);

/// Runs the plan: each experiment by volley, then by the tutorials' Python where the plan has a
/// python3 and the Python has the task; speedups, efficiencies and best counts filled in.
std::vector<ScalingPoint> run_scaling(const ScalingPlan& plan);

/// The index in `curve` (one experiment and variant, by rising workers) of its best worker
/// count. Rule: start at the fewest workers; a larger count takes over only when even its slowest
/// run is 3% faster than the current best's fastest run. Overlapping spreads are noise, and the
/// margin covers drift between counts, which the spread misses as each count's repeats run back
/// to back. So a count above the usable cores wins only by a real gain (tasks that divide evenly).
std::size_t best_worker_count(std::span<const ScalingPoint> curve);

/// Writes the points as CSV to `out`: experiment, variant, workload, tasks, workers, median,
/// min, max, speedup, efficiency, best.
void write_scaling_csv(const std::vector<ScalingPoint>& points, std::ostream& out);

}  // namespace volley::bench
