#include "bench/workloads.hpp"

#include <algorithm>
#include <functional>
#include <numeric>
#include <random>
#include <stdexcept>

#include <fmt/core.h>

#include "bench/count_arg.hpp"
#include "bench/interrupt.hpp"
#include "bench/progress.hpp"
#include "bench/ranks.hpp"
#include "bench/timing.hpp"

#include "volley/gpu.hpp"
#include "volley/midpoint.hpp"
#include "volley/monte_carlo.hpp"
#include "volley/primes.hpp"
#include "volley/targets.hpp"

#ifdef VOLLEY_HAVE_PRIMESIEVE
#include <primesieve.hpp>
#endif

namespace volley::bench {
namespace {

// CUDA starts its context on a GPU's first call (a fraction of a second): outside the timing,
// as the CPU's thread team is.
void warm_up_gpu(const std::string& target) { monte_carlo_pi(1, 0, {.target = target}); }

Row start_row(std::string workload, const Variant& v, std::uint64_t items) {
  Row row;
  row.workload = std::move(workload);
  row.variant = v.name;
  row.target = v.reference ? "reference" : resolved_target_name(v.target);
  // One host thread drives a GPU; RunOptions::threads does not apply there.
  const bool gpu = !v.reference && is_gpu_target(v.target);
  row.threads = v.reference || gpu ? 1 : resolve_threads({.threads = v.threads});
  row.ranks = v.reference || gpu ? 1 : static_cast<unsigned>(job_ranks());
  row.size = items;
  progress(fmt::format("{} {} ({}, {} threads)", row.workload, row.variant, row.target, row.threads));
  if (gpu) warm_up_gpu(v.target);
  return row;
}

RunOptions options(const Row& row, const Variant& v) {
  return {.threads = row.threads, .target = v.target, .prime_method = v.method, .stop = interrupt_token(),
          .progress = progress_counter()};
}

void set_count(Row& row, std::uint64_t from, std::uint64_t to, std::uint64_t count, const Seconds& seconds) {
  row.seconds = seconds;
  row.result = count;
  row.shown = fmt::format("{} primes", count);
  row.detail = {{"from", from}, {"to", to}};
}

}  // namespace

std::vector<std::string> method_names() { return {"auto", "sieve", "test"}; }

PrimeMethod parse_method(const std::string& name) {
  const auto names = method_names();
  const auto it = std::find(names.begin(), names.end(), name);
  if (it == names.end()) throw UsageError("--method: expected auto, sieve or test, not '" + name + "'");
  return static_cast<PrimeMethod>(it - names.begin());
}

std::string method_name(PrimeMethod method) { return method_names().at(static_cast<std::size_t>(method)); }

Row run_pi(std::uint64_t samples, std::uint64_t seed, const Variant& v, int repeats) {
  Row row = start_row("pi", v, samples);
  const RunOptions opts = options(row, v);
  const auto [r, seconds] = time_median(repeats, [&] {
    return v.reference ? monte_carlo_pi_reference(samples, seed) : ranked_monte_carlo_pi(samples, seed, opts);
  });
  row.seconds = seconds;
  row.result = r.estimate;
  row.shown = fmt::format("{:.6f} +- {:.1e}", r.estimate, r.std_error);
  row.detail = {{"hits", r.hits}, {"std_error", r.std_error}, {"seed", seed}};
  return row;
}

Row run_midpoint(std::uint64_t steps, const Variant& v, int repeats) {
  Row row = start_row("midpoint", v, steps);
  const RunOptions opts = options(row, v);
  const auto [estimate, seconds] = time_median(repeats, [&] {
    return v.reference ? midpoint_pi_reference(steps) : ranked_midpoint_pi(steps, opts);
  });
  row.seconds = seconds;
  row.result = estimate;
  row.shown = fmt::format("{:.15f}", estimate);
  return row;
}

Row run_prime_count(std::uint64_t from, std::uint64_t to, const Variant& v, int repeats) {
  Row row = start_row("count", v, to - from);
  const RunOptions opts = options(row, v);
  const auto [count, seconds] = time_median(repeats, [&] {
    return v.reference ? primes_in_reference(from, to).size() : ranked_count_primes(from, to, opts);
  });
  set_count(row, from, to, count, seconds);
  if (!v.reference) row.detail["method"] = method_name(plan_primes(from, to, opts).method);
  return row;
}

std::vector<Row> run_prime_count_methods(std::uint64_t from, std::uint64_t to, const Variant& v, int repeats) {
  std::vector<Row> rows;
  std::vector<RunOptions> opts;
  std::vector<std::function<std::uint64_t()>> runs;
  for (const PrimeMethod method : {PrimeMethod::Auto, PrimeMethod::Sieve, PrimeMethod::TestEach}) {
    Variant forced = v;
    forced.name = method_name(method);
    forced.method = method;
    rows.push_back(start_row("count", forced, to - from));
    opts.push_back(options(rows.back(), forced));
    runs.push_back([from, to, o = opts.back()] { return count_primes(from, to, o); });
  }
  const auto timed = time_alternately(repeats, runs);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    set_count(rows[i], from, to, timed[i].result, timed[i].seconds);
    rows[i].detail["method"] = method_name(plan_primes(from, to, opts[i]).method);
    if (i > 0) rows[i].check = timed[i].result == timed[0].result ? "ok" : "MISMATCH";
  }
  return rows;
}

