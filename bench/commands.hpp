#pragma once
// volley-bench's subcommands. Each adds itself and its options to the app and returns what
// runs it once the command line is parsed.
#include <functional>

#include <CLI/CLI.hpp>

namespace volley::bench {

struct Command {
  CLI::App* app;              ///< the subcommand, or the app itself for the default run
  std::function<int()> run;  ///< runs it; returns the exit code
  bool over_ranks = false;   ///< runs over the ranks of an MPI job (see ranks.hpp)
};

/// The main job: every workload side by side (no subcommand); its options go on `app`.
Command add_default_run(CLI::App& app);
Command add_pi(CLI::App& app);
Command add_midpoint(CLI::App& app);
Command add_primes(CLI::App& app);
Command add_is_prime(CLI::App& app);
Command add_tutorials(CLI::App& app);
Command add_scaling(CLI::App& app);
Command add_plan_sweep(CLI::App& app);
Command add_targets(CLI::App& app);

}  // namespace volley::bench
