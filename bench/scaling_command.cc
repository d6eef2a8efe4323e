// volley-bench scaling: runs the study, prints the table, writes CSV and the plots.
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <sstream>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "bench/count_arg.hpp"
#include "bench/output_file.hpp"
#include "bench/build_info.hpp"
#include "bench/interrupt.hpp"
#include "bench/posix.hpp"
#include "bench/python.hpp"
#include "bench/scaling_command.hpp"
#include "volley/thread_policy.hpp"

namespace volley::bench {

int run_scaling_command(const ScalingArgs& args) {
  const unsigned cores = default_threads();
  const std::uint64_t tasks = parse_positive_count(args.tasks, "--tasks");  // range-checked before narrowing
  const std::uint64_t max_workers = args.max_workers.empty() ? 2 * cores : parse_positive_count(args.max_workers, "--max-workers");
  const std::uint64_t twenty = parse_count(args.twenty_max_workers, "--twenty-max-workers");
  const std::uint64_t repeats = parse_positive_count(args.repeat, "--repeat");
  if (tasks > 10'000 || max_workers > 256 || twenty > 256 || repeats > 100)
    throw UsageError("scaling: at most 10000 tasks, 256 workers and 100 repeats");
  // All three outputs are checked before the study runs.
  const OutputFile csv(args.out + ".csv", "--out");
  const OutputFile png(args.out + ".png", "--out");
  const OutputFile svg(args.out + ".svg", "--out");

  const auto points = run_scaling(args.workload, static_cast<unsigned>(tasks), static_cast<unsigned>(max_workers),
                                  static_cast<unsigned>(twenty), static_cast<int>(repeats));
  std::ostringstream table;
  write_scaling_csv(points, table);
  const std::string csv_text = table.str();
  csv.write([&](std::ostream& out) { out << csv_text; });
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
    fmt::print("wrote {}\n", csv.path());
  }
  const std::string python = find_python("matplotlib");
  if (python.empty()) {
    fmt::print(stderr, "volley-bench: python3 with matplotlib not found: no plots drawn "
                       "(apt-get install python3-matplotlib)\n");
    return 1;
  }
  // The script draws into temporary files beside the targets (the targets themselves when
  // written in place), which become the plots only once it succeeded; it reads the CSV from
  // stdin, so a CSV written to a device or FIFO still gets its plots.
  StagedFile png_file = png.stage(".png");
  StagedFile svg_file = svg.stage(".svg");
  try {
    run_program({python, std::string(VOLLEY_BENCH_DIR) + "/plot_scaling.py", "-", std::to_string(cores),
                 png_file.path(), svg_file.path()},
                {.input = csv_text});
  } catch (const std::runtime_error& e) {
    throw_if_interrupted_with_child();
    fmt::print(stderr, "volley-bench: drawing the plots failed: {}\n", e.what());
    return 1;
  }
  png_file.commit();
  svg_file.commit();
  if (!args.json) fmt::print("wrote {} and {}\n", png.path(), svg.path());
  return 0;
}

}  // namespace volley::bench
