// volley-bench: the main job. With no subcommand it runs every workload side by side; the
// subcommands run one workload with its parameters. Exit codes: 0 ok, 1 failure (including
// a failed write), 2 usage, 130 interrupted (128 + the signal: 143 for SIGTERM). Started by
// an MPI launcher, it is one rank of a job (bench/ranks.hpp).
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <sstream>

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include "bench/app.hpp"
#include "bench/count_arg.hpp"
#include "bench/interrupt.hpp"
#include "bench/output_file.hpp"
#include "bench/progress.hpp"
#include "bench/ranks.hpp"
#include "volley/cancellation.hpp"

namespace vb = volley::bench;

namespace {

int run(int argc, char** argv) {
  const auto cli = vb::make_cli();
  CLI::App& app = cli->app;
  try {
    app.parse(argc, argv);
    vb::check_launch();
    const vb::Command& command = vb::selected_command(*cli);
    const auto given = [&](const char* name) {
      const CLI::Option* option = command.app->get_option_no_throw(name);
      return option != nullptr && option->count() > 0;
    };
    vb::enable_progress(vb::job_rank() == 0 && !given("--json") && !given("--csv") && !given("--no-progress"));
    if (vb::job_ranks() > 1 && !command.over_ranks)
      throw vb::UsageError(fmt::format("{} runs in one process, not over {} MPI ranks (pi, midpoint and primes do)",
                                       &command == &cli->default_run ? "the default run" : command.app->get_name(),
                                       vb::job_ranks()));
    return command.run();
  } catch (const vb::ClosedPipe&) {
    // The reader of an output file went away: end as a closed standard output does.
    std::signal(SIGPIPE, SIG_DFL);
    std::raise(SIGPIPE);
    return 128 + SIGPIPE;
  } catch (const volley::Cancelled&) {
    vb::report_failure("\nvolley-bench: interrupted\n");
    const int code = vb::interrupted_exit_code() != 0 ? vb::interrupted_exit_code() : 130;
    vb::abort_job(code, "was interrupted");  // the other ranks may be waiting for this one
    return code;
  } catch (const CLI::ParseError& e) {
    std::ostringstream error;
    const int code = app.exit(e, std::cout, error);
    if (!error.str().empty()) vb::report_failure(error.str());
    return code == 0 ? 0 : 2;
  } catch (const vb::UsageError& e) {
    vb::report_failure(fmt::format("volley-bench: {}\n", e.what()));
    return 2;
  } catch (const std::invalid_argument& e) {
    vb::report_failure(fmt::format("volley-bench: {}\n", e.what()));
    return 2;
  } catch (const std::exception& e) {
    vb::report_failure(fmt::format("volley-bench: error: {}\n", e.what()));
    return 1;
  }
}

}  // namespace

int main(int argc, char** argv) {
  // A closed pipe ends the process at once and quietly, as for other tools in a pipeline,
  // even when the parent left SIGPIPE ignored.
  std::signal(SIGPIPE, SIG_DFL);
  vb::catch_interrupts();
  const vb::RankSession ranks;
  int code = run(argc, argv);
  if (code == 0 && (std::fflush(stdout) != 0 || std::ferror(stdout))) {
    vb::report_failure(fmt::format("volley-bench: error: cannot write standard output: {}\n", std::strerror(errno)));
    code = 1;
  }
  return vb::finish_job(code);
}
