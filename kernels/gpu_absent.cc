// The GPU backend of a build without CUDA: no GPU to list, and nothing may be run on one
// (the host refuses GPU targets before it would call these).
#include <stdexcept>

#include "kernels/gpu.h"

namespace volley::kernels::gpu {
namespace {

[[noreturn]] void no_cuda() { throw std::logic_error("this build of volley has no CUDA support"); }

}  // namespace

std::vector<DeviceInfo> devices(std::string& why_none) {
  why_none = "this build of volley has no CUDA support (no CUDA compiler was found when it was configured)";
  return {};
}

std::uint64_t monte_carlo_hits(int, std::uint64_t, std::uint64_t, std::stop_token) { no_cuda(); }
contract::u128 midpoint_scaled_sum(int, std::uint64_t, std::stop_token) { no_cuda(); }
void is_prime(int, const std::uint64_t*, std::size_t, std::uint8_t*, std::stop_token) { no_cuda(); }
GpuSievePlan plan_primes(int, std::uint64_t, std::uint64_t, bool, GpuMethod) { no_cuda(); }
std::uint64_t count_primes(int, std::uint64_t, std::uint64_t, GpuMethod, std::stop_token) { no_cuda(); }
void for_each_prime(int, std::uint64_t, std::uint64_t, GpuMethod, const PrimeSink&, std::stop_token) { no_cuda(); }

}  // namespace volley::kernels::gpu
