#pragma once
// Page faults taken ahead, in parallel, for a buffer about to be filled.
#include <cstddef>

namespace volley::detail {

/// Asks the kernel to map the whole pages inside [p, p + bytes) now, writable
/// (MADV_POPULATE_WRITE, Linux 5.14 and later), so that threads share the page faults of a
/// fresh buffer of hundreds of MB that one thread would otherwise take, one per 4 KiB, as it
/// writes. Values are untouched. Advice only: nothing changes where it is refused.
void prefault(void* p, std::size_t bytes) noexcept;

}  // namespace volley::detail
