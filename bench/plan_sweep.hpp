#pragma once
// volley-bench plan-sweep: prime counts whose widths straddle the planner's threshold between
// sieving and testing number by number, timed with the method it chooses and with each
// method forced, so that a cliff in the cost model would show.
#include <string>
#include <vector>

#include "bench/cli.hpp"

namespace volley::bench {

struct PlanSweepArgs {
  CommonArgs common;
  /// Where the ranges start; the last is 2^64 - 2^40.
  std::vector<std::string> bases = {"1e12", "1e15", "1e18", "18446742974197923840"};
  std::string octaves = "2";  ///< widths from threshold / 2^octaves to threshold * 2^octaves
};

/// Prints, per base and width, the rows of the three runs and a summary: the method chosen
/// and its time over the better method's.
void run_plan_sweep(const PlanSweepArgs& args);

}  // namespace volley::bench
