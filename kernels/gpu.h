#pragma once
// The GPU backend as the host sees it: plain C++, no CUDA header. kernels/cuda/ implements it
// where CMake found a CUDA compiler, kernels/gpu_absent.cc everywhere else. Every call that
// runs on a GPU throws std::runtime_error with CUDA's error text when CUDA fails (no device,
// out of memory, a failed launch) and returns early, throwing nothing, once `stop` is
// requested (the host then throws Cancelled).
#include <cstddef>
#include <cstdint>
#include <functional>
#include <stop_token>
#include <string>
#include <vector>

#include "kernels/gpu_sieve_plan.h"
#include "volley/contract/integer.hpp"

namespace volley::kernels::gpu {

struct DeviceInfo {
  int index;
  std::string name;
  int compute_major, compute_minor;
  int multiprocessors;
  std::uint64_t memory_bytes;
};

/// The GPUs this process can use, or none with `why_none` set to the reason (a build
/// without CUDA, no driver, no device). Never throws for their absence.
std::vector<DeviceInfo> devices(std::string& why_none);

/// Hits among the first `samples` darts of the streams of `seed` (the layout of
/// volley/contract/monte_carlo_stream.hpp), on GPU `device`.
std::uint64_t monte_carlo_hits(int device, std::uint64_t seed, std::uint64_t samples, std::stop_token stop);

/// The exact sum of midpoint_scaled_term over the terms [0, steps) of a rule of `steps` steps.
contract::u128 midpoint_scaled_sum(int device, std::uint64_t steps, std::stop_token stop);

/// flags[i] = contract::is_prime(numbers[i]) for i < count, streamed through the GPU in pieces.
void is_prime(int device, const std::uint64_t* numbers, std::size_t count, std::uint8_t* flags,
              std::stop_token stop);

/// The plan of a prime count (or list) of [lo, hi) on GPU `device`, kPreSieveLargest < lo <
/// hi, for its free memory now (kernels/gpu_sieve_plan.h; throws when it does not fit).
GpuSievePlan plan_primes(int device, std::uint64_t lo, std::uint64_t hi, bool list, GpuMethod method);

/// The number of primes in [lo, hi), kPreSieveLargest < lo < hi, sieved (or tested) on GPU `device`.
std::uint64_t count_primes(int device, std::uint64_t lo, std::uint64_t hi, GpuMethod method, std::stop_token stop);

/// Receives primes in ascending order, a piece at a time (host memory, valid during the call).
using PrimeSink = std::function<void(const std::uint64_t* primes, std::size_t count)>;

/// The primes in [lo, hi), kPreSieveLargest < lo < hi, listed on GPU `device` and handed to
/// `sink` in order, in pieces of a wave (at most kListWaveBytes of sieve, 5 x 10^8 numbers).
void for_each_prime(int device, std::uint64_t lo, std::uint64_t hi, GpuMethod method, const PrimeSink& sink,
                    std::stop_token stop);

}  // namespace volley::kernels::gpu
