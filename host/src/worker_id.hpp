#pragma once
// The worker index that current_worker() reports, set by the threads that run Pool tasks.

namespace volley::detail {

/// Sets current_worker() for the calling thread; a Pool call made while it is set (0 or more)
/// runs on the calling thread, as a nested call.
void set_current_worker(int index) noexcept;

}  // namespace volley::detail
