#include "bench/python.hpp"

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <stdexcept>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "bench/cli.hpp"
#include "bench/build_info.hpp"
#include "bench/interrupt.hpp"

namespace volley::bench {
namespace {

std::string capture(const std::string& command) {
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  if (!pipe) throw std::runtime_error("cannot run " + command);
  std::string out;
  char buffer[4096];
  while (const std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe.get())) out.append(buffer, n);
  if (pclose(pipe.release()) != 0) throw std::runtime_error("failed: " + command);
  return out;
}

struct Tutorial {
  const char* row_workload;  // volley-bench's name of the workload
  const char* script_workload;
  unsigned size;
};
constexpr Tutorial kTutorials[] = {{"pi", "pi", 5'000'000}, {"quad", "quad", 5'000'000}, {"is-prime", "primes", 50'000}};

}  // namespace

std::string find_python(const std::string& module) {
  const std::string check = module.empty() ? "" : " -c 'import " + module + "'";
  for (const char* python : {"/usr/bin/python3", "python3"}) {
    const std::string command = module.empty() ? std::string(python) + " -c ''" : std::string(python) + check;
    if (std::system((command + " >/dev/null 2>&1").c_str()) == 0) return python;
  }
  return "";
}

std::vector<Row> python_tutorial_rows(const std::string& python, unsigned processes) {
  std::vector<Row> rows;
  for (const Tutorial& t : kTutorials) {
    for (const char* mode : {"pure", "pool"}) {
      throw_if_interrupted();
      progress(fmt::format("the tutorials' Python: {} ({})", t.row_workload, mode));
      const unsigned procs = std::string(mode) == "pool" ? processes : 1;
      const auto out = nlohmann::json::parse(
          capture(fmt::format("{} '{}/tutorials.py' {} {} {} {}", python, VOLLEY_BENCH_DIR, t.script_workload, mode,
                              t.size, procs)));
      Row row;
      row.workload = t.row_workload;
      row.variant = std::string(mode) == "pure" ? "python" : "python pool";
      row.target = "python";
      row.threads = procs;
      row.seconds = out.at("seconds").get<double>();
      row.items = t.size;
      row.result = out.at("result").dump();
      row.fields = {{"items", t.size}, {"python_result", out.at("result")}};
      rows.push_back(std::move(row));
    }
  }
  progress("");
  return rows;
}

}  // namespace volley::bench
