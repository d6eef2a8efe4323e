#include "bench/python.hpp"

#include <filesystem>
#include <stdexcept>
#include <string>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "bench/cli.hpp"
#include "bench/build_info.hpp"
#include "bench/interrupt.hpp"
#include "bench/posix.hpp"
#include "bench/progress.hpp"

namespace volley::bench {
namespace {

struct Tutorial {
  const char* row_workload;  // volley-bench's name of the workload
  const char* script_workload;
  unsigned size;
};
constexpr Tutorial kTutorials[] = {{"pi", "pi", 5'000'000}, {"midpoint", "quad", 5'000'000}, {"is-prime", "primes", 50'000}};

}  // namespace

std::string bench_script(const std::string& name) {
  namespace fs = std::filesystem;
  const fs::path path = (fs::read_symlink("/proc/self/exe").parent_path() / VOLLEY_BENCH_DATA / name).lexically_normal();
  if (!fs::is_regular_file(path))
    throw std::runtime_error(fmt::format("{} is missing: volley-bench is not installed completely", path.string()));
  return path.string();
}

std::string find_python(const std::string& module) {
  for (const char* python : {"/usr/bin/python3", "python3"}) {
    try {
      run_program({python, "-c", module.empty() ? "" : "import " + module}, {.quiet = true});
      return python;
    } catch (const std::runtime_error&) {
      // not there, or without `module`: the next one
    }
  }
  return "";
}

std::vector<Row> python_tutorial_rows(const std::string& python, unsigned processes, const std::string& workload) {
  std::vector<Row> rows;
  for (const Tutorial& t : kTutorials) {
    if (!workload.empty() && workload != t.row_workload) continue;
    for (const char* mode : {"pure", "pool"}) {
      throw_if_interrupted();
      progress(fmt::format("the tutorials' Python: {} ({})", t.row_workload, mode));
      const unsigned procs = std::string(mode) == "pool" ? processes : 1;
      std::string output;
      try {
        output = run_program({python, bench_script("tutorials.py"), t.script_workload, mode,
                              std::to_string(t.size), std::to_string(procs)},
                             {.capture = true});
      } catch (const std::runtime_error&) {
        throw_if_interrupted_with_child();  // Ctrl-C ended the script too
        throw;
      }
      const auto out = nlohmann::json::parse(output);
      Row row;
      row.workload = t.row_workload;
      row.variant = std::string(mode) == "pure" ? "python" : "python pool";
      row.target = "python";
      row.threads = procs;
      const double seconds = out.at("seconds").get<double>();
      row.seconds = {seconds, seconds, seconds};  // one run
      row.size = t.size;
      row.result = out.at("result");
      row.shown = row.result.dump();
      rows.push_back(std::move(row));
    }
  }
  progress("");
  return rows;
}

}  // namespace volley::bench
