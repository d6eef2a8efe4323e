// volley-bench: the main job. With no subcommand it runs every workload side by side; the
// subcommands run one workload with its parameters. Exit codes: 0 ok, 1 failure, 2 usage.
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <optional>

#include <CLI/CLI.hpp>
#include <fmt/core.h>
#include <fmt/ranges.h>

#include "bench/count_arg.hpp"
#include "bench/report.hpp"
#include "bench/workloads.hpp"
#include "volley/volley.hpp"

namespace vb = volley::bench;

namespace {

// Options every subcommand and the default run take.
struct CommonArgs {
  std::string threads = "0";
  std::string target = "best";
  std::string repeat = "1";
  bool json = false;
};

void add_common(CLI::App& app, CommonArgs& args, const std::string& repeat_default) {
  args.repeat = repeat_default;
  app.add_option("--threads", args.threads, "worker threads (0: the default policy)")->capture_default_str();
  app.add_option("--target", args.target, "ISA target: best, scalar, ssse3, sse4, avx2, avx3, avx3_dl")
      ->capture_default_str();
  app.add_option("--repeat", args.repeat, "runs per measurement; the median time is reported")
      ->capture_default_str();
  app.add_flag("--json", args.json, "print one JSON object per result line");
}

unsigned parse_threads(const CommonArgs& args) {
  const std::uint64_t threads = vb::parse_count(args.threads, "--threads");
  if (threads > volley::max_threads())
    throw vb::UsageError(fmt::format("--threads: {} is more than the {} allowed", threads, volley::max_threads()));
  return static_cast<unsigned>(threads);
}

int parse_repeat(const CommonArgs& args) {
  const std::uint64_t repeat = vb::parse_positive_count(args.repeat, "--repeat");
  if (repeat > 1000) throw vb::UsageError("--repeat: at most 1000");
  return static_cast<int>(repeat);
}

void emit(const std::vector<vb::Row>& rows, bool json) {
  if (json) {
    for (const auto& row : rows) std::cout << vb::to_json(row).dump() << '\n';
  } else {
    vb::print_table(rows);
  }
}

void progress(const std::string& what) {
  if (isatty(STDERR_FILENO)) fmt::print(stderr, "\r\033[Krunning {} ...", what);
}

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

// The main job: both pi workloads, each as reference, scalar, best SIMD and best SIMD on all threads.
void run_default(const CommonArgs& args) {
  const auto policy = volley::default_thread_policy();
  const unsigned threads = parse_threads(args);
  const int repeat = parse_repeat(args);
  volley::resolve_target(args.target);  // fail before any work
  if (!args.json) {
    fmt::print("volley-bench {}: targets compiled {}, best here {}; threads {} ({})\n\n", VOLLEY_VERSION,
               volley::compiled_targets().size(), volley::best_target().name(), threads ? threads : policy.threads,
               threads ? "--threads" : policy.source);
  }
  constexpr std::uint64_t kPiSamples = std::uint64_t{1} << 28;
  constexpr std::uint64_t kQuadSteps = std::uint64_t{1} << 28;
  volley::monte_carlo_pi(volley::kMonteCarloBlock * 8, 0, {.threads = threads});  // start the thread team
  std::vector<vb::Row> rows;
  for (const auto& v : vb::standard_variants(args.target, threads)) {
    progress("pi " + v.name);
    rows.push_back(vb::run_pi(kPiSamples, 1, v, repeat));
  }
  for (const auto& v : vb::standard_variants(args.target, threads)) {
    progress("quad " + v.name);
    rows.push_back(vb::run_quad(kQuadSteps, v, repeat));
  }
  progress("");
  if (isatty(STDERR_FILENO)) fmt::print(stderr, "\r\033[K");
  vb::check_against_reference(rows);
  emit(rows, args.json);
}

vb::Variant single_variant(const CommonArgs& args) {
  return {"run", false, args.target, parse_threads(args)};
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"volley-bench: vectorised, multicore pi workloads side by side", "volley-bench"};
  app.set_version_flag("--version", std::string("volley-bench ") + VOLLEY_VERSION);
  app.require_subcommand(0, 1);
  CommonArgs main_args;
  add_common(app, main_args, "3");

  CommonArgs pi_args;
  std::string samples = "1e8", seed = "1";
  auto* pi = app.add_subcommand("pi", "Monte Carlo pi: darts from xoshiro256++ streams");
  pi->add_option("--samples", samples, "number of darts (e.g. 1000000 or 1e9)")->capture_default_str();
  pi->add_option("--seed", seed, "64-bit seed of the streams")->capture_default_str();
  add_common(*pi, pi_args, "1");

  CommonArgs quad_args;
  std::string steps = "1e8";
  auto* quad = app.add_subcommand("quad", "midpoint-rule pi: exact sum of 4/(1+x^2)");
  quad->add_option("--steps", steps, "number of rectangles, at most 2^52")->capture_default_str();
  add_common(*quad, quad_args, "1");

  bool targets_json = false;
  auto* targets = app.add_subcommand("targets", "ISA targets compiled in, supported by this CPU, chosen");
  targets->add_flag("--json", targets_json, "print JSON");

  try {
    app.parse(argc, argv);
    if (pi->parsed()) {
      const auto n = vb::parse_positive_count(samples, "--samples");
      const auto s = vb::parse_count(seed, "--seed");
      emit({vb::run_pi(n, s, single_variant(pi_args), parse_repeat(pi_args))}, pi_args.json);
    } else if (quad->parsed()) {
      const auto n = vb::parse_positive_count(steps, "--steps");
      emit({vb::run_quad(n, single_variant(quad_args), parse_repeat(quad_args))}, quad_args.json);
    } else if (targets->parsed()) {
      print_targets(targets_json);
    } else {
      run_default(main_args);
    }
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
