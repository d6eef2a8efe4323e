#include "bench/app.hpp"

#include <string>

#include <fmt/core.h>

#include "bench/count_arg.hpp"
#include "bench/suggest.hpp"
#include "volley/version.hpp"

namespace volley::bench {
namespace {

constexpr const char* kFooter = R"(
Examples:
  volley-bench                              every workload side by side (the main job)
  volley-bench pi --samples 1e9 --threads 2
  volley-bench midpoint --steps 1e9 --json
  volley-bench primes 1e10                  count the primes in [0, 10^10]
  volley-bench primes 1e12 1.0001e12 --list the primes in [10^12, 1.0001 x 10^12], one per line
  volley-bench is-prime 18446744073709551557
  mpirun -n 4 volley-bench primes 1e11      over 4 MPI ranks
Numbers (UINT) are integers, also in exact scientific notation (1e9, 2.5e6), below 2^64.

Threads: --threads N, else SLURM_CPUS_PER_TASK (inside a SLURM job), else OMP_NUM_THREADS,
else the CPUs of the affinity mask capped by the cgroup CPU quota; OMP_THREAD_LIMIT caps all.

Exit codes: 0 done; 1 failed (a failed write too); 2 usage error; 130 interrupted by Ctrl-C
(128 + the signal: 143 for SIGTERM).
)";

// The parsed subcommand deepest in the command line, or `app` itself.
const CLI::App* innermost(const CLI::App* app) {
  for (const CLI::App* sub : app->get_subcommands())
    if (sub->parsed()) return innermost(sub);
  return app;
}

// CLI11's message behind "volley-bench: ", with the nearest option or subcommand for each
// word it did not expect.
std::string failure_message(const CLI::App* app, const CLI::Error& e) {
  std::string text = fmt::format("volley-bench: {}\n", e.what());
  if (dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr) {
    const CLI::App* scope = innermost(app);
    std::vector<std::string> names;
    for (const CLI::Option* option : scope->get_options())
      for (const std::string& name : option->get_lnames()) names.push_back("--" + name);
    for (const CLI::App* sub : scope->get_subcommands({})) {
      names.push_back(sub->get_name());
      for (const std::string& alias : sub->get_aliases()) names.push_back(alias);
    }
    for (const std::string& word : app->remaining(true))
      if (const std::string near = closest_name(word, names); !near.empty())
        text += fmt::format("volley-bench: {}: did you mean '{}'?\n", word, near);
  }
  return text + "Run with --help for more information.\n";
}

}  // namespace

std::unique_ptr<Cli> make_cli() {
  auto cli = std::make_unique<Cli>();
  CLI::App& app = cli->app;
  const std::string version =
      std::string("volley-bench ") + VOLLEY_VERSION + "\nMIT License: free to use, change and share; see the LICENSE file";
  app.set_version_flag("--version", version);
  app.require_subcommand(0, 1);
  cli->default_run = add_default_run(app);
  cli->commands = {add_pi(app),         add_midpoint(app),    add_primes(app),    add_is_prime(app), add_tutorials(app),
                   add_scaling(app),    add_plan_sweep(app), add_targets(app)};
  app.failure_message(failure_message);
  app.footer(kFooter);
  const std::string no_progress = "no progress line on stderr (there is none with --json or --csv, or off a terminal)";
  app.add_flag("--no-progress", no_progress);
  for (const Command& command : cli->commands) {
    command.app->set_version_flag("--version", version);  // as primesieve takes it
    command.app->footer(kFooter);
    command.app->add_flag("--no-progress", no_progress);
  }
  return cli;
}

const Command& selected_command(const Cli& cli) {
  for (const auto& command : cli.commands) {
    if (!command.app->parsed()) continue;
    // The default run's options, given before a subcommand, would silently not apply to it.
    for (const CLI::Option* option : cli.app.get_options())
      if (option->count() > 0 && option != cli.app.get_help_ptr())
        throw UsageError(fmt::format("{} before '{}' does not apply to it: give it after '{}'", option->get_name(),
                                     command.app->get_name(), command.app->get_name()));
    return command;
  }
  return cli.default_run;
}

}  // namespace volley::bench
