// volley-bench with no subcommand: every tutorial workload as the plain reference, the
// scalar target, the best target on one thread and on all threads, and the peer.
#include <algorithm>
#include <fstream>
#include <numeric>
#include <random>

#include <fmt/core.h>

#include "bench/cli.hpp"
#include "bench/build_info.hpp"
#include "bench/interrupt.hpp"
#include "bench/python.hpp"
#include "bench/workloads.hpp"
#include "volley/volley.hpp"

namespace volley::bench {

namespace {

std::string cpu_model() {
  std::ifstream in("/proc/cpuinfo");
  for (std::string line; std::getline(in, line);)
    if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
  return "unknown CPU";
}

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
  fmt::print("compiler: {}, flags {}\n\n", VOLLEY_COMPILER, VOLLEY_CXX_FLAGS);
}

}  // namespace

void run_default(const CommonArgs& args) {
  const auto& policy = default_thread_policy();
  const unsigned threads = parse_threads(args);
  const int repeat = parse_repeat(args);
  resolve_target(args.target);  // fail before any work
  check_csv_writable(args);
  if (!args.json) print_machine(threads ? threads : policy.threads, threads ? "--threads" : policy.source);
  monte_carlo_pi(kMonteCarloBlock * 8, 0, {.threads = threads});  // start the thread team

  constexpr std::uint64_t kPiSamples = std::uint64_t{1} << 28;
  constexpr std::uint64_t kQuadSteps = std::uint64_t{1} << 28;
  constexpr std::uint64_t kFrom = 100'000'000, kTo = 101'000'000;  // the tutorials' prime range
  std::vector<std::uint64_t> shuffled(kTo - kFrom);
  std::iota(shuffled.begin(), shuffled.end(), kFrom);
  std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937_64(1));

  std::vector<Row> rows;
  for (const auto& v : standard_variants(args.target, threads)) {
    // The prime workloads take well under a millisecond: more runs for a stable median. Their
    // references (a plain sieve, trial division) take seconds and run once.
    const int fast_repeat = v.reference ? 1 : std::max(repeat, 21);
    throw_if_interrupted();
    progress("pi " + v.name);
    rows.push_back(run_pi(kPiSamples, 1, v, repeat));
    progress("quad " + v.name);
    rows.push_back(run_quad(kQuadSteps, v, repeat));
    if (v.name == "simd+threads" && have_primesieve()) {  // timed alternately with the peer
      progress("prime count " + v.name + " and primesieve");
      const auto [row, peer] = run_prime_count_vs_primesieve(kFrom, kTo, v, fast_repeat);
      rows.insert(rows.end(), {row, peer});
    } else {
      progress("prime count " + v.name);
      rows.push_back(run_prime_count(kFrom, kTo, v, fast_repeat));
    }
    progress("prime list " + v.name);
    rows.push_back(run_prime_list(kFrom, kTo, v, fast_repeat));
    progress("batch is_prime " + v.name);
    rows.push_back(run_is_prime_batch(shuffled, v, fast_repeat));
  }
  if (const std::string python = find_python(); !python.empty()) {
    const auto python_rows = python_tutorial_rows(python, threads ? threads : policy.threads);
    rows.insert(rows.end(), python_rows.begin(), python_rows.end());
  } else if (!args.json) {
    fmt::print("python3 not found: the tutorials' Python rows are skipped\n\n");
  }
  progress("");
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    constexpr const char* kOrder[] = {"pi", "quad", "count", "list", "is-prime"};
    auto rank = [&](const Row& r) { return std::find(std::begin(kOrder), std::end(kOrder), r.workload) - std::begin(kOrder); };
    return rank(a) < rank(b);
  });
  check_against_reference(rows);
  emit(rows, args);
}

}  // namespace volley::bench
