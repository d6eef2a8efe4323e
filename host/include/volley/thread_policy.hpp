#pragma once
// How many threads volley uses when the caller does not say.
#include <string>

namespace volley {

struct ThreadPolicy {
  unsigned threads;    ///< the count
  std::string source;  ///< where it came from, e.g. "affinity mask" or "OMP_NUM_THREADS"
};

/// The threads this process may really use: the CPUs in its affinity mask, overridden by a
/// valid OMP_NUM_THREADS. Invalid values of the variable are ignored.
ThreadPolicy default_thread_policy();

/// default_thread_policy().threads.
unsigned default_threads();

}  // namespace volley
