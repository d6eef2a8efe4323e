// volley-bench: the main job. With no subcommand it runs every workload side by side; the
// subcommands run one workload with its parameters. Exit codes: 0 ok, 1 failure, 2 usage,
// 130 interrupted.
#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include "bench/app.hpp"
#include "bench/count_arg.hpp"
#include "bench/interrupt.hpp"

namespace vb = volley::bench;

int main(int argc, char** argv) {
  const auto cli = vb::make_cli();
  CLI::App& app = cli->app;
  vb::catch_interrupts();
  try {
    app.parse(argc, argv);
    return vb::selected_command(*cli).run();
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
