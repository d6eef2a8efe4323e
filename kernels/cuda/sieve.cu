// The GPU prime sieve: the launches of kernels/gpu_sieve_driver.h on a GPU. Each kernel is
// a thin loop around the per-thread functions of kernels/gpu_sieve_work.h, which the tests
// also run on the CPU. Everything runs on the default stream, in order.
#include <cub/block/block_scan.cuh>
#include <cub/device/device_scan.cuh>

#include <optional>

#include "kernels/cuda/cuda_support.cuh"
#include "kernels/gpu.h"
#include "kernels/gpu_sieve_driver.h"

namespace volley::kernels::gpu {
namespace {

__global__ void large_kernel(const WaveLaunch l, const LargePrimes large) {
  const std::uint64_t k = std::uint64_t{blockIdx.x} * blockDim.x + threadIdx.x;
  if (k < large.count) large_prime_wave(l, large, k);
}

// A segment's total to the running total and, when listing, to counts[segment].
__device__ void add_count(std::uint64_t count, unsigned long long* total, std::uint32_t* counts) {
  count = block_sum<std::uint64_t>(count);
  if (threadIdx.x != 0) return;
  atomicAdd(total, static_cast<unsigned long long>(count));
  if (counts != nullptr) counts[blockIdx.x] = static_cast<std::uint32_t>(count);
}

__global__ void __launch_bounds__(kSieveThreads) segment_kernel(const WaveLaunch l, unsigned long long* total,
                                                                std::uint32_t* counts) {
  __shared__ std::uint32_t words[kSegmentWords];
  const std::uint64_t s = blockIdx.x;
  const Segment seg = segment_of(l, s);
  segment_init(l, seg, s, threadIdx.x, kSieveThreads, words);
  __syncthreads();
  segment_cross_small(l, seg, threadIdx.x / kWarpLanes, kSieveThreads / kWarpLanes, threadIdx.x % kWarpLanes, words);
  segment_cross_medium(l, seg, threadIdx.x, kSieveThreads, words);
  __syncthreads();
  add_count(segment_finish(l, seg, s, threadIdx.x, kSieveThreads, words), total, counts);
}

__global__ void __launch_bounds__(kSieveThreads) test_kernel(const WaveLaunch l, unsigned long long* total,
                                                             std::uint32_t* counts) {
  const std::uint64_t s = blockIdx.x;
  add_count(segment_test(l, segment_of(l, s), s, threadIdx.x, kSieveThreads), total, counts);
}

template <typename T>
__global__ void __launch_bounds__(kSieveThreads) extract_kernel(const WaveLaunch l, const std::uint32_t* offsets, T* out) {
  using Scan = cub::BlockScan<std::uint32_t, kSieveThreads>;
  __shared__ typename Scan::TempStorage scan;
  const std::uint64_t s = blockIdx.x;
  const Segment seg = segment_of(l, s);
  std::uint32_t before = 0;
  Scan(scan).ExclusiveSum(extract_count(l, seg, s, threadIdx.x), before);
  extract_write(l, seg, s, threadIdx.x, out + offsets[s] + before);
}

void launched(const char* what) { check(cudaGetLastError(), what); }

// The executor of SieveDriver on the current GPU.
class CudaGpu {
 public:
  template <typename T>
  using Array = DeviceBuffer<T>;
  template <typename T>
  using HostArray = PinnedBuffer<T>;
  template <typename T>
  Array<T> make(std::size_t n) {
    return Array<T>(n == 0 ? 1 : n);
  }
  template <typename T>
  HostArray<T> make_host(std::size_t n) {
    return HostArray<T>(n == 0 ? 1 : n);
  }
  CudaGpu() { check(cudaMemset(total_.get(), 0, sizeof(unsigned long long)), "cudaMemset"); }

