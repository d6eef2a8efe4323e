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
/// CLI11 validator of a file name, or with `prefix` a name to which suffixes are added: not
/// empty, and not a directory's name ending in '/'.
CLI::Validator file_name(bool prefix = false);
unsigned parse_threads(const CommonArgs& args);
int parse_repeat(const CommonArgs& args);

/// Throws UsageError "<option> <why>" for the first of `options` given on `app`'s command line:
/// options that do not apply to the mode chosen are refused, not ignored.
void refuse_options(const CLI::App& app, const std::vector<std::string>& options, const std::string& why);

/// The context record of a run with `args` as one JSON line on standard output.
void print_context(const CommonArgs& args);

/// Prints rows as the table or as JSON lines (after the context record), and writes them to
/// args.csv when set.
void emit(const std::vector<Row>& rows, const CommonArgs& args);

/// Prints rows one at a time as they are measured (the table's header or the context record
/// first), so that an
/// interrupted run keeps what it printed; write_csv() then writes them all to args.csv.
class RowPrinter {
 public:
  explicit RowPrinter(const CommonArgs& args) : args_(args) {}
  /// Prints `row`, one of `rows`, with its speedups over the others.
  void print(const std::vector<Row>& rows, const Row& row);
  void write_csv(const std::vector<Row>& rows) const;

 private:
  const CommonArgs& args_;
  bool header_printed_ = false;
};

/// Flushes standard output; throws std::runtime_error with the reason when a write failed
/// (a full disk), so that a run stops at its first failed write.
void flush_output();

/// The main job: every workload side by side (volley-bench with no subcommand).
void run_default(const CommonArgs& args);

}  // namespace volley::bench
