#include "bench/app.hpp"

#include <string>

#include <fmt/core.h>

#include "bench/count_arg.hpp"
#include "volley/version.hpp"

namespace volley::bench {

std::unique_ptr<Cli> make_cli() {
  auto cli = std::make_unique<Cli>();
  CLI::App& app = cli->app;
  const std::string version =
      std::string("volley-bench ") + VOLLEY_VERSION + "\nMIT License: free to use, change and share; see the LICENSE file";
  app.set_version_flag("--version", version);
  app.require_subcommand(0, 1);
  cli->default_run = add_default_run(app);
  cli->commands = {add_pi(app),         add_quad(app),    add_primes(app),    add_is_prime(app), add_tutorials(app),
                   add_scaling(app),    add_plan_sweep(app), add_targets(app)};
  for (const Command& command : cli->commands) command.app->set_version_flag("--version", version);  // as primesieve takes it
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
