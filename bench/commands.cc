#include "bench/commands.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iterator>
#include <limits>
#include <iostream>
#include <memory>

#include <fmt/core.h>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "bench/cli.hpp"
#include "bench/context.hpp"
#include "bench/count_arg.hpp"
#include "bench/gpus.hpp"
#include "bench/interrupt.hpp"
#include "bench/plan_sweep.hpp"
#include "bench/python.hpp"
#include "bench/ranks.hpp"
#include "bench/scaling_command.hpp"
#include "bench/timing.hpp"
#include "bench/workloads.hpp"
#include "volley/volley.hpp"

namespace volley::bench {
namespace {

Variant single_variant(const CommonArgs& args) { return {"run", false, args.target, parse_threads(args)}; }

// The primes of [from, to), streamed one per line (with --json, each a JSON number, after the
// context record), then a summary: on stderr, or with --json as a last line, a result row
// (workload "list"), which an interrupted or failed run never prints. Output goes out in
// 64 KiB pieces, each write checked.
void list_primes(std::uint64_t from, std::uint64_t to, const Variant& v, const CommonArgs& args) {
  const RunOptions opts{.threads = v.threads, .target = v.target, .prime_method = v.method, .stop = interrupt_token()};
  Row row;
  row.workload = "list";
  row.variant = v.name;
  row.target = resolved_target_name(v.target);
  row.threads = is_gpu_target(v.target) ? 1 : resolve_threads(opts);  // one host thread drives a GPU
  row.size = to - from;
  if (args.json) print_context(args);
  std::uint64_t count = 0;
  fmt::memory_buffer out;
  auto write_out = [&] {
    std::fwrite(out.data(), 1, out.size(), stdout);
    out.clear();
    flush_output();
  };
  const auto start = std::chrono::steady_clock::now();
  for_each_prime(from, to, [&](std::uint64_t p) {
    fmt::format_to(std::back_inserter(out), "{}\n", p);
    ++count;
    if (out.size() >= std::size_t{1} << 16) write_out();
  }, opts);
  write_out();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const long peak_mib = usage.ru_maxrss / 1024;  // the process's peak resident memory
  row.seconds = {seconds, seconds, seconds};  // one run
  row.result = count;
  row.detail = {{"from", from}, {"to", to}, {"peak_rss_mib", peak_mib}};
  if (args.json)
    std::cout << to_json(row, {}).dump() << '\n';
  else
    fmt::print(stderr, "{} primes in [{}, {}), {:.6f} s ({}, {} threads), peak memory {} MiB\n", count, from, to,
               seconds, row.target, row.threads, peak_mib);
}

// Every number parsed before the first answer is printed. With --json each answer is a result
// row (workload "is-prime", size 1, result 1 for a prime and 0 otherwise).
void check_numbers(const std::vector<std::string>& texts, const CommonArgs& args) {
  std::vector<std::uint64_t> numbers;
  for (const auto& text : texts) numbers.push_back(parse_count(text, "is-prime"));
  if (args.json) print_context(args);
  for (const std::uint64_t n : numbers) {
    const auto [prime, seconds] = time_median(1, [n] { return is_prime(n); });
    if (args.json) {
      Row row;
      row.workload = "is-prime";
      row.variant = "single";
      row.target = "scalar";
      row.size = 1;
      row.result = prime ? 1 : 0;
      row.seconds = seconds;
      row.detail = {{"number", n}};
      std::cout << to_json(row, {}).dump() << '\n';
    } else {
      fmt::print("{} is {}\n", n, prime ? "prime" : "not prime");
    }
  }
}

// With --json, the context record alone: it holds the targets and the GPUs.
void print_targets(bool json) {
  if (json) {
    std::cout << context_record(thread_count(0), 1).dump() << '\n';
    return;
  }
  std::vector<std::string> compiled, supported;
  for (const auto t : compiled_targets()) compiled.push_back(t.name());
  for (const auto t : supported_targets()) supported.push_back(t.name());
  const std::string best = best_target().name();
  fmt::print("compiled:  {}\nsupported: {}\nchosen:    {}\n", fmt::join(compiled, " "), fmt::join(supported, " "),
             best);
  const GpuList& gpus = list_gpus();
  if (gpus.gpus.empty()) fmt::print("gpus:      none ({})\n", gpus.why_none);
  for (const GpuInfo& gpu : gpus.gpus) fmt::print("gpu:       {} {}\n", gpu.target(), describe(gpu));
}

// A batch of n numbers takes 9 bytes each (the number and its flag): at most 10^8 of them,
// and no more than half the machine's memory.
void check_batch_size(std::uint64_t n) {
  if (n > 100'000'000) throw UsageError("is-prime: a batch holds at most 10^8 numbers");
  const auto memory = static_cast<std::uint64_t>(sysconf(_SC_PHYS_PAGES)) * static_cast<std::uint64_t>(sysconf(_SC_PAGE_SIZE));
  if (9 * n > memory / 2)
    throw UsageError(fmt::format("is-prime: a batch of {} numbers needs {:.1f} GB, more than half of this machine's {:.1f} GB",
                                 n, 9e-9 * static_cast<double>(n), 1e-9 * static_cast<double>(memory)));
}

// Both ends of a range given as counts; from <= to.
std::pair<std::uint64_t, std::uint64_t> parse_range(const std::string& from, const std::string& to) {
  const auto a = parse_count(from, "--from"), b = parse_count(to, "--to");
  if (a > b) throw UsageError(fmt::format("--from ({}) is greater than --to ({})", a, b));
  return {a, b};
}

// primesieve's convention: "STOP" is [0, STOP] and "START STOP" is [START, STOP], as the
// half-open [START, STOP + 1); STOP = 2^64 - 1 needs no "+ 1", being divisible by 3.
std::pair<std::uint64_t, std::uint64_t> closed_range(const std::string& first, const std::string& second) {
  const std::uint64_t start = second.empty() ? 0 : parse_count(first, "START");
  const std::uint64_t stop = parse_count(second.empty() ? first : second, "STOP");
  if (start > stop) throw UsageError(fmt::format("START ({}) is greater than STOP ({})", start, stop));
  return {start, stop == std::numeric_limits<std::uint64_t>::max() ? stop : stop + 1};
}

}  // namespace

Command add_default_run(CLI::App& app) {
  auto args = std::make_shared<CommonArgs>();
  add_common(app, *args, "3");
  return {&app, [args] {
            run_default(*args);
            return 0;
          }};
}

Command add_pi(CLI::App& app) {
  struct Args {
    CommonArgs common;
    std::string samples = "1e8", seed = "1";
  };
  auto args = std::make_shared<Args>();
  auto* pi = app.add_subcommand("pi", "Monte Carlo pi: darts from xoshiro256++ streams");
  pi->add_option("--samples", args->samples, "number of darts (e.g. 1000000 or 1e9)")->type_name("UINT")->capture_default_str();
  pi->add_option("--seed", args->seed, "64-bit seed of the streams")->type_name("UINT")->capture_default_str();
  add_common(*pi, args->common, "1");
  return {pi, [args] {
            check_csv_writable(args->common);
            const auto n = parse_positive_count(args->samples, "--samples");
            const auto seed = parse_count(args->seed, "--seed");
            emit({run_pi(n, seed, single_variant(args->common), parse_repeat(args->common))}, args->common);
            return 0;
          },
          true};
}

Command add_midpoint(CLI::App& app) {
  struct Args {
    CommonArgs common;
    std::string steps = "1e8";
  };
  auto args = std::make_shared<Args>();
  auto* midpoint = app.add_subcommand("midpoint", "midpoint-rule pi: exact sum of 4/(1+x^2) (alias: quad)");
  midpoint->alias("quad");  // its former name
  midpoint->add_option("--steps", args->steps, "number of rectangles, at most 2^52")->type_name("UINT")->capture_default_str();
  add_common(*midpoint, args->common, "1");
  return {midpoint, [args] {
            check_csv_writable(args->common);
            const auto n = parse_positive_count(args->steps, "--steps");
            emit({run_midpoint(n, single_variant(args->common), parse_repeat(args->common))}, args->common);
            return 0;
          },
          true};
}

Command add_primes(CLI::App& app) {
  struct Args {
    CommonArgs common;
    std::string bounds[2];  // START and STOP, or STOP alone
    std::string from = "1e8", to = "1.01e8", method = "auto";
    bool list = false, vs_primesieve = false;
  };
  auto args = std::make_shared<Args>();
  auto* primes = app.add_subcommand("primes", "count (or list) the primes in [START, STOP], or in [--from, --to)");
  primes->add_option("START", args->bounds[0], "the primes in [START, STOP]; alone, START is STOP and the range [0, STOP]")
      ->type_name("UINT");
  primes->add_option("STOP", args->bounds[1], "the last number of the range, at most 2^64 - 1")->type_name("UINT");
  primes->add_option("--from", args->from, "first number of the range")->type_name("UINT")->capture_default_str();
  primes->add_option("--to", args->to, "one past the last number, at most 2^64 - 1")->type_name("UINT")->capture_default_str();
  primes->add_option("--method", args->method, "auto (by estimated cost), sieve, or test (each number)")
      ->check(CLI::IsMember(method_names()))
      ->capture_default_str();
  primes->add_flag("--list", args->list, "print the primes, streamed, instead of counting");
  primes->add_flag("--vs-primesieve", args->vs_primesieve, "also time primesieve on the same range and threads (on all cores against a GPU)");
  add_common(*primes, args->common, "1");
  return {primes, [args, primes] {
            if (args->list) refuse_options(*primes, {"--csv", "--repeat", "--vs-primesieve"}, "does not apply to --list");
            if (job_ranks() > 1 && (args->list || args->vs_primesieve))
              throw UsageError("primes: --list and --vs-primesieve run in one process, not over MPI ranks");
            const bool closed = !args->bounds[0].empty();
            if (closed) refuse_options(*primes, {"--from", "--to"}, "does not go with START and STOP");
            check_csv_writable(args->common);
            const auto [from, to] = closed ? closed_range(args->bounds[0], args->bounds[1])
                                             : parse_range(args->from, args->to);
            resolved_target_name(args->common.target);  // a bad target (or a missing GPU) before any work
            if (args->vs_primesieve && !have_primesieve())
              throw UsageError("--vs-primesieve: this volley-bench was built without primesieve (libprimesieve-dev)");
            Variant v = single_variant(args->common);
            v.method = parse_method(args->method);
            if (args->list) {
              list_primes(from, to, v, args->common);
            } else if (const int repeat = parse_repeat(args->common); args->vs_primesieve) {
              const auto [row, peer] = run_prime_count_vs_primesieve(from, to, v, repeat);
              emit({row, peer}, args->common);
            } else {
              emit({run_prime_count(from, to, v, repeat)}, args->common);
            }
            return 0;
          },
          true};
}

Command add_is_prime(CLI::App& app) {
  struct Args {
    CommonArgs common;
    std::vector<std::string> numbers;
    std::string from, to;
    bool shuffle = false;
  };
  auto args = std::make_shared<Args>();
  auto* is_prime = app.add_subcommand("is-prime", "test numbers, or time the batch test over a range as a list");
  is_prime->add_option("numbers", args->numbers, "numbers to test")->type_name("UINT");
  is_prime->add_option("--from", args->from, "batch mode: first number of the list")->type_name("UINT");
  is_prime->add_option("--to", args->to, "batch mode: one past the last number of the list")->type_name("UINT");
  is_prime->add_flag("--shuffle", args->shuffle, "batch mode: shuffle the list first");
  add_common(*is_prime, args->common, "1");
  return {is_prime, [args, is_prime] {
            if (args->from.empty() != args->to.empty()) throw UsageError("is-prime: give both --from and --to");
            if (args->from.empty() == args->numbers.empty())
              throw UsageError("is-prime: give numbers, or --from and --to (a batch), not both");
            if (!args->numbers.empty()) {
              refuse_options(*is_prime, {"--threads", "--target", "--repeat", "--csv", "--shuffle"},
                             "applies to a batch (--from, --to) only");
              check_numbers(args->numbers, args->common);
              return 0;
            }
            check_csv_writable(args->common);
            const auto [from, to] = parse_range(args->from, args->to);
            check_batch_size(to - from);
            const std::vector<std::uint64_t> list = batch_numbers(from, to, args->shuffle);
            emit({run_is_prime_batch(list, single_variant(args->common), parse_repeat(args->common))}, args->common);
            return 0;
          }};
}

Command add_tutorials(CLI::App& app) {
  auto args = std::make_shared<CommonArgs>();
  auto* tutorials = app.add_subcommand("tutorials", "the tutorials' own Python beside volley, per item");
  add_common(*tutorials, *args, "3");
  return {tutorials, [args] {
            check_csv_writable(*args);
            const std::string python = find_python();
            if (python.empty()) throw std::runtime_error("tutorials: python3 not found (apt-get install python3)");
            const Variant v{"simd+threads", false, args->target, parse_threads(*args)};
            const int repeat = parse_repeat(*args);
            std::vector<Row> rows = python_tutorial_rows(python, resolve_threads({.threads = v.threads}));
            rows.push_back(run_pi(std::uint64_t{1} << 28, 1, v, repeat));
            rows.push_back(run_midpoint(std::uint64_t{1} << 28, v, repeat));
            rows.push_back(run_is_prime_batch(batch_numbers(100'000'000, 101'000'000, false), v, std::max(repeat, 21)));
            std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.workload < b.workload; });
            emit(rows, *args);
            return 0;
          }};
}

