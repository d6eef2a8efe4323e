// Batch primality on the GPU: one thread per number runs the contract's is_prime. The batch
// streams through the GPU in pieces on two streams, so that one piece's copies overlap the
// other's kernel; pinned staging buffers make the copies asynchronous.
#include <algorithm>
#include <cstring>

#include "kernels/cuda/cuda_support.cuh"
#include "kernels/gpu.h"
#include "volley/contract/is_prime.hpp"

namespace volley::kernels::gpu {
namespace {

constexpr std::size_t kPieceNumbers = std::size_t{1} << 22;  // 32 MiB of numbers
constexpr std::size_t kLeastPieceNumbers = std::size_t{1} << 16;
constexpr std::size_t kBytesPerNumber = sizeof(std::uint64_t) + 1;  // the number and its flag

__global__ void is_prime_kernel(const std::uint64_t* numbers, std::uint8_t* flags, std::size_t count) {
  const std::size_t i = std::size_t{blockIdx.x} * blockDim.x + threadIdx.x;
  if (i < count) flags[i] = contract::is_prime(numbers[i]);
}

// One of the two pipelines: its stream, staging buffers, and the piece it has in flight.
struct Lane {
  explicit Lane(std::size_t piece) : in(piece), out(piece), device_in(piece), device_out(piece) {}
  Stream stream;
  PinnedBuffer<std::uint64_t> in;
  PinnedBuffer<std::uint8_t> out;
  DeviceBuffer<std::uint64_t> device_in;
  DeviceBuffer<std::uint8_t> device_out;
  std::size_t first = 0, count = 0;

  void start(const std::uint64_t* numbers, std::size_t first_number, std::size_t n) {
    first = first_number;
    count = n;
    std::memcpy(in.get(), numbers + first, n * sizeof(std::uint64_t));
    check(cudaMemcpyAsync(device_in.get(), in.get(), n * sizeof(std::uint64_t), cudaMemcpyHostToDevice, stream.get()),
          "cudaMemcpyAsync");
    is_prime_kernel<<<grid_for(n), kBlockThreads, 0, stream.get()>>>(device_in.get(), device_out.get(), n);
    check(cudaGetLastError(), "launching the is_prime kernel");
    check(cudaMemcpyAsync(out.get(), device_out.get(), n, cudaMemcpyDeviceToHost, stream.get()), "cudaMemcpyAsync");
  }
  void finish(std::uint8_t* flags) {
    if (count == 0) return;
    check(cudaStreamSynchronize(stream.get()), "the is_prime kernel");
    std::memcpy(flags + first, out.get(), count);
    count = 0;
  }
};

}  // namespace

void is_prime(int device, const std::uint64_t* numbers, std::size_t count, std::uint8_t* flags, std::stop_token stop) {
  if (count == 0) return;
  use_device(device);
  constexpr int kLanes = 2;
  const std::size_t piece = fit_in_memory(std::min(kPieceNumbers, std::max(count, kLeastPieceNumbers)),
                                          kLeastPieceNumbers, kLanes * kBytesPerNumber, "is_prime on the GPU");
  Lane lanes[kLanes] = {Lane(std::min(piece, count)), Lane(std::min(piece, count))};
  std::size_t next = 0;
  for (std::size_t first = 0; first < count && !stop.stop_requested(); first += piece, next = (next + 1) % kLanes) {
    lanes[next].finish(flags);
    lanes[next].start(numbers, first, std::min(piece, count - first));
  }
  for (Lane& lane : lanes) lane.finish(flags);
}

}  // namespace volley::kernels::gpu
