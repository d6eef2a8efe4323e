#pragma once
// ISA targets: which were compiled in, which this CPU runs, and choosing one by name.
#include "volley/contract/cxx20.hpp"
#include "volley/export.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace volley {

/// An ISA target as Highway numbers it (one bit); compare with ==.
struct VOLLEY_API Target {
  std::int64_t bit;
  /// Lower-case name: "scalar", "ssse3", "sse4", "avx2", "avx3", "avx3_dl", ...
  std::string name() const;
  friend bool operator==(Target, Target) = default;
};

/// Targets compiled into this build, best first.
VOLLEY_API std::vector<Target> compiled_targets();
/// Compiled targets this CPU can run, best first (never empty: "scalar" always runs).
VOLLEY_API std::vector<Target> supported_targets();
/// The first of supported_targets().
VOLLEY_API Target best_target();
/// The portable non-SIMD target every build has and every CPU runs: "scalar" with GCC,
/// "emu128" with compilers where Highway emulates 128-bit vectors instead.
VOLLEY_API Target fallback_target();
/// Whether `target` is one of supported_targets() (a cheap check, for hot paths).
VOLLEY_API bool is_supported(Target target) noexcept;
/// Resolves "best" or a target name (case-insensitive). Throws std::invalid_argument for an
/// unknown name, a target not compiled in, one this CPU does not support, or a GPU target.
VOLLEY_API Target resolve_target(std::string_view name);

/// Where a call with RunOptions::target = `target` runs: the name of the CPU target ("best"
/// resolved, e.g. "avx3_dl"), or "cuda:N" for a GPU target (see gpu.hpp). Throws as
/// resolve_target or resolve_gpu.
VOLLEY_API std::string resolved_target_name(std::string_view target);

}  // namespace volley
