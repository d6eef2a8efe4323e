// volley._volley: the library's workloads for Python (the package volley re-exports them).
// Every computation runs without the GIL and stops on Ctrl-C (interrupt.hpp); the library's
// std::invalid_argument becomes ValueError with its message.
#include <nanobind/nanobind.h>
#include <nanobind/stl/optional.h>
#include <nanobind/stl/string.h>
#include <nanobind/stl/vector.h>

#include <functional>
#include <string>
#include <vector>

#include "python/src/arrays.hpp"
#include "python/src/int_arg.hpp"
#include "python/src/interrupt.hpp"
#include "volley/gpu.hpp"
#include "volley/midpoint.hpp"
#include "volley/monte_carlo.hpp"
#include "volley/primes.hpp"
#include "volley/targets.hpp"
#include "volley/thread_policy.hpp"
#include "volley/version.hpp"

namespace nb = nanobind;
using namespace nb::literals;
using volley::python::IntArg;

namespace {

using Threads = std::optional<IntArg>;

volley::RunOptions run_options(const Threads& threads, std::string target) {
  volley::RunOptions opts;
  opts.threads = volley::python::to_threads(threads);
  opts.target = std::move(target);
  return opts;
}

// [start, stop), or [0, start) when stop is None, as range() reads its arguments.
std::pair<std::uint64_t, std::uint64_t> prime_range(const IntArg& start, const std::optional<IntArg>& stop) {
  if (!stop) return {0, volley::python::to_u64(start, "stop")};
  return {volley::python::to_u64(start, "start"), volley::python::to_u64(*stop, "stop")};
}

// The binding of a prime workload: fn(from, to, opts) without the GIL, its result then
// passed through finish (with the GIL).
template <class Fn, class Finish = std::identity>
auto over_range(Fn fn, Finish finish = {}) {
  return [fn, finish](const IntArg& start, const std::optional<IntArg>& stop, const Threads& threads,
                      std::string target) {
    const auto [from, to] = prime_range(start, stop);
    return finish(volley::python::call_interruptibly(run_options(threads, std::move(target)),
                      [&](const volley::RunOptions& opts) { return fn(from, to, opts); }));
  };
}

std::vector<std::string> targets() {
  std::vector<std::string> names;
  for (const volley::Target& t : volley::supported_targets()) names.push_back(t.name());
  for (const volley::GpuInfo& gpu : volley::list_gpus().gpus) names.push_back(gpu.target());
  return names;
}

constexpr const char* kThreadsDoc =
    "threads: worker threads; None (the default) takes volley's policy: SLURM_CPUS_PER_TASK in a\n"
    "    SLURM job, else OMP_NUM_THREADS, else the CPUs this process may use (affinity, cgroup quota).\n"
    "target: \"best\" (the best ISA target of this CPU), one of targets(), or \"cuda\" / \"cuda:N\"\n"
    "    where the build has CUDA and a GPU is present. Results are the same on every target.\n";

std::string doc(const char* head) { return std::string(head) + "\n\n" + kThreadsDoc; }

}  // namespace

