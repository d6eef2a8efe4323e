#pragma once
#include <cstdint>

namespace volley::detail {

/// The per-core L1 data cache in bytes, from the OS; 32 KiB when it does not say.
std::uint64_t l1_cache_bytes();
/// The per-core L2 cache in bytes, from the OS; 256 KiB when it does not say.
std::uint64_t l2_cache_bytes();

}  // namespace volley::detail
