#include "bench/scaling.hpp"

#include <algorithm>
#include <chrono>
#include <functional>
#include <numeric>
#include <random>
#include <stdexcept>

#include <Eigen/Dense>
#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "bench/cli.hpp"
#include "bench/csv.hpp"
#include "bench/interrupt.hpp"
#include "bench/posix.hpp"
#include "bench/progress.hpp"
#include "bench/python.hpp"
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

struct VolleyTask {
  const char* workload;
  const char* size;
};
constexpr VolleyTask kVolleyTasks[] = {{"pi", "2^24 darts"},
                                       {"primes", "a sieve of 10^7 numbers"},
                                       {"matmul", "4 products of 250x250"},
                                       {"random", "10^7 random numbers"}};

// The tutorials' code for the same tasks (bench/tutorials.py), sized so that one task takes
// about 20 ms: Python is 100-1000x slower per item.
struct PythonTask {
  const char* workload;
  unsigned items;
  const char* size;
};
constexpr PythonTask kPythonTasks[] = {{"pi", 200'000, "200,000 darts"},
                                       {"primes", 500, "trial division of 500 numbers"}};

const PythonTask* python_task(const std::string& workload) {
  for (const PythonTask& t : kPythonTasks)
    if (workload == t.workload) return &t;
  return nullptr;
}

// Volatile, so the tasks' results are stored and the work cannot be optimised away.
volatile std::uint64_t sink = 0;

// The seconds of each of `repeats` runs of `tasks` tasks on `workers` workers.
using Runs = std::function<std::vector<double>(unsigned tasks, unsigned workers, int repeats)>;

std::vector<double> volley_runs(const std::string& workload, unsigned tasks, unsigned workers, int repeats) {
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
  return times;
}

std::vector<double> python_runs(const std::string& python, const PythonTask& task, unsigned tasks, unsigned workers,
                                int repeats) {
  throw_if_interrupted();
  std::string output;
  try {
    output = run_program({python, bench_script("tutorials.py"), task.workload, "tasks",
                          std::to_string(task.items), std::to_string(workers), std::to_string(tasks),
                          std::to_string(repeats)},
                         {.capture = true});
  } catch (const std::runtime_error&) {
    throw_if_interrupted_with_child();  // Ctrl-C ended the script too
    throw;
  }
  return nlohmann::json::parse(output).at("seconds").get<std::vector<double>>();
}

// One curve: `base` (experiment, variant, workload, tasks) on 1 .. max_workers workers, round
// by round, each round over every worker count in an order of its own (shuffled with a fixed
// seed): the machine's drift over the study then widens every count's spread alike instead of
// moving one count's median, so that the best-worker rule cannot mistake it for a gain.
void sweep(std::vector<ScalingPoint>& out, const ScalingPoint& base, unsigned max_workers, int repeats,
           const Runs& runs) {
  std::vector<std::vector<double>> times(max_workers);
  std::vector<unsigned> order(max_workers);
  std::iota(order.begin(), order.end(), 1u);
  std::mt19937 shuffler(1);
  for (int round = 1; round <= repeats; ++round, std::shuffle(order.begin(), order.end(), shuffler)) {
    for (const unsigned w : order) {
      progress(fmt::format("{} {} ({}): {} tasks on {} workers, round {} of {}", base.experiment, base.workload,
                           base.variant, base.tasks, w, round, repeats));
      times[w - 1].push_back(runs(base.tasks, w, 1).front());
    }
  }
  const std::size_t first = out.size();
  for (unsigned w = 1; w <= max_workers; ++w) {
    std::vector<double>& t = times[w - 1];
    std::sort(t.begin(), t.end());
    ScalingPoint& p = out.emplace_back(base);
    p.workers = w;
    p.median = t[t.size() / 2];
    p.min = t.front();
    p.max = t.back();
  }
  const std::span<ScalingPoint> curve(out.begin() + static_cast<std::ptrdiff_t>(first), out.end());
  for (ScalingPoint& p : curve) {
    p.speedup = curve.front().median / p.median;
    p.efficiency = p.speedup / p.workers;
  }
  curve[best_worker_count(curve)].best = true;
}

}  // namespace

const std::vector<std::string>& scaling_workloads() {
  static const std::vector<std::string> names{"pi", "primes", "matmul", "random"};
  return names;
}

std::string scaling_task_size(const std::string& workload, const std::string& variant) {
  if (variant == "python pool") {
    const PythonTask* task = python_task(workload);
    return task ? task->size : "";
  }
  for (const VolleyTask& t : kVolleyTasks)
    if (workload == t.workload) return t.size;
  return "";
}

std::vector<ScalingPoint> run_scaling(const ScalingPlan& plan) {
  if (std::find(scaling_workloads().begin(), scaling_workloads().end(), plan.workload) == scaling_workloads().end())
    throw std::invalid_argument("scaling: unknown workload '" + plan.workload + "' (pi, primes, matmul, random)");
  const PythonTask* task = plan.python.empty() ? nullptr : python_task(plan.workload);
  const Runs volley = [&](unsigned tasks, unsigned workers, int repeats) {
    return volley_runs(plan.workload, tasks, workers, repeats);
  };
  const Runs python = [&](unsigned tasks, unsigned workers, int repeats) {
    return python_runs(plan.python, *task, tasks, workers, repeats);
  };
  std::vector<ScalingPoint> points;
  const auto experiment = [&](const char* name, unsigned tasks, unsigned max_workers) {
    sweep(points, {.experiment = name, .variant = "volley", .workload = plan.workload, .tasks = tasks}, max_workers,
          plan.repeats, volley);
    if (task)
      sweep(points, {.experiment = name, .variant = "python pool", .workload = plan.workload, .tasks = tasks},
            max_workers, plan.repeats, python);
  };
  experiment("fixed-tasks", plan.tasks, plan.max_workers);
  if (plan.twenty_tasks_max_workers > 0) experiment("twenty-tasks", 20, plan.twenty_tasks_max_workers);
  progress("");
  return points;
}

std::size_t best_worker_count(std::span<const ScalingPoint> curve) {
  std::size_t best = 0;
  for (std::size_t i = 1; i < curve.size(); ++i)
    if (curve[i].max < 0.97 * curve[best].min) best = i;
  return best;
}

void write_scaling_csv(const std::vector<ScalingPoint>& points, std::ostream& out) {
  out << "experiment,variant,workload,tasks,workers,median,min,max,speedup,efficiency,best\n";
  for (const auto& p : points)
    out << fmt::format("{},{},{},{},{},{:.6f},{:.6f},{:.6f},{:.4f},{:.4f},{}\n", csv_field(p.experiment),
                       csv_field(p.variant), csv_field(p.workload), p.tasks, p.workers, p.median, p.min, p.max,
                       p.speedup, p.efficiency, p.best);
}

}  // namespace volley::bench
