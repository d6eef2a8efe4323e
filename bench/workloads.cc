#include "bench/workloads.hpp"

#include <algorithm>
#include <chrono>
#include <numeric>
#include <stdexcept>

#include <fmt/core.h>

#include "volley/midpoint.hpp"
#include "volley/monte_carlo.hpp"
#include "volley/primes.hpp"
#include "volley/targets.hpp"

#ifdef VOLLEY_HAVE_PRIMESIEVE
#include <primesieve.hpp>
#endif

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

// Runs a and b alternately `repeats` times each, so that both see the same machine load;
// returns their last results and median times.
template <typename A, typename B>
auto time_medians_interleaved(int repeats, A&& a, B&& b) {
  std::vector<double> seconds_a, seconds_b;
  decltype(a()) result_a{};
  decltype(b()) result_b{};
  auto time = [](auto& fn, auto& result, std::vector<double>& seconds) {
    const auto start = std::chrono::steady_clock::now();
    result = fn();
    seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  };
  for (int i = 0; i < std::max(1, repeats); ++i) {
    time(a, result_a, seconds_a);
    time(b, result_b, seconds_b);
  }
  std::sort(seconds_a.begin(), seconds_a.end());
  std::sort(seconds_b.begin(), seconds_b.end());
  return std::tuple{result_a, seconds_a[seconds_a.size() / 2], result_b, seconds_b[seconds_b.size() / 2]};
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

Row run_prime_count(std::uint64_t from, std::uint64_t to, const Variant& v, int repeats) {
  Row row = start_row("count", v, to - from);
  const RunOptions opts{.threads = row.threads, .target = v.target};
  const auto [count, seconds] = time_median(repeats, [&] {
    return v.reference ? primes_in_reference(from, to).size() : count_primes(from, to, opts);
  });
  row.seconds = seconds;
  row.result = fmt::format("{} primes", count);
  row.fields = {{"from", from}, {"to", to}, {"count", count}};
  return row;
}

Row run_prime_list(std::uint64_t from, std::uint64_t to, const Variant& v, int repeats) {
  Row row = start_row("list", v, to - from);
  const RunOptions opts{.threads = row.threads, .target = v.target};
  const auto [primes, seconds] = time_median(repeats, [&] {
    return v.reference ? primes_in_reference(from, to) : primes_in(from, to, opts);
  });
  const std::uint64_t checksum = std::accumulate(primes.begin(), primes.end(), std::uint64_t{0});
  row.seconds = seconds;
  row.result = fmt::format("{} primes", primes.size());
  row.fields = {{"from", from}, {"to", to}, {"count", primes.size()}, {"checksum", checksum}};
  return row;
}

Row run_is_prime_batch(const std::vector<std::uint64_t>& numbers, const Variant& v, int repeats) {
  Row row = start_row("is-prime", v, numbers.size());
  const RunOptions opts{.threads = row.threads, .target = v.target};
  std::vector<std::uint8_t> flags(numbers.size());
  const auto [primes, seconds] = time_median(repeats, [&] {
    if (v.reference) {
      for (std::size_t i = 0; i < numbers.size(); ++i) flags[i] = is_prime_trial_division(numbers[i]);
    } else {
      is_prime(numbers, flags, opts);
    }
    return static_cast<std::uint64_t>(std::count(flags.begin(), flags.end(), 1));
  });
  row.seconds = seconds;
  row.result = fmt::format("{} primes", primes);
  row.fields = {{"numbers", numbers.size()}, {"primes", primes}};
  return row;
}

#ifdef VOLLEY_HAVE_PRIMESIEVE
bool have_primesieve() { return true; }

std::pair<Row, Row> run_prime_count_vs_primesieve(std::uint64_t from, std::uint64_t to, const Variant& v, int repeats) {
  Row row = start_row("count", v, to - from), peer = row;
  peer.variant = "primesieve";
  peer.target = "primesieve";
  primesieve::set_num_threads(static_cast<int>(peer.threads));
  const RunOptions opts{.threads = row.threads, .target = v.target};
  const auto [count, seconds, peer_count, peer_seconds] = time_medians_interleaved(
      repeats, [&] { return count_primes(from, to, opts); },
      // primesieve counts the closed range [from, to - 1].
      [&] { return to == from ? 0 : primesieve::count_primes(from, to - 1); });
  for (auto [r, c, s] : {std::tuple{&row, count, seconds}, std::tuple{&peer, peer_count, peer_seconds}}) {
    r->seconds = s;
    r->result = fmt::format("{} primes", c);
    r->fields = {{"from", from}, {"to", to}, {"count", c}};
  }
  return {row, peer};
}
#else
bool have_primesieve() { return false; }
std::pair<Row, Row> run_prime_count_vs_primesieve(std::uint64_t, std::uint64_t, const Variant&, int) {
  throw std::runtime_error("volley was built without primesieve (install libprimesieve-dev and rebuild)");
}
#endif

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
    // The fields that must agree: everything but the timing and the seed. Rows sharing none
    // (the tutorials' Python, with its own random numbers and sizes) are not checked.
    int compared = 0;
    bool same = true;
    for (const char* key : {"hits", "estimate", "count", "checksum", "primes"}) {
      if (!ref->fields.contains(key) || !row.fields.contains(key)) continue;
      ++compared;
      same = same && row.fields[key] == ref->fields[key];
    }
    if (compared > 0) row.check = same ? "ok" : "MISMATCH";
  }
}

}  // namespace volley::bench
