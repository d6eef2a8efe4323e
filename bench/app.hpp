#pragma once
// volley-bench's command line: the app with every subcommand and its options, built apart
// from main so that tests and fuzzers parse command lines in process without running them.
#include <memory>
#include <vector>

#include <CLI/CLI.hpp>

#include "bench/commands.hpp"

namespace volley::bench {

struct Cli {
  CLI::App app{"volley-bench: vectorised, multicore tutorial workloads side by side", "volley-bench"};
  Command default_run;            ///< runs when no subcommand is given
  std::vector<Command> commands;  ///< the subcommands
};

/// A fresh command line (CLI::App is neither copyable nor movable, hence the pointer).
std::unique_ptr<Cli> make_cli();

/// The command a parsed command line selects: a subcommand's, or the default run. Throws
/// UsageError when options of the default run come before a subcommand.
const Command& selected_command(const Cli& cli);

}  // namespace volley::bench
