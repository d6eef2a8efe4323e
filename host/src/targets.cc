#include "volley/targets.hpp"

#include <algorithm>
#include <bit>
#include <cctype>
#include <stdexcept>

#include "kernels/targets.h"
#include "volley/gpu.hpp"

namespace volley {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

// Highway numbers targets so that a lower bit is a better target.
std::vector<Target> targets_in(std::int64_t mask) {
  std::vector<Target> out;
  for (int bit = 0; bit < 64; ++bit)
    if (mask & (std::int64_t{1} << bit)) out.push_back(Target{std::int64_t{1} << bit});
  return out;
}

// CPUID is slow (a trap to the hypervisor on a virtual machine), and the answer is fixed.
std::int64_t supported_mask() {
  static const std::int64_t supported = kernels::compiled_target_mask() & kernels::cpu_target_mask();
  return supported;
}

std::string names_of(const std::vector<Target>& targets) {
  std::string out;
  for (const Target t : targets) out += (out.empty() ? "" : ", ") + t.name();
  return out;
}

}  // namespace

std::string Target::name() const { return lower(kernels::target_name(bit)); }

std::vector<Target> compiled_targets() { return targets_in(kernels::compiled_target_mask()); }

std::vector<Target> supported_targets() { return targets_in(supported_mask()); }

bool is_supported(Target target) noexcept {
  return std::has_single_bit(static_cast<std::uint64_t>(target.bit)) && (target.bit & supported_mask()) != 0;
}

Target best_target() { return supported_targets().front(); }

Target fallback_target() { return compiled_targets().back(); }

Target resolve_target(std::string_view name) {
  const std::string wanted = lower(name);
  if (wanted == "best") return best_target();
  if (is_gpu_target(name))
    throw std::invalid_argument("target '" + std::string(name) +
                                "' is a GPU, and this call runs on the CPU only (GPUs run monte_carlo_pi, "
                                "midpoint_pi, the batch is_prime and the prime counts and lists)");
  const auto compiled = compiled_targets();
  const auto it = std::find_if(compiled.begin(), compiled.end(), [&](Target t) { return t.name() == wanted; });
  if (it == compiled.end())
    throw std::invalid_argument("unknown target '" + std::string(name) + "' (expected best or one of: " +
                                names_of(compiled) + ")");
  const auto supported = supported_targets();
  if (std::find(supported.begin(), supported.end(), *it) == supported.end())
    throw std::invalid_argument("this CPU does not support target '" + wanted + "' (it supports: " +
                                names_of(supported) + ")");
  return *it;
}

std::string resolved_target_name(std::string_view target) {
  return is_gpu_target(target) ? list_gpus().gpus[static_cast<std::size_t>(resolve_gpu(target))].target() : resolve_target(target).name();
}

}  // namespace volley
