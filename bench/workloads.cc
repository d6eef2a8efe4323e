#include "bench/workloads.hpp"

#include <algorithm>
#include <chrono>

#include <fmt/core.h>

#include "volley/midpoint.hpp"
#include "volley/monte_carlo.hpp"
#include "volley/targets.hpp"

namespace volley::bench {
namespace {

// Runs fn `repeats` times; returns its last result and the median time.
template <typename Fn>
auto time_median(int repeats, Fn&& fn) {
  std::vector<double> seconds;
  decltype(fn()) result{};
  for (int i = 0; i < std::max(1, repeats); ++i) {
    const auto start = std::chrono::steady_clock::now();
    result = fn();
    seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(seconds.begin(), seconds.end());
  return std::pair{result, seconds[seconds.size() / 2]};
}

Row start_row(std::string workload, const Variant& v, std::uint64_t items) {
  Row row;
  row.workload = std::move(workload);
  row.variant = v.name;
  row.target = v.reference ? "reference" : resolve_target(v.target).name();
  row.threads = v.reference ? 1 : resolve_threads({.threads = v.threads});
  row.items = items;
  return row;
}

}  // namespace

Row run_pi(std::uint64_t samples, std::uint64_t seed, const Variant& v, int repeats) {
  Row row = start_row("pi", v, samples);
  const RunOptions opts{.threads = row.threads, .target = v.target};
  const auto [r, seconds] = time_median(repeats, [&] {
    return v.reference ? monte_carlo_pi_reference(samples, seed) : monte_carlo_pi(samples, seed, opts);
  });
  row.seconds = seconds;
  row.result = fmt::format("{:.6f} +- {:.1e}", r.estimate, r.std_error);
  row.fields = {{"samples", r.samples}, {"hits", r.hits}, {"estimate", r.estimate},
                {"std_error", r.std_error}, {"seed", seed}};
  return row;
}

Row run_quad(std::uint64_t steps, const Variant& v, int repeats) {
  Row row = start_row("quad", v, steps);
  const RunOptions opts{.threads = row.threads, .target = v.target};
  const auto [estimate, seconds] = time_median(repeats, [&] {
    return v.reference ? midpoint_pi_reference(steps) : midpoint_pi(steps, opts);
  });
  row.seconds = seconds;
  row.result = fmt::format("{:.15f}", estimate);
  row.fields = {{"steps", steps}, {"estimate", estimate}};
  return row;
}

std::vector<Variant> standard_variants(const std::string& target, unsigned threads) {
  const std::string fallback = fallback_target().name();
  return {{"reference", true, fallback, 1},
          {"scalar", false, fallback, 1},
          {"simd", false, target, 1},
          {"simd+threads", false, target, threads}};
}

void check_against_reference(std::vector<Row>& rows) {
  for (Row& row : rows) {
    const auto ref = std::find_if(rows.begin(), rows.end(), [&](const Row& r) {
      return r.workload == row.workload && r.variant == "reference";
    });
    if (ref == rows.end() || &*ref == &row) continue;
    const bool same = row.workload == "pi" ? row.fields["hits"] == ref->fields["hits"]
                                           : row.fields["estimate"] == ref->fields["estimate"];
    row.check = same ? "ok" : "MISMATCH";
  }
}

}  // namespace volley::bench
