#include "bench/scaling.hpp"

#include <algorithm>
#include <chrono>
#include <stdexcept>

#include <Eigen/Dense>
#include <fmt/core.h>

#include "bench/cli.hpp"
#include "bench/interrupt.hpp"
#include "volley/volley.hpp"

namespace volley::bench {
namespace {

// One task of each kind, each on a single thread and about 5-20 ms here.
std::uint64_t run_task(const std::string& workload, unsigned task) {
  if (workload == "pi") return monte_carlo_pi(std::uint64_t{1} << 24, task, {.threads = 1}).hits;
  if (workload == "primes") {
    const std::uint64_t from = 1'000'000'000 + task * 10'000'000ULL;
    return count_primes(from, from + 10'000'000, {.threads = 1});
  }
  if (workload == "matmul") {  // the seed's repeated 250x250 products
    const Eigen::MatrixXd a = Eigen::MatrixXd::Constant(250, 250, 1.0 + task), b = Eigen::MatrixXd::Identity(250, 250);
    Eigen::MatrixXd c = a;
    for (int i = 0; i < 4; ++i) c.noalias() = a * b;
    return static_cast<std::uint64_t>(c(0, 0));
  }
  // "random": the seed's work_that_CPU, a loop generating random numbers.
  Xoshiro256pp rng(std::uint64_t{task});
  std::uint64_t sum = 0;
  for (int i = 0; i < 10'000'000; ++i) sum += rng() >> 40;
  return sum;
}

// Volatile, so the tasks' results are stored and the work cannot be optimised away.
volatile std::uint64_t sink = 0;

ScalingPoint measure(const std::string& experiment, const std::string& workload, unsigned tasks, unsigned workers,
                     int repeats) {
  std::vector<double> times;
  const Pool pool(workers);
  for (int r = 0; r < repeats; ++r) {
    throw_if_interrupted();
    const auto start = std::chrono::steady_clock::now();
    sink = sink + pool.map_reduce(tasks, [&](std::size_t t) { return run_task(workload, static_cast<unsigned>(t)); },
                            std::plus<>(), std::uint64_t{0},
                                  {.chunk_size = 1, .schedule = Schedule::Dynamic, .stop = interrupt_token()});
    times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(times.begin(), times.end());
  return {experiment, workload, tasks, workers, times[times.size() / 2], times.front(), times.back(), 0, 0};
}

void sweep(std::vector<ScalingPoint>& out, const std::string& experiment, const std::string& workload, unsigned tasks,
           unsigned max_workers, int repeats) {
  const std::size_t first = out.size();
  for (unsigned w = 1; w <= max_workers; ++w) {
    progress(fmt::format("{} {}: {} tasks on {} workers", experiment, workload, tasks, w));
    out.push_back(measure(experiment, workload, tasks, w, repeats));
  }
  for (std::size_t i = first; i < out.size(); ++i) {
    out[i].speedup = out[first].median_s / out[i].median_s;
    out[i].efficiency = out[i].speedup / out[i].workers;
  }
}

}  // namespace

const std::vector<std::string>& scaling_workloads() {
  static const std::vector<std::string> names{"pi", "primes", "matmul", "random"};
  return names;
}

std::vector<ScalingPoint> run_scaling(const std::string& workload, unsigned tasks, unsigned max_workers,
                                      unsigned twenty_tasks_max_workers, int repeats) {
  if (std::find(scaling_workloads().begin(), scaling_workloads().end(), workload) == scaling_workloads().end())
    throw std::invalid_argument("scaling: unknown workload '" + workload + "' (pi, primes, matmul, random)");
  std::vector<ScalingPoint> points;
  sweep(points, "fixed-tasks", workload, tasks, max_workers, repeats);
  if (twenty_tasks_max_workers > 0) sweep(points, "twenty-tasks", workload, 20, twenty_tasks_max_workers, repeats);
  progress("");
  return points;
}

void write_scaling_csv(const std::vector<ScalingPoint>& points, std::ostream& out) {
  out << "experiment,workload,tasks,workers,median_s,min_s,max_s,speedup,efficiency\n";
  for (const auto& p : points)
    out << fmt::format("{},{},{},{},{:.6f},{:.6f},{:.6f},{:.4f},{:.4f}\n", p.experiment, p.workload, p.tasks,
                       p.workers, p.median_s, p.min_s, p.max_s, p.speedup, p.efficiency);
}

}  // namespace volley::bench
