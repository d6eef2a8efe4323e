#pragma once
// Running the tutorials' Python (bench/tutorials.py) and the plot script from volley-bench.
#include <string>
#include <vector>

#include "bench/report.hpp"

namespace volley::bench {

/// The path of volley-bench's run-time script `name` (tutorials.py, plot_scaling.py): in
/// VOLLEY_BENCH_DATA beside the running binary. Throws std::runtime_error when it is missing.
std::string bench_script(const std::string& name);

/// A python3 that can import `module` ("" for any python3): Debian's /usr/bin/python3 first
/// (where apt installs python3-matplotlib), then the one on PATH; "" when there is none.
std::string find_python(const std::string& module = "");

/// Runs the tutorials' Python for pi, midpoint and is-prime (or only `workload`, when given), pure
/// and with a Pool of `processes`, at sizes that take about a second each; one row per run
/// (variant "python" or "python pool"). Throws std::runtime_error when a run fails.
std::vector<Row> python_tutorial_rows(const std::string& python, unsigned processes, const std::string& workload = "");

}  // namespace volley::bench
