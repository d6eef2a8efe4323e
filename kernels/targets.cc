// Compiled with the same definitions as the kernels, so HWY_TARGETS is their target set.
#include "kernels/targets.h"

#include "hwy/highway.h"

namespace volley::kernels {

std::int64_t compiled_target_mask() { return HWY_TARGETS; }
std::int64_t cpu_target_mask() { return hwy::SupportedTargets(); }
std::string target_name(std::int64_t target) { return hwy::TargetName(target); }

}  // namespace volley::kernels
