#pragma once
// What every CUDA source of the backend needs: CUDA errors as exceptions, owners of device
// memory, pinned host memory and streams, choosing the device, and block-wide sums.
#include <cuda_runtime.h>

#include <cstddef>
#include <cstdint>
#include <utility>

#include "volley/contract/integer.hpp"

namespace volley::kernels::gpu {

/// Throws std::runtime_error "CUDA error in <what>: <CUDA's text> (<its name>)" unless
/// `status` is cudaSuccess.
void check(cudaError_t status, const char* what);

/// Makes GPU `device` current for the calling thread; throws when it does not exist or cannot
/// run this build's GPU code (its compute capability is not among those compiled).
void use_device(int device);

/// The largest count of items, at most `wanted` and at least `least`, whose `bytes_per_item`
/// fit in half the current GPU's free memory; throws std::runtime_error when `least` do not.
std::size_t fit_in_memory(std::size_t wanted, std::size_t least, std::size_t bytes_per_item, const char* what);

/// Owns `count` items of T in GPU memory (cudaMalloc) or pinned host memory (cudaMallocHost).
template <typename T, bool Pinned>
class Buffer {
 public:
  explicit Buffer(std::size_t count) {
    void* p = nullptr;
    check(Pinned ? cudaMallocHost(&p, count * sizeof(T)) : cudaMalloc(&p, count * sizeof(T)),
          Pinned ? "cudaMallocHost" : "cudaMalloc");
    data_ = static_cast<T*>(p);
  }
  Buffer(Buffer&& other) noexcept : data_(std::exchange(other.data_, nullptr)) {}
  Buffer(const Buffer&) = delete;
  Buffer& operator=(const Buffer&) = delete;
  ~Buffer() {
    if (data_) Pinned ? cudaFreeHost(data_) : cudaFree(data_);
  }
  T* get() const noexcept { return data_; }

 private:
  T* data_ = nullptr;
};
template <typename T>
using DeviceBuffer = Buffer<T, false>;
template <typename T>
using PinnedBuffer = Buffer<T, true>;

class Stream {
 public:
  Stream() { check(cudaStreamCreateWithFlags(&stream_, cudaStreamNonBlocking), "cudaStreamCreate"); }
  Stream(Stream&& other) noexcept : stream_(std::exchange(other.stream_, nullptr)) {}
  Stream(const Stream&) = delete;
  Stream& operator=(const Stream&) = delete;
  ~Stream() {
    if (stream_) cudaStreamDestroy(stream_);
  }
  cudaStream_t get() const noexcept { return stream_; }

 private:
  cudaStream_t stream_ = nullptr;
};

__device__ inline std::uint64_t shuffle_down(std::uint64_t value, int offset) {
  return __shfl_down_sync(0xffffffffu, value, offset);
}
__device__ inline contract::u128 shuffle_down(contract::u128 value, int offset) {
  const auto low = shuffle_down(static_cast<std::uint64_t>(value), offset);
  const auto high = shuffle_down(static_cast<std::uint64_t>(value >> 64), offset);
  return (contract::u128{high} << 64) | low;
}

/// The sum of `value` over the thread block, in thread 0 (other threads get partial sums).
/// Every thread of the block must call it; blockDim.x must be a multiple of 32.
template <typename T>
__device__ T block_sum(T value) {
  __shared__ T warp_sums[32];
  for (int offset = 16; offset > 0; offset /= 2) value += shuffle_down(value, offset);
  const unsigned lane = threadIdx.x % 32, warp = threadIdx.x / 32;
  if (lane == 0) warp_sums[warp] = value;
  __syncthreads();
  if (warp == 0) {
    value = lane < blockDim.x / 32 ? warp_sums[lane] : T{0};
    for (int offset = 16; offset > 0; offset /= 2) value += shuffle_down(value, offset);
  }
  return value;
}

/// Threads per block of every kernel of the backend.
inline constexpr unsigned kBlockThreads = 256;

/// Blocks of kBlockThreads that cover `threads` threads.
inline unsigned grid_for(std::uint64_t threads) {
  return static_cast<unsigned>(contract::ceil_div(threads, kBlockThreads));
}

}  // namespace volley::kernels::gpu