  void upload(void* dst, const void* src, std::size_t bytes) {
    check(cudaMemcpy(dst, src, bytes, cudaMemcpyHostToDevice), "cudaMemcpy to the GPU");
  }
  void download(void* dst, const void* src, std::size_t bytes) {
    check(cudaMemcpy(dst, src, bytes, cudaMemcpyDeviceToHost), "cudaMemcpy from the GPU");
  }
  void fill(void* dst, int byte, std::size_t bytes) { check(cudaMemsetAsync(dst, byte, bytes), "cudaMemsetAsync"); }
  void wait() { check(cudaDeviceSynchronize(), "the prime sieve"); }

  void large(const WaveLaunch& l, const LargePrimes& large) {
    large_kernel<<<grid_for(large.count), kBlockThreads>>>(l, large);
    launched("launching the large primes' kernel");
  }
  void segments(const WaveLaunch& l, std::uint64_t segments, std::uint32_t* counts) {
    segment_kernel<<<static_cast<unsigned>(segments), kSieveThreads>>>(l, total_.get(), counts);
    launched("launching the sieve kernel");
  }
  void tested(const WaveLaunch& l, std::uint64_t segments, std::uint32_t* counts) {
    test_kernel<<<static_cast<unsigned>(segments), kSieveThreads>>>(l, total_.get(), counts);
    launched("launching the primality kernel");
  }
  std::uint64_t scan(const std::uint32_t* counts, std::uint32_t* offsets, std::uint64_t n) {
    std::size_t bytes = 0;
    const int items = static_cast<int>(n);
    check(cub::DeviceScan::ExclusiveSum(nullptr, bytes, counts, offsets, items), "sizing the scan");
    if (!scan_space_ || bytes > scan_bytes_) {
      scan_space_.emplace(bytes);
      scan_bytes_ = bytes;
    }
    check(cub::DeviceScan::ExclusiveSum(scan_space_->get(), bytes, counts, offsets, items), "the scan");
    std::uint32_t last[2] = {};
    download(&last[0], offsets + n - 1, sizeof(std::uint32_t));
    download(&last[1], counts + n - 1, sizeof(std::uint32_t));
    return std::uint64_t{last[0]} + last[1];
  }
  template <typename T>
  void extract(const WaveLaunch& l, std::uint64_t segments, const std::uint32_t* offsets, T* out) {
    extract_kernel<T><<<static_cast<unsigned>(segments), kSieveThreads>>>(l, offsets, out);
    launched("launching the extraction kernel");
  }
  std::uint64_t take_total() {
    unsigned long long total = 0;
    download(&total, total_.get(), sizeof total);
    check(cudaMemset(total_.get(), 0, sizeof total), "cudaMemset");
    return total;
  }

 private:
  DeviceBuffer<unsigned long long> total_{1};
  std::optional<DeviceBuffer<std::uint8_t>> scan_space_;
  std::size_t scan_bytes_ = 0;
};

}  // namespace

GpuSievePlan plan_primes(int device, std::uint64_t lo, std::uint64_t hi, bool list, GpuMethod method) {
  use_device(device);
  std::size_t free = 0, total = 0;
  check(cudaMemGetInfo(&free, &total), "cudaMemGetInfo");
  return plan_gpu_sieve({lo, hi, list, method, free});
}

std::uint64_t count_primes(int device, std::uint64_t lo, std::uint64_t hi, GpuMethod method, std::stop_token stop) {
  const GpuSievePlan plan = plan_primes(device, lo, hi, false, method);
  CudaGpu gpu;
  return SieveDriver(gpu, plan, lo, hi, std::move(stop)).count();
}

void for_each_prime(int device, std::uint64_t lo, std::uint64_t hi, GpuMethod method, const PrimeSink& sink,
                    std::stop_token stop) {
  const GpuSievePlan plan = plan_primes(device, lo, hi, true, method);
  CudaGpu gpu;
  SieveDriver(gpu, plan, lo, hi, std::move(stop)).list(sink);
}

}  // namespace volley::kernels::gpu
