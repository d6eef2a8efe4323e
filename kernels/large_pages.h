#pragma once
// Memory for the sieve's large tables (the sieving primes, the bucket entries, a segment):
// up to GBs written once, front to back, where a page fault per 4 KiB costs a fifth of a run
// far from 0. Blocks of kHugePageBytes or more are aligned to it and advised to use
// transparent huge pages (Linux's MADV_HUGEPAGE; advice only: elsewhere they are plain pages).
#include <cstddef>
#include <new>

namespace volley::kernels {

inline constexpr std::size_t kHugePageBytes = std::size_t{2} << 20;

/// At least `bytes` bytes, aligned to `align` (a power of two); throws std::bad_alloc.
void* allocate_large(std::size_t bytes, std::size_t align);
void free_large(void* p) noexcept;

/// The allocator of std::vector for large tables.
template <typename T>
struct LargePageAllocator {
  using value_type = T;
  LargePageAllocator() = default;
  template <typename U>
  LargePageAllocator(const LargePageAllocator<U>&) noexcept {}
  T* allocate(std::size_t n) {
    if (n > std::size_t(-1) / sizeof(T)) throw std::bad_array_new_length();
    return static_cast<T*>(allocate_large(n * sizeof(T), alignof(T)));
  }
  void deallocate(T* p, std::size_t) noexcept { free_large(p); }
  /// resize() leaves new elements uninitialised: every one is written before it is read.
  template <typename U>
  void construct(U* p) noexcept {
    ::new (static_cast<void*>(p)) U;
  }
  template <typename U>
  bool operator==(const LargePageAllocator<U>&) const noexcept { return true; }
};

}  // namespace volley::kernels
