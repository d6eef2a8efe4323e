// Midpoint-rule pi on the GPU: the contract's terms (compiled with -fmad=false, IEEE
// division), 1024 per thread summed in 64 bits, then in 128 bits across the block and the GPU.
#include <algorithm>

#include "kernels/cuda/cuda_support.cuh"
#include "kernels/gpu.h"
#include "kernels/gpu_work.h"

namespace volley::kernels::gpu {
namespace {

// 2^32 terms a launch (about 20 ms at 200 G steps/s): the stop token is checked between launches.
constexpr std::uint64_t kThreadsPerLaunch = std::uint64_t{1} << 22;

// sum[0] + 2^64 sum[1] += value, exactly: the carry out of the low word goes to the high one.
__device__ void atomic_add(unsigned long long* sum, contract::u128 value) {
  const auto low = static_cast<unsigned long long>(value);
  const unsigned long long old = atomicAdd(&sum[0], low);
  atomicAdd(&sum[1], static_cast<unsigned long long>(value >> 64) + (old + low < old));
}

__global__ void midpoint_kernel(const contract::MidpointConstants k, std::uint64_t steps, std::uint64_t first,
                                std::uint64_t threads, unsigned long long* sum) {
  const std::uint64_t t = std::uint64_t{blockIdx.x} * blockDim.x + threadIdx.x;
  const contract::u128 total = block_sum<contract::u128>(
      t < threads ? midpoint_thread_sum(k, steps, first + t * kMidpointTermsPerThread) : 0);
  if (threadIdx.x == 0) atomic_add(sum, total);
}

}  // namespace

contract::u128 midpoint_scaled_sum(int device, std::uint64_t steps, std::stop_token stop) {
  use_device(device);
  const contract::MidpointConstants k(steps);
  DeviceBuffer<unsigned long long> sum(2);
  check(cudaMemset(sum.get(), 0, 2 * sizeof(unsigned long long)), "cudaMemset");
  constexpr std::uint64_t kTermsPerLaunch = kThreadsPerLaunch * kMidpointTermsPerThread;
  for (std::uint64_t first = 0; first < steps; first += std::min(kTermsPerLaunch, steps - first)) {
    if (stop.stop_requested()) return 0;
    const std::uint64_t threads = contract::ceil_div(std::min(kTermsPerLaunch, steps - first), kMidpointTermsPerThread);
    midpoint_kernel<<<grid_for(threads), kBlockThreads>>>(k, steps, first, threads, sum.get());
    check(cudaGetLastError(), "launching the midpoint kernel");
    check(cudaDeviceSynchronize(), "the midpoint kernel");
  }
  unsigned long long words[2] = {};
  check(cudaMemcpy(words, sum.get(), sizeof words, cudaMemcpyDeviceToHost), "cudaMemcpy");
  return (contract::u128{words[1]} << 64) | words[0];
}

}  // namespace volley::kernels::gpu
