// volley-bench with no subcommand: every tutorial workload as the plain reference, the
// scalar target, the best target on one thread and on all threads, and the peer.
#include <algorithm>
#include <numeric>
#include <random>

#include <fmt/core.h>

#include "bench/cli.hpp"
#include "bench/interrupt.hpp"
#include "bench/workloads.hpp"
#include "volley/volley.hpp"

namespace volley::bench {

void run_default(const CommonArgs& args) {
  const auto& policy = default_thread_policy();
  const unsigned threads = parse_threads(args);
  const int repeat = parse_repeat(args);
  resolve_target(args.target);  // fail before any work
  if (!args.json) {
    fmt::print("volley-bench {}: targets compiled {}, best here {}; threads {} ({})\n\n", VOLLEY_VERSION,
               compiled_targets().size(), best_target().name(), threads ? threads : policy.threads,
               threads ? "--threads" : policy.source);
  }
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
    progress("prime count " + v.name);
    rows.push_back(run_prime_count(kFrom, kTo, v, fast_repeat));
    progress("prime list " + v.name);
    rows.push_back(run_prime_list(kFrom, kTo, v, fast_repeat));
    progress("batch is_prime " + v.name);
    rows.push_back(run_is_prime_batch(shuffled, v, fast_repeat));
  }
  if (have_primesieve()) {
    progress("primesieve");
    rows.push_back(run_primesieve_count(kFrom, kTo, threads, std::max(repeat, 21)));
  }
  progress("");
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    constexpr const char* kOrder[] = {"pi", "quad", "count", "list", "is-prime"};
    auto rank = [&](const Row& r) { return std::find(std::begin(kOrder), std::end(kOrder), r.workload) - std::begin(kOrder); };
    return rank(a) < rank(b);
  });
  check_against_reference(rows);
  emit(rows, args.json);
}

}  // namespace volley::bench
