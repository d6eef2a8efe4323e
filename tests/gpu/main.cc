// The GPU tests' runner: without a GPU it says why and exits with kSkipped, which ctest
// reports as skipped (SKIP_RETURN_CODE), never as passed.
#include <cstdio>

#include "tests/catch_session.hpp"
#include "volley/gpu.hpp"

namespace {
constexpr int kSkipped = 77;
}  // namespace

int main(int argc, char** argv) {
  const volley::GpuList& list = volley::list_gpus();
  if (list.gpus.empty()) {
    std::printf("SKIPPED: the GPU tests need a GPU: %s\n", list.why_none.c_str());
    return kSkipped;
  }
  for (const volley::GpuInfo& gpu : list.gpus)
    std::printf("cuda:%d %s (compute %d.%d, %d SMs)\n", gpu.index, gpu.name.c_str(), gpu.compute_major,
                gpu.compute_minor, gpu.multiprocessors);
  return run_catch_session(argc, argv);
}
