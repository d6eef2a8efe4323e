#pragma once
// Options shared by every workload function.
#include <string>

namespace volley {

struct RunOptions {
  /// Worker threads; 0 means default_threads() (see thread_policy.hpp).
  unsigned threads = 0;
  /// ISA target: "best" (the best one this CPU supports) or a name from target_names().
  std::string target = "best";
};

/// The thread count a call with these options uses. Throws std::invalid_argument when
/// opts.threads exceeds max_threads().
unsigned resolve_threads(const RunOptions& opts);

/// The largest explicit thread count accepted (64 per CPU the machine has, at least 256).
unsigned max_threads();

}  // namespace volley
