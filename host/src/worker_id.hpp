#pragma once
// The worker index that current_worker() reports, set by the threads that run Pool tasks, and
// the count of busy asynchronous workers that blocking calls make room for.

namespace volley::detail {

/// Sets current_worker() for the calling thread; a Pool call made while it is set (0 or more)
/// runs on the calling thread, as a nested call.
void set_current_worker(int index) noexcept;

/// Asynchronous workers running a task now, across every Pool: a blocking call made
/// outside the tasks runs on that many fewer threads (at least one), so the two together do
/// not oversubscribe the cores.
void add_busy_async_workers(int change) noexcept;

}  // namespace volley::detail