NB_MODULE(_volley, m) {
  volley::python::init_interrupts();
  m.attr("__version__") = VOLLEY_VERSION;
  m.attr("MAX_LISTED_PRIMES") = volley::kMaxListedPrimes;

  nb::class_<volley::MonteCarloResult>(m, "MonteCarloResult", "The darts of monte_carlo_pi and its estimate.")
      .def_ro("hits", &volley::MonteCarloResult::hits, "Darts inside the quarter circle.")
      .def_ro("samples", &volley::MonteCarloResult::samples, "Darts thrown.")
      .def_ro("estimate", &volley::MonteCarloResult::estimate, "4 * hits / samples.")
      .def_ro("std_error", &volley::MonteCarloResult::std_error,
              "Standard error of the estimate: 4 * sqrt(p (1 - p) / samples), p = hits / samples.")
      .def("__repr__", [](const volley::MonteCarloResult& r) {
        return "MonteCarloResult(hits=" + std::to_string(r.hits) + ", samples=" + std::to_string(r.samples) +
               ", estimate=" + nb::cast<std::string>(nb::repr(nb::float_(r.estimate))) +
               ", std_error=" + nb::cast<std::string>(nb::repr(nb::float_(r.std_error))) + ")";
      });

  m.def(
      "monte_carlo_pi",
      [](const IntArg& samples, const IntArg& seed, const Threads& threads, std::string target) {
        const auto n = volley::python::to_u64(samples, "samples");
        const auto s = volley::python::to_u64(seed, "seed");
        return volley::python::call_interruptibly(run_options(threads, std::move(target)),
                   [&](const volley::RunOptions& opts) { return volley::monte_carlo_pi(n, s, opts); });
      },
      "samples"_a, "seed"_a = IntArg{nb::int_(1)}, "threads"_a = nb::none(), "target"_a = "best",
      doc("Throws `samples` darts at the unit square from the random streams of `seed` and\n"
          "estimates pi from those inside the quarter circle. The hit count is exact and the same\n"
          "for every thread count and target, and equal to volley-bench's for the same seed.")
          .c_str());

  m.def(
      "midpoint_pi",
      [](const IntArg& steps, const Threads& threads, std::string target) {
        const auto n = volley::python::to_u64(steps, "steps");
        return volley::python::call_interruptibly(run_options(threads, std::move(target)),
                   [&](const volley::RunOptions& opts) { return volley::midpoint_pi(n, opts); });
      },
      "steps"_a, "threads"_a = nb::none(), "target"_a = "best",
      doc("Pi as the midpoint rule's sum for the integral of 4 / (1 + x^2) over [0, 1] with\n"
          "`steps` rectangles: the same double on every target and thread count.")
          .c_str());

  m.def(
      "count_primes",
      over_range([](std::uint64_t from, std::uint64_t to, const volley::RunOptions& opts) {
        return volley::count_primes(from, to, opts);
      }),
      "start"_a, "stop"_a = nb::none(), "threads"_a = nb::none(), "target"_a = "best",
      doc("The number of primes p with start <= p < stop, as range(start, stop) counts; with one\n"
          "argument, those below it. Both bounds are integers from 0 to 2^64 - 1.")
          .c_str());

  m.def(
      "primes",
      over_range(
          [](std::uint64_t from, std::uint64_t to, const volley::RunOptions& opts) {
            return volley::primes_in(from, to, opts);
          },
          [](std::vector<std::uint64_t>&& primes) { return volley::python::to_numpy(std::move(primes)); }),
      "start"_a, "stop"_a = nb::none(), "threads"_a = nb::none(), "target"_a = "best",
      doc("The primes in [start, stop) (with one argument, those below it), ascending, as a NumPy\n"
          "uint64 array that owns volley's buffer (no copy). At most MAX_LISTED_PRIMES primes:\n"
          "a range with more raises ValueError.")
          .c_str());

  m.def(
      "is_prime", [](const IntArg& n) { return volley::is_prime(volley::python::to_u64(n, "n")); }, "n"_a,
      "Whether the integer n (0 <= n < 2^64) is prime: exact (deterministic Miller-Rabin).");

  m.def(
      "is_prime",
      [](const volley::python::IntegerArray& numbers, const Threads& threads, std::string target) {
        return volley::python::is_prime_array(numbers, run_options(threads, std::move(target)));
      },
      "numbers"_a, "threads"_a = nb::none(), "target"_a = "best",
      doc("For an array of integers (any shape, any integer dtype, no negative numbers): a bool\n"
          "array of the same shape telling which are prime. Exact for every 64-bit number.")
          .c_str());
  m.def("targets", &targets,
        "The targets this machine runs, best first: the CPU's ISA targets, then \"cuda:N\" for\n"
        "each GPU where the build has CUDA.");
  m.def("default_threads", &volley::default_threads,
        "The thread count a call with threads=None uses (see the threads argument).");
}
