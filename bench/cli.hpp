#pragma once
// Pieces shared by volley-bench's subcommands: common options and output.
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "bench/report.hpp"

namespace volley::bench {

/// Options every subcommand and the default run take.
struct CommonArgs {
  std::string threads = "0";
  std::string target = "best";
  std::string repeat = "1";
  bool json = false;
  std::string csv;  ///< also write the rows to this CSV file
};

/// Fails (UsageError) when args.csv is set but cannot be written: before any work is done.
void check_csv_writable(const CommonArgs& args);

void add_common(CLI::App& app, CommonArgs& args, const std::string& repeat_default);
unsigned parse_threads(const CommonArgs& args);
int parse_repeat(const CommonArgs& args);

/// Prints rows as the table or as JSON lines, and writes them to args.csv when set.
void emit(const std::vector<Row>& rows, const CommonArgs& args);
/// "running <what> ..." on stderr when it is a terminal; an empty `what` clears the line.
void progress(const std::string& what);

/// The main job: every workload side by side (volley-bench with no subcommand).
void run_default(const CommonArgs& args);

}  // namespace volley::bench
