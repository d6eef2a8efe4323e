#include "bench/plan_sweep.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <fmt/core.h>

#include "bench/count_arg.hpp"
#include "bench/interrupt.hpp"
#include "bench/progress.hpp"
#include "bench/timing.hpp"
#include "bench/workloads.hpp"
#include "volley/primes.hpp"
#include "volley/targets.hpp"

namespace volley::bench {
namespace {

constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();

// The smallest width w <= limit for which the plan of [base, base + w) sieves (limit when
// none does): the planner tests short ranges and sieves long ones.
std::uint64_t threshold_width(std::uint64_t base, std::uint64_t limit, const RunOptions& opts) {
  auto sieves = [&](std::uint64_t w) { return plan_primes(base, base + w, opts).method == PrimeMethod::Sieve; };
  if (!sieves(limit)) return limit;
  std::uint64_t lo = 0, hi = limit;  // sieves(hi), and lo == 0 or !sieves(lo)
  while (hi - lo > 1) {
    const std::uint64_t mid = lo + (hi - lo) / 2;
    (sieves(mid) ? hi : lo) = mid;
  }
  return hi;
}

// Per range (rows in threes: auto, sieve, test): the method chosen, the three times, and
// auto's time over the better method's.
void print_summary(const std::vector<Row>& rows) {
  fmt::print("\n{:>20} {:>14} {:>7} {:>11} {:>11} {:>11} {:>10}\n", "from", "width", "chosen", "auto (s)", "sieve (s)",
             "test (s)", "auto/best");
  for (std::size_t i = 0; i + 2 < rows.size(); i += 3) {
    const Row &automatic = rows[i], &sieve = rows[i + 1], &test = rows[i + 2];
    const double a = automatic.seconds.median, s = sieve.seconds.median, t = test.seconds.median;
    fmt::print("{:>20} {:>14} {:>7} {:>11.6f} {:>11.6f} {:>11.6f} {:>9.2f}x\n",
               automatic.detail.at("from").get<std::uint64_t>(), automatic.size,
               automatic.detail.at("method").get<std::string>(), a, s, t, a / std::min(s, t));
  }
}

}  // namespace

void run_plan_sweep(const PlanSweepArgs& args) {
  const unsigned threads = parse_threads(args.common);
  const int repeat = parse_repeat(args.common);
  const std::uint64_t octaves = parse_count(args.octaves, "--octaves");
  if (octaves > 10) throw UsageError("--octaves: at most 10");
  resolve_target(args.common.target);
  std::vector<std::uint64_t> bases;
  for (const auto& text : args.bases) bases.push_back(parse_count(text, "--bases"));

  // Starts the thread team and builds the pre-sieve patterns outside the timing.
  count_primes(0, 10'000'000, {.threads = threads, .target = args.common.target, .stop = interrupt_token()});

  std::vector<Row> rows;
  for (const std::uint64_t base : bases) {
    const RunOptions opts{.threads = resolve_threads({.threads = threads}), .target = args.common.target};
    const std::uint64_t room = kMax - base;
    const std::uint64_t threshold = threshold_width(base, room, opts);
    std::uint64_t last_width = 0;
    for (int k = -static_cast<int>(octaves); k <= static_cast<int>(octaves); ++k) {
      const double scaled = std::ldexp(static_cast<double>(threshold), k);
      const std::uint64_t width = scaled >= static_cast<double>(room) ? room : static_cast<std::uint64_t>(scaled);
      if (width == 0 || width == last_width) continue;  // below 1, or past 2^64 - 1 again
      last_width = width;
      throw_if_interrupted();
      const Variant v{"auto", false, args.common.target, opts.threads};
      progress(fmt::format("[{}, {} + {})", base, base, width));
      const std::vector<Row> three = run_prime_count_methods(base, base + width, v, repeat);
      rows.insert(rows.end(), three.begin(), three.end());
    }
  }
  progress("");
  emit(rows, args.common);
  if (!args.common.json) print_summary(rows);
}

}  // namespace volley::bench
