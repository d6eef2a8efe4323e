#include "volley/run_options.hpp"

#include <omp.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <thread>

#include "volley/thread_policy.hpp"

namespace volley {

// hardware_concurrency() reads /sys on every call; the limit is fixed for the process.
unsigned max_threads() {
  static const unsigned limit = std::max(256u, 64 * std::thread::hardware_concurrency());
  return limit;
}

unsigned thread_limit() { return static_cast<unsigned>(std::max(1, omp_get_thread_limit())); }

unsigned resolve_threads(const RunOptions& opts) {
  if (opts.threads > max_threads())
    throw std::invalid_argument("threads must be at most " + std::to_string(max_threads()) + ", got " +
                                std::to_string(opts.threads));
  return std::min(opts.threads == 0 ? default_threads() : opts.threads, thread_limit());
}

}  // namespace volley
