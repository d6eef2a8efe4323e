// Uses the installed API, every function and member that the library defines (so that a
// shared libvolley that fails to export one fails to link here); exits non-zero unless the
// answers agree with their references.
#include <cstdio>
#include <stop_token>
#include <vector>

#include <volley/volley.hpp>

namespace {

bool ok = true;

void expect(bool condition, const char* what) {
  if (!condition) std::printf("wrong: %s\n", what);
  ok = ok && condition;
}

}  // namespace

int main() {
  volley::Progress progress;
  const auto mc = volley::monte_carlo_pi(100'000, 3, {.threads = 2, .progress = &progress});
  const double midpoint = volley::midpoint_pi(100'000);
  std::printf("volley %s: monte carlo %.5f, midpoint %.12f\n", VOLLEY_VERSION, mc.estimate, midpoint);
  expect(mc.hits == volley::monte_carlo_pi_reference(100'000, 3).hits, "monte_carlo_pi");
  expect(progress.done == progress.total && progress.total > 0, "progress");
  expect(volley::monte_carlo_block_hits(3, 0, 1000, volley::fallback_target()) <= 1000, "monte_carlo_block_hits");
  expect(midpoint == volley::midpoint_pi_reference(100'000), "midpoint_pi");

  expect(volley::count_primes(0, 1'000'000) == 78498, "count_primes");
  const auto primes = volley::primes_in(1'000'000, 1'001'000);
  expect(primes == volley::primes_in_reference(1'000'000, 1'001'000), "primes_in");
  std::size_t streamed = 0;
  volley::for_each_prime(1'000'000, 1'001'000, [&](std::uint64_t) { ++streamed; });
  expect(streamed == primes.size(), "for_each_prime");
  expect(volley::is_prime(18446744073709551557ULL) && volley::is_prime_trial_division(1'000'003), "is_prime");
  std::vector<std::uint64_t> numbers{2, 4, 561, 1'000'003};
  std::vector<std::uint8_t> flags(numbers.size());
  volley::is_prime(numbers, flags);
  expect(flags == std::vector<std::uint8_t>{1, 0, 0, 1}, "batch is_prime");
  expect(volley::plan_primes(0, 1'000'000).method != volley::PrimeMethod::Auto, "plan_primes");

  expect(!volley::compiled_targets().empty() && !volley::supported_targets().empty(), "targets");
  expect(volley::is_supported(volley::best_target()), "best_target");
  expect(volley::resolve_target("scalar").name() == volley::resolved_target_name("scalar"), "resolve_target");
  const volley::GpuList& gpus = volley::list_gpus();
  for (const volley::GpuInfo& gpu : gpus.gpus) expect(volley::resolve_gpu(gpu.target()) == gpu.index, "gpus");
  expect(!volley::is_gpu_target("best"), "is_gpu_target");

  const volley::ThreadPolicy policy = volley::thread_policy_for(volley::current_thread_environment());
  expect(policy.threads == volley::default_thread_policy().threads && volley::default_threads() >= 1, "thread policy");
  expect(volley::resolve_threads({.threads = 2}) <= volley::max_threads() && volley::thread_limit() >= 1, "threads");

  const volley::Pool pool(2);
  volley::Trace trace;
  const auto squares = pool.map([](int x) { return x * x; }, std::vector{1, 2, 3}, {.trace = &trace});
  expect(squares == std::vector{1, 4, 9} && trace.imbalance() >= 1.0 && volley::current_worker() == -1, "Pool");
  std::stop_source stop;
  stop.request_stop();
  try {
    volley::count_primes(0, 1'000'000'000, {.stop = stop.get_token()});
    expect(false, "a stopped call throws Cancelled");
  } catch (const volley::Cancelled&) {
  }
  return ok ? 0 : 1;
}
