#pragma once
// An executor of kernels/gpu_sieve_driver.h that runs every thread of every launch on the
// CPU, in the order a GPU may run them: the GPU sieve's work split, checked without a GPU.
#include <cstdint>
#include <cstring>
#include <memory>
#include <utility>
#include <vector>

#include "kernels/gpu_sieve_work.h"

namespace volley::test {

class EmulatedGpu {
 public:
  template <typename T>
  class Array {
   public:
    explicit Array(std::size_t n) : data_(new T[n == 0 ? 1 : n]) {
      std::memset(static_cast<void*>(data_.get()), 0xA5, sizeof(T) * (n == 0 ? 1 : n));  // as uninitialised
    }
    T* get() const { return data_.get(); }

   private:
    std::unique_ptr<T[]> data_;
  };
  template <typename T>
  using HostArray = Array<T>;
  template <typename T>
  Array<T> make(std::size_t n) {
    return Array<T>(n);
  }
  template <typename T>
  Array<T> make_host(std::size_t n) {
    return Array<T>(n);
  }
  // cudaMemcpy takes a null pointer with 0 bytes (an empty vector's data()); memcpy does not.
  void upload(void* dst, const void* src, std::size_t bytes) {
    if (bytes != 0) std::memcpy(dst, src, bytes);
  }
  void download(void* dst, const void* src, std::size_t bytes) { upload(dst, src, bytes); }
  void fill(void* dst, int byte, std::size_t bytes) { std::memset(dst, byte, bytes); }
  void wait() {}
  std::uint64_t take_total() { return std::exchange(total_, 0); }

  void large(const kernels::gpu::WaveLaunch& l, const kernels::gpu::LargePrimes& large);
  void segments(const kernels::gpu::WaveLaunch& l, std::uint64_t segments, std::uint32_t* counts);
  void tested(const kernels::gpu::WaveLaunch& l, std::uint64_t segments, std::uint32_t* counts);
  std::uint64_t scan(const std::uint32_t* counts, std::uint32_t* offsets, std::uint64_t n);
  template <typename T>
  void extract(const kernels::gpu::WaveLaunch& l, std::uint64_t segments, const std::uint32_t* offsets, T* out) {
    using namespace kernels::gpu;
    for (std::uint64_t s = 0; s < segments; ++s) {
      const Segment seg = segment_of(l, s);
      std::uint32_t before = 0;  // the block's exclusive scan
      for (unsigned t = 0; t < kSieveThreads; ++t) {
        extract_write(l, seg, s, t, out + offsets[s] + before);
        before += extract_count(l, seg, s, t);
      }
    }
  }

 private:
  std::uint64_t total_ = 0;
};

}  // namespace volley::test
