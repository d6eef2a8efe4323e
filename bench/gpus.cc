#include "bench/gpus.hpp"

#include <fmt/core.h>

#include "bench/timing.hpp"
#include "volley/monte_carlo.hpp"

namespace volley::bench {

std::string describe(const GpuInfo& gpu) {
  return fmt::format("{}, compute {}.{}, {} SMs, {:.1f} GiB", gpu.name, gpu.compute_major, gpu.compute_minor,
                     gpu.multiprocessors, static_cast<double>(gpu.memory_bytes) / (1 << 30));
}

nlohmann::json gpus_json() {
  const GpuList& list = list_gpus();
  nlohmann::json gpus = nlohmann::json::array();
  for (const GpuInfo& g : list.gpus)
    gpus.push_back({{"index", g.index},
                    {"name", g.name},
                    {"compute_capability", fmt::format("{}.{}", g.compute_major, g.compute_minor)},
                    {"multiprocessors", g.multiprocessors},
                    {"memory_bytes", g.memory_bytes}});
  nlohmann::json out = {{"gpus", gpus}};
  if (list.gpus.empty()) out["why_none"] = list.why_none;
  return out;
}

void print_gpu_startup() {
  const auto start = time_median(1, [] { return &list_gpus(); });
  if (start.result->gpus.empty()) {
    fmt::print("gpus:     none, so no GPU rows ({})\n", start.result->why_none);
    return;
  }
  for (const GpuInfo& gpu : start.result->gpus) {
    const RunOptions opts{.target = gpu.target()};
    const double first = time_median(1, [&] { return monte_carlo_pi(1, 0, opts); }).seconds.median;
    const double small = time_median(5, [&] { return monte_carlo_pi(1'000'000, 0, opts); }).seconds.median;
    fmt::print("gpu:      {} {}; CUDA start {:.3f} s, first call {:.3f} s, then 10^6 darts in {:.3f} ms\n", opts.target,
               describe(gpu), start.seconds.median, first, small * 1e3);
  }
}

}  // namespace volley::bench