Command add_scaling(CLI::App& app) {
  auto args = std::make_shared<ScalingArgs>();
  auto* scaling = app.add_subcommand("scaling", "core investigation: equal tasks on 1, 2, ... workers; CSV and plots");
  scaling->add_option("--workload", args->workload, "task kind: pi, primes, matmul (250x250 Eigen products), random")
      ->capture_default_str();
  scaling->add_option("--tasks", args->tasks, "equal tasks per measurement")->type_name("UINT")->capture_default_str();
  scaling->add_option("--max-workers", args->max_workers, "largest worker count (default: twice the usable cores, at least 8)")->type_name("UINT");
  scaling->add_option("--twenty-max-workers", args->twenty_max_workers,
                      "second experiment: 20 tasks on 1 .. this many workers (0: skip)")->type_name("UINT")->capture_default_str();
  scaling->add_option("--repeat", args->repeat, "runs per worker count")->type_name("UINT")->capture_default_str();
  scaling->add_option("--out", args->out, "output prefix: writes PREFIX.csv, PREFIX.png, PREFIX.svg")
      ->check(file_name(true))
      ->capture_default_str();
  scaling->add_flag("--json", args->json, "print one JSON object per worker count");
  return {scaling, [args] { return run_scaling_command(*args); }};
}

Command add_plan_sweep(CLI::App& app) {
  auto args = std::make_shared<PlanSweepArgs>();
  auto* sweep = app.add_subcommand(
      "plan-sweep", "prime counts around the planner's sieve-or-test threshold: auto against both methods forced");
  sweep->add_option("--bases", args->bases, "where the ranges start (comma-separated counts)")->type_name("UINT,...")
      ->delimiter(',')
      ->capture_default_str();
  sweep->add_option("--octaves", args->octaves, "widths from threshold / 2^k to threshold * 2^k")->type_name("UINT")->capture_default_str();
  add_common(*sweep, args->common, "1");
  return {sweep, [args] {
            check_csv_writable(args->common);
            run_plan_sweep(*args);
            return 0;
          }};
}

Command add_targets(CLI::App& app) {
  auto json = std::make_shared<bool>(false);
  auto* targets = app.add_subcommand("targets", "ISA targets compiled in, supported by this CPU, chosen; the GPUs");
  targets->add_flag("--json", *json, "print JSON");
  return {targets, [json] {
            print_targets(*json);
            return 0;
          }};
}

}  // namespace volley::bench
