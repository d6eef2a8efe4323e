#pragma once
// What Highway compiled and what this CPU supports, as Highway target bits.
#include <cstdint>
#include <string>

namespace volley::kernels {

std::int64_t compiled_target_mask();
std::int64_t cpu_target_mask();
/// Highway's name of one target bit, e.g. "AVX3_DL".
std::string target_name(std::int64_t target);

/// The target whose code ran when a kernel was called for `target`, through the same
/// dispatch as every kernel (VOLLEY_DISPATCH): a test that it really dispatches.
std::int64_t dispatched_target(std::int64_t target);

}  // namespace volley::kernels
