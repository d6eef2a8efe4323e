#pragma once
// Advice to back a large buffer by transparent huge pages.
#include <cstddef>

namespace volley::detail {

/// Asks the kernel to back the whole 2 MiB pages inside [p, p + bytes) by transparent huge
/// pages, where it allows that on request (THP "madvise" mode, Debian's default): a fresh
/// buffer of hundreds of MB is otherwise filled at the cost of a page fault per 4 KiB. Advice
/// only: nothing changes where it is refused, and nothing is done below 4 MiB.
void advise_huge_pages(const void* p, std::size_t bytes) noexcept;

}  // namespace volley::detail
