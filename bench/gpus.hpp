#pragma once
// The GPUs as volley-bench reports them.
#include <string>

#include <nlohmann/json.hpp>

#include "volley/gpu.hpp"

namespace volley::bench {

/// "NVIDIA H100 80GB HBM3, compute 9.0, 132 SMs, 79.1 GiB"
std::string describe(const GpuInfo& gpu);

/// The GPUs as JSON: {"gpus": [{index, name, compute_capability, multiprocessors,
/// memory_bytes}, ...]} and, when there is none, "why_none".
nlohmann::json gpus_json();

/// One line per GPU for the default run's header, with the cost of starting CUDA and of a
/// first and a small call (10^6 darts) on it; or the reason there are no GPU rows.
void print_gpu_startup();

}  // namespace volley::bench
