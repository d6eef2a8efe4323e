#include "host/src/cache_sizes.hpp"

#include <unistd.h>

namespace volley::detail {

std::uint64_t l2_cache_bytes() {
  const long size = sysconf(_SC_LEVEL2_CACHE_SIZE);
  return size > 0 ? static_cast<std::uint64_t>(size) : std::uint64_t{256} << 10;
}

}  // namespace volley::detail
