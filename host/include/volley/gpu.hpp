#pragma once
// GPUs: which this process can use, and running a call on one. A call runs on a GPU when its
// RunOptions::target is "cuda" (the first GPU) or "cuda:N" (GPU N as CUDA numbers them,
// after CUDA_VISIBLE_DEVICES); "best" always means the best CPU target. Monte Carlo pi,
// midpoint pi, the batch is_prime and the prime counts and lists run on GPUs, with the CPU's
// exact answers; the GPU ignores RunOptions::threads. Asking for a GPU where there is none is std::invalid_argument;
// a GPU failure (out of memory, a failed launch) is std::runtime_error with CUDA's error text.
#include "volley/contract/cxx20.hpp"
#include "volley/export.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace volley {

struct VOLLEY_API GpuInfo {
  int index;          ///< N of the target "cuda:N"
  std::string name;   ///< as the driver names it, e.g. "NVIDIA H100 80GB HBM3"
  int compute_major;  ///< compute capability, e.g. 9.0 for Hopper
  int compute_minor;
  int multiprocessors;
  std::uint64_t memory_bytes;
  /// The RunOptions::target that names this GPU: "cuda:N".
  std::string target() const;
};

struct GpuList {
  std::vector<GpuInfo> gpus;
  std::string why_none;  ///< when gpus is empty: why (no CUDA in this build, no driver, no GPU)
};

/// The GPUs this process can use. Never throws for their absence. The first call starts
/// CUDA's runtime; the list is then kept for the life of the process.
VOLLEY_API const GpuList& list_gpus();

/// Whether `target` has the form of a GPU target: "cuda" or "cuda:N", in any case.
VOLLEY_API bool is_gpu_target(std::string_view target);

/// The index of the GPU that `target` names. Throws std::invalid_argument when `target` is
/// not a GPU target, when there is no GPU (saying why) or when there is no GPU N.
VOLLEY_API int resolve_gpu(std::string_view target);

}  // namespace volley
