#pragma once
// How far a running call has got, for a caller to show (a percentage, a bar): give the call
// a Progress (RunOptions::progress, CallOptions::progress) and read it from another thread.
#include "volley/contract/cxx20.hpp"

#include <atomic>
#include <cstdint>

namespace volley {

/// Work of the calls given it, in items of their own (a workload's blocks, runs or chunks):
/// each call adds its item count to `total` when it starts, and to `done` the items of each
/// piece (about a thousandth of the call) as the piece ends, from whichever thread ran it.
/// Counted: monte_carlo_pi, midpoint_pi, count_primes and the batch is_prime on
/// CPU targets; not GPU targets, for_each_prime or the MPI calls. Reset both to 0 to reuse it.
struct Progress {
  std::atomic<std::uint64_t> total{0};
  std::atomic<std::uint64_t> done{0};

  /// done / total, 0 before any call started.
  double fraction() const noexcept {
    const std::uint64_t t = total.load(std::memory_order_relaxed);
    return t == 0 ? 0.0 : static_cast<double>(done.load(std::memory_order_relaxed)) / static_cast<double>(t);
  }
};

}  // namespace volley
