// Listing the GPUs, choosing one, and CUDA's errors as exceptions.
#include <stdexcept>
#include <string>

#include "kernels/cuda/cuda_support.cuh"
#include "kernels/gpu.h"

namespace volley::kernels::gpu {
namespace {

// Launched never: whether the current GPU can run this build's device code is whether CUDA
// finds a kernel image (or PTX) of this function for it.
__global__ void probe() {}

std::string mib(std::size_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

}  // namespace

void check(cudaError_t status, const char* what) {
  if (status == cudaSuccess) return;
  cudaGetLastError();  // clear a non-sticky error so that the next call starts clean
  throw std::runtime_error(std::string("CUDA error in ") + what + ": " + cudaGetErrorString(status) + " (" +
                           cudaGetErrorName(status) + ")");
}

std::vector<DeviceInfo> devices(std::string& why_none) {
  int count = 0;
  if (const cudaError_t status = cudaGetDeviceCount(&count); status != cudaSuccess) {
    cudaGetLastError();
    const std::string cuda = std::string(cudaGetErrorString(status)) + " (" + cudaGetErrorName(status) + ")";
    why_none = status == cudaErrorInsufficientDriver ? "no NVIDIA driver, or one older than this build's CUDA runtime: " + cuda
               : status == cudaErrorNoDevice         ? "no NVIDIA GPU: " + cuda
                                                     : cuda;
    return {};
  }
  std::vector<DeviceInfo> out;
  for (int i = 0; i < count; ++i) {
    cudaDeviceProp p{};
    check(cudaGetDeviceProperties(&p, i), "cudaGetDeviceProperties");
    out.push_back({i, p.name, p.major, p.minor, p.multiProcessorCount, static_cast<std::uint64_t>(p.totalGlobalMem)});
  }
  if (out.empty()) why_none = "CUDA finds no GPU";
  return out;
}

void use_device(int device) {
  check(cudaSetDevice(device), "cudaSetDevice");
  cudaFuncAttributes attributes{};
  if (const cudaError_t status = cudaFuncGetAttributes(&attributes, probe); status != cudaSuccess) {
    cudaGetLastError();
    cudaDeviceProp p{};
    check(cudaGetDeviceProperties(&p, device), "cudaGetDeviceProperties");
    throw std::runtime_error("cuda:" + std::to_string(device) + " (" + p.name + ", compute capability " +
                             std::to_string(p.major) + "." + std::to_string(p.minor) +
                             ") cannot run this build's GPU code (" + cudaGetErrorString(status) +
                             "); rebuild volley with -DCMAKE_CUDA_ARCHITECTURES=" + std::to_string(p.major) +
                             std::to_string(p.minor));
  }
}

std::size_t fit_in_memory(std::size_t wanted, std::size_t least, std::size_t bytes_per_item, const char* what) {
  std::size_t free = 0, total = 0;
  check(cudaMemGetInfo(&free, &total), "cudaMemGetInfo");
  const std::size_t fits = free / 2 / bytes_per_item;
  if (fits < least)
    throw std::runtime_error(std::string(what) + " needs at least " + mib(least * bytes_per_item) +
                             " of GPU memory; the GPU has " + mib(free) + " free of " + mib(total));
  return wanted < fits ? wanted : fits;
}

}  // namespace volley::kernels::gpu
