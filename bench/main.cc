// volley-bench: the main job. With no subcommand it runs every workload side by side; the
// subcommands run one workload with its parameters. Exit codes: 0 ok, 1 failure, 2 usage.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <numeric>
#include <random>

#include <CLI/CLI.hpp>
#include <fmt/core.h>
#include <fmt/ranges.h>

#include "bench/cli.hpp"
#include "bench/count_arg.hpp"
#include "bench/interrupt.hpp"
#include "bench/python.hpp"
#include "bench/scaling_command.hpp"
#include "bench/workloads.hpp"
#include "volley/volley.hpp"

namespace vb = volley::bench;

namespace {

void print_targets(bool json) {
  std::vector<std::string> compiled, supported;
  for (const auto t : volley::compiled_targets()) compiled.push_back(t.name());
  for (const auto t : volley::supported_targets()) supported.push_back(t.name());
  const std::string best = volley::best_target().name();
  if (json) {
    std::cout << nlohmann::json{{"compiled", compiled}, {"supported", supported}, {"chosen", best}}.dump() << '\n';
    return;
  }
  fmt::print("compiled:  {}\nsupported: {}\nchosen:    {}\n", fmt::join(compiled, " "), fmt::join(supported, " "),
             best);
}

vb::Variant single_variant(const vb::CommonArgs& args) { return {"run", false, args.target, vb::parse_threads(args)}; }

// The primes of [from, to), streamed: one per line, or one JSON object whose "primes" array
// is written as the primes come.
void list_primes(std::uint64_t from, std::uint64_t to, const vb::CommonArgs& args) {
  const vb::Variant v = single_variant(args);
  const volley::RunOptions opts{.threads = v.threads, .target = v.target};
  std::uint64_t count = 0;
  const auto start = std::chrono::steady_clock::now();
  if (args.json) std::cout << fmt::format(R"({{"workload":"list","from":{},"to":{},"primes":[)", from, to);
  volley::for_each_prime(from, to, [&](std::uint64_t p) {
    if (args.json)
      std::cout << (count ? "," : "") << p;
    else
      std::cout << p << '\n';
    ++count;
  }, opts);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const std::string target = volley::resolve_target(v.target).name();
  const unsigned threads = volley::resolve_threads(opts);
  if (args.json)
    std::cout << fmt::format(R"(],"count":{},"target":"{}","threads":{},"seconds":{}}})", count, target, threads, seconds)
              << '\n';
  else
    fmt::print(stderr, "{} primes in [{}, {}), {:.6f} s ({}, {} threads)\n", count, from, to, seconds, target, threads);
}

void check_numbers(const std::vector<std::string>& texts, bool json) {
  for (const auto& text : texts) {
    const std::uint64_t n = vb::parse_count(text, "is-prime");
    const bool prime = volley::is_prime(n);
    if (json)
      std::cout << nlohmann::json{{"workload", "is-prime"}, {"number", n}, {"prime", prime}}.dump() << '\n';
    else
      fmt::print("{} is {}\n", n, prime ? "prime" : "not prime");
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"volley-bench: vectorised, multicore tutorial workloads side by side", "volley-bench"};
  app.set_version_flag("--version", std::string("volley-bench ") + VOLLEY_VERSION);
  app.require_subcommand(0, 1);
  vb::CommonArgs main_args;
  vb::add_common(app, main_args, "3");

  vb::CommonArgs pi_args;
  std::string samples = "1e8", seed = "1";
  auto* pi = app.add_subcommand("pi", "Monte Carlo pi: darts from xoshiro256++ streams");
  pi->add_option("--samples", samples, "number of darts (e.g. 1000000 or 1e9)")->capture_default_str();
  pi->add_option("--seed", seed, "64-bit seed of the streams")->capture_default_str();
  vb::add_common(*pi, pi_args, "1");

  vb::CommonArgs quad_args;
  std::string steps = "1e8";
  auto* quad = app.add_subcommand("quad", "midpoint-rule pi: exact sum of 4/(1+x^2)");
  quad->add_option("--steps", steps, "number of rectangles, at most 2^52")->capture_default_str();
  vb::add_common(*quad, quad_args, "1");

  vb::CommonArgs primes_args;
  std::string from = "1e8", to = "1.01e8";
  bool list = false, vs_primesieve = false;
  auto* primes = app.add_subcommand("primes", "count (or list) the primes in [from, to)");
  primes->add_option("--from", from, "first number of the range")->capture_default_str();
  primes->add_option("--to", to, "one past the last number, at most 2^64 - 1")->capture_default_str();
  primes->add_flag("--list", list, "print the primes, streamed, instead of counting");
  primes->add_flag("--vs-primesieve", vs_primesieve, "also time primesieve on the same range and threads");
  vb::add_common(*primes, primes_args, "1");

  vb::CommonArgs is_prime_args;
  std::vector<std::string> numbers;
  std::string batch_from, batch_to;
  bool shuffle = false;
  auto* is_prime = app.add_subcommand("is-prime", "test numbers, or time the batch test over a range as a list");
  is_prime->add_option("numbers", numbers, "numbers to test");
  is_prime->add_option("--from", batch_from, "batch mode: first number of the list");
  is_prime->add_option("--to", batch_to, "batch mode: one past the last number of the list");
  is_prime->add_flag("--shuffle", shuffle, "batch mode: shuffle the list first");
  vb::add_common(*is_prime, is_prime_args, "1");

  vb::CommonArgs tutorials_args;
  auto* tutorials = app.add_subcommand("tutorials", "the tutorials' own Python beside volley, per item");
  vb::add_common(*tutorials, tutorials_args, "3");

  vb::ScalingArgs scaling_args;
  auto* scaling = app.add_subcommand("scaling", "core investigation: equal tasks on 1, 2, ... workers; CSV and plots");
  scaling->add_option("--workload", scaling_args.workload, "task kind: pi, primes, matmul (250x250 Eigen products), random")
      ->capture_default_str();
  scaling->add_option("--tasks", scaling_args.tasks, "equal tasks per measurement")->capture_default_str();
  scaling->add_option("--max-workers", scaling_args.max_workers, "largest worker count (default: twice the usable cores)");
  scaling->add_option("--twenty-max-workers", scaling_args.twenty_max_workers,
                      "second experiment: 20 tasks on 1 .. this many workers (0: skip)")->capture_default_str();
  scaling->add_option("--repeat", scaling_args.repeat, "runs per worker count")->capture_default_str();
  scaling->add_option("--out", scaling_args.out, "output prefix: writes PREFIX.csv, PREFIX.png, PREFIX.svg")
      ->capture_default_str();
  scaling->add_flag("--json", scaling_args.json, "print one JSON object per worker count");

  bool targets_json = false;
  auto* targets = app.add_subcommand("targets", "ISA targets compiled in, supported by this CPU, chosen");
  targets->add_flag("--json", targets_json, "print JSON");

  vb::catch_interrupts();
  try {
    app.parse(argc, argv);
    for (const auto* args : {&main_args, &pi_args, &quad_args, &primes_args, &is_prime_args, &tutorials_args})
      vb::check_csv_writable(*args);
    if (pi->parsed()) {
      const auto n = vb::parse_positive_count(samples, "--samples");
      const auto s = vb::parse_count(seed, "--seed");
      vb::emit({vb::run_pi(n, s, single_variant(pi_args), vb::parse_repeat(pi_args))}, pi_args);
    } else if (quad->parsed()) {
      const auto n = vb::parse_positive_count(steps, "--steps");
      vb::emit({vb::run_quad(n, single_variant(quad_args), vb::parse_repeat(quad_args))}, quad_args);
    } else if (primes->parsed()) {
      const auto a = vb::parse_count(from, "--from"), b = vb::parse_count(to, "--to");
      if (a > b) throw vb::UsageError(fmt::format("--from ({}) is greater than --to ({})", a, b));
      if (vs_primesieve && !vb::have_primesieve())
        throw vb::UsageError("--vs-primesieve: this volley-bench was built without primesieve (libprimesieve-dev)");
      if (list) {
        list_primes(a, b, primes_args);
      } else {
        const int repeat = vb::parse_repeat(primes_args);
        const vb::Variant v = single_variant(primes_args);
        if (vs_primesieve) {
          const auto [row, peer] = vb::run_prime_count_vs_primesieve(a, b, v, repeat);
          vb::emit({row, peer}, primes_args);
        } else {
          vb::emit({vb::run_prime_count(a, b, v, repeat)}, primes_args);
        }
      }
    } else if (is_prime->parsed()) {
      if (batch_from.empty() != batch_to.empty()) throw vb::UsageError("is-prime: give both --from and --to");
      if (batch_from.empty() && numbers.empty()) throw vb::UsageError("is-prime: give numbers, or --from and --to");
      check_numbers(numbers, is_prime_args.json);
      if (!batch_from.empty()) {
        const auto a = vb::parse_count(batch_from, "--from"), b = vb::parse_count(batch_to, "--to");
        if (a > b) throw vb::UsageError(fmt::format("--from ({}) is greater than --to ({})", a, b));
        if (b - a > 1'000'000'000) throw vb::UsageError("is-prime: a batch holds at most 10^9 numbers");
        std::vector<std::uint64_t> list(b - a);
        std::iota(list.begin(), list.end(), a);
        if (shuffle) std::shuffle(list.begin(), list.end(), std::mt19937_64(1));
        vb::emit({vb::run_is_prime_batch(list, single_variant(is_prime_args), vb::parse_repeat(is_prime_args))},
                 is_prime_args);
      }
    } else if (tutorials->parsed()) {
      const std::string python = vb::find_python();
      if (python.empty()) throw std::runtime_error("tutorials: python3 not found (apt-get install python3)");
      const vb::Variant v{"simd+threads", false, tutorials_args.target, vb::parse_threads(tutorials_args)};
      const int repeat = vb::parse_repeat(tutorials_args);
      std::vector<vb::Row> rows = vb::python_tutorial_rows(python, volley::resolve_threads({.threads = v.threads}));
      rows.push_back(vb::run_pi(std::uint64_t{1} << 28, 1, v, repeat));
      rows.push_back(vb::run_quad(std::uint64_t{1} << 28, v, repeat));
      std::vector<std::uint64_t> numbers(1'000'000);
      std::iota(numbers.begin(), numbers.end(), 100'000'000);
      rows.push_back(vb::run_is_prime_batch(numbers, v, std::max(repeat, 21)));
      std::stable_sort(rows.begin(), rows.end(), [](const vb::Row& a, const vb::Row& b) { return a.workload < b.workload; });
      vb::emit(rows, tutorials_args);
    } else if (scaling->parsed()) {
      return vb::run_scaling_command(scaling_args);
    } else if (targets->parsed()) {
      print_targets(targets_json);
    } else {
      vb::run_default(main_args);
    }
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
  return 0;
}
