#pragma once
#include <string>

#include "bench/scaling.hpp"

namespace volley::bench {

/// The options of volley-bench scaling, as given on the command line.
struct ScalingArgs {
  std::string workload = "pi";
  std::string tasks = "24";
  std::string max_workers;  ///< empty: twice the usable cores, at least 8
  std::string twenty_max_workers = "20";
  std::string repeat = "5";
  std::string out = "volley-scaling";
  bool json = false;
};

/// Runs the study and writes <out>.csv, <out>.png and <out>.svg; returns the exit code.
int run_scaling_command(const ScalingArgs& args);

}  // namespace volley::bench
