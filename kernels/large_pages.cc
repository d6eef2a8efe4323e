#include "kernels/large_pages.h"

#include <sys/mman.h>

#include <algorithm>
#include <cstdlib>

namespace volley::kernels {

void* allocate_large(std::size_t bytes, std::size_t align) {
  if (bytes >= kHugePageBytes) {
    align = std::max(align, kHugePageBytes);
    if (bytes > std::size_t(-1) - align) throw std::bad_alloc();
  }
  align = std::max(align, alignof(std::max_align_t));
  const std::size_t size = (bytes + align - 1) / align * align;  // aligned_alloc wants a multiple
  void* const p = std::aligned_alloc(align, std::max(size, align));
  if (p == nullptr) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
  if (bytes >= kHugePageBytes) madvise(p, size, MADV_HUGEPAGE);  // advice: a refusal changes nothing
#endif
  return p;
}

void free_large(void* p) noexcept { std::free(p); }

}  // namespace volley::kernels
