// volley-bench scaling: runs the study, prints the table, writes CSV and the plots.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <sstream>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "bench/context.hpp"
#include "bench/count_arg.hpp"
#include "bench/output_file.hpp"
#include "bench/interrupt.hpp"
#include "bench/machine.hpp"
#include "bench/posix.hpp"
#include "bench/python.hpp"
#include "bench/scaling_command.hpp"
#include "volley/thread_policy.hpp"
#include "volley/version.hpp"

namespace volley::bench {
namespace {

std::string today() {
  const std::chrono::year_month_day day{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(day.year()), static_cast<unsigned>(day.month()),
                     static_cast<unsigned>(day.day()));
}

void print_table(const std::vector<ScalingPoint>& points, const ScalingPlan& plan, unsigned cores) {
  fmt::print("core investigation: {} tasks of '{}', {} usable cores ({}), medians of {} runs\n\n", plan.tasks,
             plan.workload, cores, default_thread_policy().source, plan.repeats);
  fmt::print("{:<13} {:<12} {:>6} {:>8} {:>11} {:>11} {:>8} {:>10}\n", "experiment", "variant", "tasks", "workers",
             "median (s)", "spread (s)", "speedup", "efficiency");
  for (const auto& p : points)
    fmt::print("{:<13} {:<12} {:>6} {:>8} {:>11.4f} {:>11.4f} {:>7.2f}x {:>9.0f}%{}\n", p.experiment, p.variant,
               p.tasks, p.workers, p.median, p.max - p.min, p.speedup, 100 * p.efficiency, p.best ? "  best" : "");
  for (const auto& best : points) {
    if (!best.best) continue;
    const auto curve = [&](const ScalingPoint& p) { return p.experiment == best.experiment && p.variant == best.variant; };
    const ScalingPoint* fastest = &best;
    for (const auto& p : points)
      if (curve(p) && p.median < fastest->median) fastest = &p;
    fmt::print("best worker count ({}, {}): {} (fastest median at {} workers)\n", best.experiment, best.variant,
               best.workers, fastest->workers);
  }
}

}  // namespace

int run_scaling_command(const ScalingArgs& args) {
  const unsigned cores = default_threads();
  const std::uint64_t tasks = parse_positive_count(args.tasks, "--tasks");  // range-checked before narrowing
  // At least 8 counts, so that the fixed-tasks curve is sampled on small machines too.
  const std::uint64_t max_workers = args.max_workers.empty() ? std::max(2 * cores, 8u)
                                                             : parse_positive_count(args.max_workers, "--max-workers");
  const std::uint64_t twenty = parse_count(args.twenty_max_workers, "--twenty-max-workers");
  const std::uint64_t repeats = parse_positive_count(args.repeat, "--repeat");
  if (tasks > 10'000 || max_workers > 256 || twenty > 256 || repeats > 100)
    throw UsageError("scaling: at most 10000 tasks, 256 workers and 100 repeats");
  // All three outputs are checked before the study runs.
  const OutputFile csv(args.out + ".csv", "--out");
  const OutputFile png(args.out + ".png", "--out");
  const OutputFile svg(args.out + ".svg", "--out");

  const ScalingPlan plan{.workload = args.workload,
                         .tasks = static_cast<unsigned>(tasks),
                         .max_workers = static_cast<unsigned>(max_workers),
                         .twenty_tasks_max_workers = static_cast<unsigned>(twenty),
                         .repeats = static_cast<int>(repeats),
                         .python = find_python()};
  const auto points = run_scaling(plan);  // checks the workload's name first
  std::string note;  // why there is no Python curve
  if (plan.python.empty())
    note = "python3 not found: no python pool curve";
  else if (scaling_task_size(plan.workload, "python pool").empty())
    note = "no python pool curve: the tutorials' Python has no '" + plan.workload + "' task";
  std::ostringstream table;
  write_scaling_csv(points, table);
  const std::string csv_text = table.str();
  csv.write([&](std::ostream& out) { out << csv_text; });
  if (args.json) {
    std::cout << context_record(thread_count(0), plan.repeats).dump() << '\n';
    for (const auto& p : points)
      std::cout << nlohmann::json{{"experiment", p.experiment}, {"variant", p.variant},  {"workload", p.workload},
                                  {"tasks", p.tasks},           {"workers", p.workers},  {"median", p.median},
                                  {"min", p.min},               {"max", p.max},          {"speedup", p.speedup},
                                  {"efficiency", p.efficiency}, {"best", p.best}}
                       .dump()
                << '\n';
    if (!note.empty()) fmt::print(stderr, "note: {}\n", note);
  } else {
    print_table(points, plan, cores);
    if (!note.empty()) fmt::print("note: {}\n", note);
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
  std::vector<std::string> argv{python,
                                bench_script("plot_scaling.py"),
                                "-",
                                png_file.path(),
                                svg_file.path(),
                                "--cores=" + std::to_string(cores),
                                "--cpu=" + cpu_model(),
                                "--version=" VOLLEY_VERSION,
                                "--date=" + today(),
                                "--repeats=" + std::to_string(repeats)};
  for (const char* variant : {"volley", "python pool"})
    if (const std::string size = scaling_task_size(plan.workload, variant); !size.empty())
      argv.push_back("--task-size=" + std::string(variant) + "=" + size);
  if (!note.empty()) argv.push_back("--note=" + note);
  try {
    run_program(argv, {.input = csv_text});
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