Row run_prime_list(std::uint64_t from, std::uint64_t to, const Variant& v, int repeats) {
  Row row = start_row("list", v, to - from);
  const RunOptions opts = options(row, v);
  const auto [primes, seconds] = time_median(repeats, [&] {
    return v.reference ? primes_in_reference(from, to) : primes_in(from, to, opts);
  });
  const std::uint64_t checksum = std::accumulate(primes.begin(), primes.end(), std::uint64_t{0});
  row.seconds = seconds;
  row.result = primes.size();
  row.shown = fmt::format("{} primes", primes.size());
  row.detail = {{"from", from}, {"to", to}, {"checksum", checksum}};
  return row;
}

// The numbers of [from, to), shuffled (Fisher-Yates, fixed seed) when asked: made in pieces,
// so that Ctrl-C stops a large batch before it is timed.
std::vector<std::uint64_t> batch_numbers(std::uint64_t from, std::uint64_t to, bool shuffle) {
  constexpr std::uint64_t kPiece = std::uint64_t{1} << 20;
  std::vector<std::uint64_t> numbers(to - from);
  for (std::uint64_t i = 0; i < numbers.size(); ++i) {
    if (i % kPiece == 0) throw_if_interrupted();
    numbers[i] = from + i;
  }
  std::mt19937_64 rng(1);
  for (std::uint64_t i = numbers.size(); shuffle && i > 1; --i) {
    if (i % kPiece == 0) throw_if_interrupted();
    std::swap(numbers[i - 1], numbers[std::uniform_int_distribution<std::uint64_t>(0, i - 1)(rng)]);
  }
  return numbers;
}

Row run_is_prime_batch(const std::vector<std::uint64_t>& numbers, const Variant& v, int repeats) {
  Row row = start_row("is-prime", v, numbers.size());
  const RunOptions opts = options(row, v);
  std::vector<std::uint8_t> flags(numbers.size());
  const auto [primes, seconds] = time_median(repeats, [&] {
    if (v.reference) {
      for (std::size_t i = 0; i < numbers.size(); ++i) {
        if (i % 4096 == 0) throw_if_interrupted();
        flags[i] = is_prime_trial_division(numbers[i]);
      }
    } else {
      is_prime(numbers, flags, opts);
    }
    return static_cast<std::uint64_t>(std::count(flags.begin(), flags.end(), 1));
  });
  row.seconds = seconds;
  row.result = primes;
  row.shown = fmt::format("{} primes", primes);
  return row;
}

#ifdef VOLLEY_HAVE_PRIMESIEVE
bool have_primesieve() { return true; }

std::pair<Row, Row> run_prime_count_vs_primesieve(std::uint64_t from, std::uint64_t to, const Variant& v, int repeats) {
  Row row = start_row("count", v, to - from), peer = row;
  peer.variant = "primesieve";
  peer.target = "primesieve";
  if (is_gpu_target(v.target)) peer.threads = resolve_threads({});  // a GPU against the machine's CPU cores
  primesieve::set_num_threads(static_cast<int>(peer.threads));
  const RunOptions opts = options(row, v);
  const auto timed = time_alternately<std::uint64_t>(
      repeats, {[&] { return count_primes(from, to, opts); },
                // primesieve counts the closed range [from, to - 1].
                [&] { return to == from ? std::uint64_t{0} : primesieve::count_primes(from, to - 1); }});
  set_count(row, from, to, timed[0].result, timed[0].seconds);
  set_count(peer, from, to, timed[1].result, timed[1].seconds);
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

std::vector<Variant> gpu_variants() {
  std::vector<Variant> out;
  for (const GpuInfo& gpu : list_gpus().gpus) out.push_back({"gpu", false, gpu.target(), 0});
  return out;
}

void check_against_reference(const std::vector<Row>& rows, Row& row) {
  const auto ref = std::find_if(rows.begin(), rows.end(), [&](const Row& r) {
    return r.workload == row.workload && r.variant == "reference";
  });
  if (ref == rows.end() || &*ref == &row) return;
  // The tutorials' Python, with its own random numbers and sizes, is not checked.
  if (row.target == "python" || row.size != ref->size) return;
  bool same = row.result == ref->result;
  for (const char* key : {"hits", "checksum"})  // the exact facts behind the result
    same = same && row.detail.value(key, nlohmann::json()) == ref->detail.value(key, nlohmann::json());
  row.check = same ? "ok" : "MISMATCH";
}

}  // namespace volley::bench
