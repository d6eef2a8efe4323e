// volley-bench: the main job. With no subcommand it runs every workload side by side; the
// subcommands run one workload with its parameters. Exit codes: 0 ok, 1 failure, 2 usage,
// 130 interrupted.
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include "bench/commands.hpp"
#include "bench/count_arg.hpp"
#include "bench/interrupt.hpp"
#include "volley/version.hpp"

namespace vb = volley::bench;

int main(int argc, char** argv) {
  CLI::App app{"volley-bench: vectorised, multicore tutorial workloads side by side", "volley-bench"};
  app.set_version_flag("--version", std::string("volley-bench ") + VOLLEY_VERSION);
  app.require_subcommand(0, 1);
  const vb::Command default_run = vb::add_default_run(app);
  const std::vector<vb::Command> commands = {vb::add_pi(app),        vb::add_quad(app),       vb::add_primes(app),
                                             vb::add_is_prime(app),  vb::add_tutorials(app),  vb::add_scaling(app),
                                             vb::add_plan_sweep(app), vb::add_targets(app)};
  vb::catch_interrupts();
  try {
    app.parse(argc, argv);
    for (const auto& command : commands)
      if (command.app->parsed()) return command.run();
    return default_run.run();
  } catch (const vb::Interrupted&) {
    fmt::print(stderr, "\nvolley-bench: interrupted\n");
    return 130;
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  } catch (const vb::UsageError& e) {
    fmt::print(stderr, "volley-bench: {}\n", e.what());
    return 2;
  } catch (const std::invalid_argument& e) {
    fmt::print(stderr, "volley-bench: {}\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    fmt::print(stderr, "volley-bench: error: {}\n", e.what());
    return 1;
  }
}
