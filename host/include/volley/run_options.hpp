#pragma once
// Options shared by every workload function.
#include "volley/contract/cxx20.hpp"
#include "volley/export.hpp"

#include <stop_token>
#include <string>

#include "volley/cancellation.hpp"
#include "volley/progress.hpp"

namespace volley {

/// How the prime workloads process a range: Auto chooses, by estimated cost, between sieving
/// it and testing its numbers one by one (see plan_primes); Sieve and TestEach force one,
/// for measurements. The results are the same either way.
enum class PrimeMethod { Auto, Sieve, TestEach };

struct RunOptions {
  /// Worker threads; 0 means default_threads() (see thread_policy.hpp).
  unsigned threads = 0;
  /// ISA target: "best" (the best one this CPU supports) or the name of one of
  /// supported_targets() (see targets.hpp), in any case.
  std::string target = "best";
  /// The prime workloads' method; the other workloads ignore it.
  PrimeMethod prime_method = PrimeMethod::Auto;
  /// When a stop is requested on it, the call stops early and throws Cancelled
  /// (see cancellation.hpp).
  std::stop_token stop = {};
  /// When set, the call counts its work done there as it goes (see progress.hpp).
  Progress* progress = nullptr;
};

/// The thread count a call with these options uses: opts.threads, or default_threads() for 0,
/// capped by thread_limit(). Throws std::invalid_argument when opts.threads exceeds
/// max_threads().
VOLLEY_API unsigned resolve_threads(const RunOptions& opts);

/// The most threads OpenMP runs at once in this process (OMP_THREAD_LIMIT; unlimited: a very
/// large number).
VOLLEY_API unsigned thread_limit();

/// The largest explicit thread count accepted (64 per CPU the machine has, at least 256).
VOLLEY_API unsigned max_threads();

}  // namespace volley
