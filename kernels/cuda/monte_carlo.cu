// Monte Carlo pi on the GPU: every lane stream of the layout, split over `splits` threads
// each (a xoshiro jump gives each piece its start), hits summed in integers.
#include <algorithm>
#include <bit>

#include "kernels/cuda/cuda_support.cuh"
#include "kernels/gpu.h"
#include "kernels/gpu_work.h"

namespace volley::kernels::gpu {
namespace {

// 2^35 darts a launch (about 0.1 s on an H100): the stop token is checked between launches.
constexpr std::uint64_t kBlocksPerLaunch = std::uint64_t{1} << 15;

__global__ void monte_carlo_kernel(const MonteCarloLaunch launch, unsigned long long* hits) {
  const std::uint64_t t = std::uint64_t{blockIdx.x} * blockDim.x + threadIdx.x;
  const std::uint64_t sum = block_sum<std::uint64_t>(t < launch.threads() ? monte_carlo_thread_hits(launch, t) : 0);
  if (threadIdx.x == 0 && sum != 0) atomicAdd(hits, static_cast<unsigned long long>(sum));
}

// Enough pieces per stream for about one full wave of resident threads (2048 per SM), so
// that 10^8 darts already keep the GPU busy; a launch of many blocks needs no split.
std::uint32_t splits_for(std::uint64_t blocks, int device) {
  int multiprocessors = 0;
  check(cudaDeviceGetAttribute(&multiprocessors, cudaDevAttrMultiProcessorCount, device), "cudaDeviceGetAttribute");
  const std::uint64_t streams = std::min(blocks, kBlocksPerLaunch) * contract::kMonteCarloLanes;
  const std::uint64_t wanted = contract::ceil_div(std::uint64_t(multiprocessors) * 2048, streams);
  return static_cast<std::uint32_t>(std::min<std::uint64_t>(std::bit_ceil(wanted), kMaxSplits));
}

}  // namespace

std::uint64_t monte_carlo_hits(int device, std::uint64_t seed, std::uint64_t samples, std::stop_token stop) {
  use_device(device);
  const std::uint64_t blocks = contract::ceil_div(samples, contract::kMonteCarloBlock);
  MonteCarloLaunch launch = monte_carlo_launch(seed, samples, splits_for(blocks, device));
  DeviceBuffer<unsigned long long> hits(1);
  check(cudaMemset(hits.get(), 0, sizeof(unsigned long long)), "cudaMemset");
  for (launch.first_block = 0; launch.first_block < blocks; launch.first_block += launch.blocks) {
    if (stop.stop_requested()) return 0;
    launch.blocks = std::min(kBlocksPerLaunch, blocks - launch.first_block);
    monte_carlo_kernel<<<grid_for(launch.threads()), kBlockThreads>>>(launch, hits.get());
    check(cudaGetLastError(), "launching the Monte Carlo kernel");
    check(cudaDeviceSynchronize(), "the Monte Carlo kernel");
  }
  unsigned long long total = 0;
  check(cudaMemcpy(&total, hits.get(), sizeof total, cudaMemcpyDeviceToHost), "cudaMemcpy");
  return total;
}

}  // namespace volley::kernels::gpu
