// volley-bench scaling: runs the study, prints the table, writes CSV and the plots.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "bench/count_arg.hpp"
#include "bench/output_file.hpp"
#include "bench/build_info.hpp"
#include "bench/python.hpp"
#include "bench/scaling_command.hpp"
#include "volley/thread_policy.hpp"

namespace volley::bench {

int run_scaling_command(const ScalingArgs& args) {
  const unsigned cores = default_threads();
  const unsigned tasks = static_cast<unsigned>(parse_positive_count(args.tasks, "--tasks"));
  const std::uint64_t max_workers = args.max_workers.empty() ? 2 * cores : parse_positive_count(args.max_workers, "--max-workers");
  const std::uint64_t twenty = parse_count(args.twenty_max_workers, "--twenty-max-workers");
  const std::uint64_t repeats = parse_positive_count(args.repeat, "--repeat");
  if (tasks > 10'000 || max_workers > 256 || twenty > 256 || repeats > 100)
    throw UsageError("scaling: at most 10000 tasks, 256 workers and 100 repeats");
  const std::string csv = args.out + ".csv";
  check_writable(csv, "--out");

  const auto points = run_scaling(args.workload, tasks, static_cast<unsigned>(max_workers),
                                  static_cast<unsigned>(twenty), static_cast<int>(repeats));
  write_scaling_csv(points, csv);
  for (const auto& p : points) {
    if (args.json) {
      std::cout << nlohmann::json{{"workload", "scaling"}, {"experiment", p.experiment}, {"task", p.workload},
                                  {"tasks", p.tasks}, {"workers", p.workers}, {"seconds", p.median_s},
                                  {"min_seconds", p.min_s}, {"max_seconds", p.max_s}, {"speedup", p.speedup},
                                  {"efficiency", p.efficiency}}.dump()
                << '\n';
    }
  }
  if (!args.json) {
    fmt::print("core investigation: {} tasks of '{}', {} usable cores ({}), medians of {} runs\n\n", tasks,
               args.workload, cores, default_thread_policy().source, repeats);
    fmt::print("{:<13} {:>6} {:>8} {:>11} {:>11} {:>8} {:>10}\n", "experiment", "tasks", "workers", "median (s)",
               "spread (s)", "speedup", "efficiency");
    for (const auto& p : points)
      fmt::print("{:<13} {:>6} {:>8} {:>11.4f} {:>11.4f} {:>7.2f}x {:>9.0f}%\n", p.experiment, p.tasks, p.workers,
                 p.median_s, p.max_s - p.min_s, p.speedup, 100 * p.efficiency);
    for (const char* experiment : {"fixed-tasks", "twenty-tasks"}) {
      const ScalingPoint* fastest = nullptr;
      for (const auto& p : points)
        if (p.experiment == experiment && (!fastest || p.median_s < fastest->median_s)) fastest = &p;
      if (!fastest) continue;
      // The fewest workers within 5% of the fastest: more buys nothing measurable.
      const ScalingPoint* best = fastest;
      for (const auto& p : points)
        if (p.experiment == experiment && p.median_s <= 1.05 * fastest->median_s && p.workers < best->workers) best = &p;
      fmt::print("best worker count ({}): {} (fastest median at {} workers)\n", experiment, best->workers,
                 fastest->workers);
    }
    fmt::print("wrote {}\n", csv);
  }
  const std::string python = find_python("matplotlib");
  if (python.empty()) {
    fmt::print(stderr, "volley-bench: python3 with matplotlib not found: no plots drawn "
                       "(apt-get install python3-matplotlib)\n");
    return 1;
  }
  const std::string command = fmt::format("{} '{}/plot_scaling.py' '{}' {} '{}'", python, VOLLEY_BENCH_DIR, csv,
                                          cores, args.out);
  if (std::system(command.c_str()) != 0) {
    fmt::print(stderr, "volley-bench: drawing the plots failed: {}\n", command);
    return 1;
  }
  if (!args.json) fmt::print("wrote {0}.png and {0}.svg\n", args.out);
  return 0;
}

}  // namespace volley::bench
