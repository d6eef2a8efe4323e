#include "host/src/cache_sizes.hpp"

#include <unistd.h>

namespace volley::detail {

namespace {
std::uint64_t cache_bytes(int name, std::uint64_t fallback) {
  const long size = sysconf(name);
  return size > 0 ? static_cast<std::uint64_t>(size) : fallback;
}
}  // namespace

std::uint64_t l1_cache_bytes() { return cache_bytes(_SC_LEVEL1_DCACHE_SIZE, std::uint64_t{32} << 10); }
std::uint64_t l2_cache_bytes() { return cache_bytes(_SC_LEVEL2_CACHE_SIZE, std::uint64_t{256} << 10); }

}  // namespace volley::detail
