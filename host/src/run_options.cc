#include "volley/run_options.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <thread>

#include "volley/thread_policy.hpp"

namespace volley {

unsigned max_threads() { return std::max(256u, 64 * std::thread::hardware_concurrency()); }

unsigned resolve_threads(const RunOptions& opts) {
  if (opts.threads == 0) return default_threads();
  if (opts.threads > max_threads())
    throw std::invalid_argument("threads must be at most " + std::to_string(max_threads()) + ", got " +
                                std::to_string(opts.threads));
  return opts.threads;
}

}  // namespace volley
