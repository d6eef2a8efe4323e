#include "bench/cli.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <iostream>

#include <fmt/core.h>

#include "bench/context.hpp"
#include "bench/count_arg.hpp"
#include "bench/output_file.hpp"
#include "bench/progress.hpp"
#include "bench/ranks.hpp"
#include "volley/run_options.hpp"
#include "volley/thread_policy.hpp"

namespace volley::bench {

void add_common(CLI::App& app, CommonArgs& args, const std::string& repeat_default) {
  args.repeat = repeat_default;
  app.add_option("--threads", args.threads, "worker threads (0: the default policy)")->type_name("UINT")->capture_default_str();
  app.add_option("--target", args.target, "ISA target (best, scalar, ssse3, sse4, avx2, avx3, avx3_dl) or a GPU (cuda, cuda:N)")
      ->capture_default_str();
  app.add_option("--repeat", args.repeat, "runs per measurement; the median time is reported")->type_name("UINT")
      ->capture_default_str();
  app.add_flag("--json", args.json, "print one JSON object per result line");
  app.add_option("--csv", args.csv, "also write the result lines to this CSV file")->check(file_name());
}

CLI::Validator file_name(bool prefix) {
  return CLI::Validator(
      [prefix](const std::string& name) -> std::string {
        if (name.empty()) return "an empty file name";
        if (prefix && name.back() == '/') return "a prefix of file names, not a directory: '" + name + "'";
        return "";
      },
      prefix ? "PREFIX" : "FILE");
}

void check_csv_writable(const CommonArgs& args) {
  if (!args.csv.empty()) check_on_rank_zero([&] { check_writable(args.csv, "--csv"); });
}

unsigned parse_threads(const CommonArgs& args) {
  const std::uint64_t threads = parse_count(args.threads, "--threads");
  if (threads > max_threads())
    throw UsageError(fmt::format("--threads: {} is more than the {} allowed", threads, max_threads()));
  const unsigned asked = threads == 0 ? default_threads() : static_cast<unsigned>(threads);
  const ThreadPolicy usable = usable_cpus();
  if (asked > thread_limit())
    fmt::print(stderr, "volley-bench: note: OMP_THREAD_LIMIT caps the {} threads at {}\n", asked, thread_limit());
  else if (asked > usable.threads)
    fmt::print(stderr, "volley-bench: note: {} threads (from {}) on {} usable CPUs ({}): oversubscribed\n", asked,
               threads == 0 ? default_thread_policy().source : "--threads", usable.threads, usable.source);
  return static_cast<unsigned>(threads);
}

int parse_repeat(const CommonArgs& args) {
  const std::uint64_t repeat = parse_positive_count(args.repeat, "--repeat");
  if (repeat > 1000) throw UsageError("--repeat: at most 1000");
  return static_cast<int>(repeat);
}

void refuse_options(const CLI::App& app, const std::vector<std::string>& options, const std::string& why) {
  for (const auto& option : options)
    if (app.count(option) > 0) throw UsageError(option + " " + why);
}

void emit(const std::vector<Row>& rows, const CommonArgs& args) {
  if (job_rank() != 0) return;  // rank 0 speaks for an MPI job
  RowPrinter printer(args);
  printer.write_csv(rows);  // first: a CSV that cannot be written leaves nothing printed
  for (const Row& row : rows) printer.print(rows, row);
}

void print_context(const CommonArgs& args) {
  const auto threads = static_cast<unsigned>(parse_count(args.threads, "--threads"));
  std::cout << context_record(thread_count(threads), parse_repeat(args)).dump() << '\n';
}

void RowPrinter::print(const std::vector<Row>& rows, const Row& row) {
  progress("");
  if (args_.json) {
    if (!header_printed_) print_context(args_);
    header_printed_ = true;
    std::cout << to_json(row, speedups(rows, row)).dump() << '\n';
  } else {
    if (!header_printed_) print_table_header();
    header_printed_ = true;
    print_table_row(rows, row);
  }
  flush_output();
}

void RowPrinter::write_csv(const std::vector<Row>& rows) const {
  if (!args_.csv.empty()) bench::write_csv(rows, args_.csv);
}

void flush_output() {
  std::cout.flush();
  if (std::fflush(stdout) != 0 || std::ferror(stdout) || !std::cout)
    throw std::runtime_error(std::string("cannot write standard output: ") + std::strerror(errno));
}

}  // namespace volley::bench
