// Choosing a GPU as a call's target: the names, and the errors where there is no GPU (or no
// such GPU). Runs everywhere; what it expects depends on whether this machine has a GPU.
#include <catch2/catch.hpp>

#include <cctype>
#include <string>
#include <vector>

#include "volley/gpu.hpp"
#include "volley/midpoint.hpp"
#include "volley/monte_carlo.hpp"
#include "volley/primes.hpp"
#include "volley/targets.hpp"

using namespace volley;
using Catch::Matchers::Contains;

TEST_CASE("GPU target names are cuda and cuda:N, in any case") {
  for (const char* name : {"cuda", "CUDA", "Cuda", "cuda:0", "cuda:1", "CUDA:12", "cuda:999"}) CHECK(is_gpu_target(name));
  for (const char* name : {"", "best", "avx2", "cuda:", "cuda:x", "cudax", "cuda0", "cuda:-1", "cuda:1000", "cuda:1 ",
                           " cuda", "gpu", "cud"})
    CHECK_FALSE(is_gpu_target(name));
  CHECK_THROWS_WITH(resolve_gpu("avx2"), Contains("not a GPU target"));
  CHECK_THROWS_AS(resolve_target("cuda:x"), std::invalid_argument);
  CHECK(resolved_target_name("best") == best_target().name());
  std::string fallback = fallback_target().name();  // "scalar", or "emu128" with clang
  for (char& c : fallback) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  CHECK(resolved_target_name(fallback) == fallback_target().name());
}

TEST_CASE("a GPU target on a call that runs on the CPU only is refused") {
  CHECK_THROWS_WITH(resolve_target("cuda"), Contains("is a GPU"));
}

TEST_CASE("GPU targets where there is no GPU are clear errors, and work where there is one") {
  const GpuList& list = list_gpus();
  std::vector<std::uint64_t> numbers = {2, 3, 4, 561, 4294967291};
  std::vector<std::uint8_t> flags(numbers.size());
  if (list.gpus.empty()) {
    INFO("no GPU here: " << list.why_none);
    CHECK_FALSE(list.why_none.empty());
    CHECK_THROWS_WITH(monte_carlo_pi(1000, 42, {.target = "cuda"}), Contains("no GPU is available"));
    CHECK_THROWS_WITH(midpoint_pi(1000, {.target = "cuda:0"}), Contains("no GPU is available"));
    CHECK_THROWS_WITH(is_prime(numbers, flags, {.target = "cuda"}), Contains("no GPU is available"));
    CHECK_THROWS_WITH(count_primes(0, 100, {.target = "cuda"}), Contains("no GPU is available"));
    CHECK_THROWS_WITH(primes_in(0, 100, {.target = "cuda:0"}), Contains("no GPU is available"));
    CHECK_THROWS_WITH(for_each_prime(0, 100, [](std::uint64_t) {}, {.target = "cuda"}), Contains("no GPU is available"));
    CHECK_THROWS_WITH(plan_primes(0, 100, {.target = "cuda"}), Contains("no GPU is available"));
    CHECK_THROWS_AS(resolved_target_name("cuda"), std::invalid_argument);
  } else {
    CHECK(list.why_none.empty());
    CHECK(resolved_target_name("CUDA") == "cuda:0");
    CHECK(monte_carlo_pi(1000, 42, {.target = "cuda"}).hits == 803);
    CHECK(midpoint_pi(1000, {.target = "cuda"}) == midpoint_pi_reference(1000));
    is_prime(numbers, flags, {.target = "cuda"});
    CHECK(flags == std::vector<std::uint8_t>{1, 1, 0, 0, 1});
    CHECK(count_primes(0, 100, {.target = "cuda"}) == 25);
    CHECK(primes_in(90, 110, {.target = "cuda"}) == std::vector<std::uint64_t>{97, 101, 103, 107, 109});
  }
  const std::string missing = "cuda:" + std::to_string(list.gpus.size());
  CHECK_THROWS_AS(monte_carlo_pi(1000, 42, {.target = missing}), std::invalid_argument);
  // Bad input is refused before any GPU is looked for.
  CHECK_THROWS_WITH(monte_carlo_pi(0, 42, {.target = "cuda"}), Contains("samples must be at least 1"));
  CHECK_THROWS_WITH(midpoint_pi(0, {.target = "cuda"}), Contains("steps must be at least 1"));
  CHECK_THROWS_WITH(count_primes(5, 3, {.target = "cuda"}), Contains("greater than to"));
  flags.pop_back();
  CHECK_THROWS_WITH(is_prime(numbers, flags, {.target = "cuda"}), Contains("numbers but"));
}
