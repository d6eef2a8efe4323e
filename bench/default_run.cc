// volley-bench with no subcommand: every tutorial workload as the plain reference, the
// scalar target, the best target on one thread and on all threads, and the peer.
#include <algorithm>

#include <fmt/core.h>

#include "bench/cli.hpp"
#include "bench/build_info.hpp"
#include "bench/context.hpp"
#include "bench/gpus.hpp"
#include "bench/interrupt.hpp"
#include "bench/machine.hpp"
#include "bench/progress.hpp"
#include "bench/python.hpp"
#include "bench/workloads.hpp"
#include "volley/volley.hpp"

namespace volley::bench {

namespace {

std::string names(const std::vector<Target>& targets) {
  std::string out;
  for (const Target t : targets) out += (out.empty() ? "" : " ") + t.name();
  return out;
}

void print_machine(unsigned threads, const std::string& source) {
  fmt::print("volley-bench {} on {}\n", VOLLEY_VERSION, cpu_model());
  fmt::print("threads:  {} ({})\n", threads, source);
  fmt::print("targets:  compiled {}; supported {}; chosen {}\n", names(compiled_targets()),
             names(supported_targets()), best_target().name());
  fmt::print("compiler: {}, flags {}\n", VOLLEY_COMPILER, VOLLEY_CXX_FLAGS);
  print_gpu_startup();
  fmt::print("\n");
}

}  // namespace

void run_default(const CommonArgs& args) {
  const auto& policy = default_thread_policy();
  const unsigned threads = parse_threads(args);
  const int repeat = parse_repeat(args);
  resolve_target(args.target);  // fail before any work
  check_csv_writable(args);
  if (!args.json) {
    const ThreadCount count = thread_count(threads);
    print_machine(count.threads, count.source);
  }
  monte_carlo_pi(kMonteCarloBlock * 8, 0, {.threads = threads, .stop = interrupt_token()});  // start the thread team

  constexpr std::uint64_t kPiSamples = std::uint64_t{1} << 28;
  constexpr std::uint64_t kMidpointSteps = std::uint64_t{1} << 28;
  constexpr std::uint64_t kFrom = 100'000'000, kTo = 101'000'000;  // the tutorials' prime range
  const std::vector<std::uint64_t> shuffled = batch_numbers(kFrom, kTo, true);
  const std::string python = find_python();
  if (python.empty() && !args.json) fmt::print("python3 not found: the tutorials' Python rows are skipped\n\n");

  // Workload by workload, each row printed as soon as it is measured: first the tutorial's
  // own Python (where there is one), then the reference, then volley's variants.
  std::vector<Row> rows;
  RowPrinter printer(args);
  auto add = [&](std::vector<Row> measured) {  // rows measured together, each with the others for its speedups
    for (Row& row : measured) {
      check_against_reference(rows, row);
      rows.push_back(std::move(row));
    }
    for (std::size_t i = rows.size() - measured.size(); i < rows.size(); ++i) printer.print(rows, rows[i]);
  };
  std::vector<Variant> with_gpus = standard_variants(args.target, threads);
  for (Variant& v : gpu_variants()) with_gpus.push_back(std::move(v));
  for (const std::string workload : {"pi", "midpoint", "count", "list", "is-prime"}) {
    if (!python.empty())
      add(python_tutorial_rows(python, threads ? threads : policy.threads, workload));
    for (const auto& v : with_gpus) {
      // The prime workloads take well under a millisecond: more runs for a stable median. Their
      // references (a plain sieve, trial division) take seconds and run once.
      const int fast_repeat = v.reference ? 1 : std::max(repeat, 21);
      if (workload == "pi") {
        add({run_pi(kPiSamples, 1, v, repeat)});
      } else if (workload == "midpoint") {
        add({run_midpoint(kMidpointSteps, v, repeat)});
      } else if (workload == "count" && v.name == "simd+threads" && have_primesieve()) {
        auto [row, peer] = run_prime_count_vs_primesieve(kFrom, kTo, v, fast_repeat);  // timed alternately
        add({std::move(row), std::move(peer)});
      } else if (workload == "count") {
        add({run_prime_count(kFrom, kTo, v, fast_repeat)});
      } else if (workload == "list") {
        add({run_prime_list(kFrom, kTo, v, fast_repeat)});
      } else {
        add({run_is_prime_batch(shuffled, v, fast_repeat)});
      }
    }
  }
  progress("");
  printer.write_csv(rows);
}

}  // namespace volley::bench
