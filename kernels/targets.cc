// What Highway compiled and this CPU supports, and a probe of the per-call dispatch: compiled
// for every target, with the same definitions as the kernels, so HWY_TARGETS is their set.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "kernels/targets.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/highway.h"

#include "kernels/targets.h"

HWY_BEFORE_NAMESPACE();
namespace volley::HWY_NAMESPACE {

std::int64_t RunningTarget() { return HWY_TARGET; }

}  // namespace volley::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
#include "kernels/highway/dispatch.h"

namespace volley {
HWY_EXPORT(RunningTarget);

std::int64_t kernels::compiled_target_mask() { return HWY_TARGETS; }
std::int64_t kernels::cpu_target_mask() { return hwy::SupportedTargets(); }
std::string kernels::target_name(std::int64_t target) { return hwy::TargetName(target); }
std::int64_t kernels::dispatched_target(std::int64_t target) { return VOLLEY_DISPATCH(RunningTarget, target)(); }
}  // namespace volley
#endif
