#include "host/src/prefault.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>

namespace volley::detail {

void prefault(void* p, std::size_t bytes) noexcept {
#ifdef MADV_POPULATE_WRITE
  static const auto page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
  const auto begin = (reinterpret_cast<std::uintptr_t>(p) + page - 1) & ~(page - 1);
  const auto end = (reinterpret_cast<std::uintptr_t>(p) + bytes) & ~(page - 1);
  if (begin < end) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_POPULATE_WRITE);  // advice: errors change nothing
#else
  (void)p;
  (void)bytes;
#endif
}

}  // namespace volley::detail
