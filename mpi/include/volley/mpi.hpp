#pragma once
// volley over MPI: the workloads spread over the ranks of a communicator, each rank running
// its part on its own threads (RunOptions, as in one process; CPU targets only). Ranks take
// fixed runs of the single-process layout's blocks (a prime range: runs dealt as ranks ask), and
// their exact partial results (hits and counts as integers, the midpoint rule's 128-bit
// scaled sum, map_reduce's block results) are combined in block order before the one final
// rounding, so the results are bit for bit one process's for any ranks and threads per rank.
//
// Every rank of `comm` must make the same call with the same arguments; every rank gets the
// result. Bad arguments throw std::invalid_argument on every rank, before any communication.
// When the work throws on some ranks (an exception from fn, a stop), the ranks agree on it
// before exchanging results: those ranks rethrow their exception, the others throw
// std::runtime_error naming the lowest failing rank and its message; no rank is left waiting.
// Present only in builds with MPI (VOLLEY_MPI); link volley::mpi.
#include "volley/contract/cxx20.hpp"
#include "volley/mpi_export.hpp"

#include <mpi.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>
#include <ranges>
#include <string>
#include <type_traits>
#include <vector>

#include "volley/monte_carlo.hpp"
#include "volley/pool.hpp"
#include "volley/run_options.hpp"

namespace volley::mpi {

/// monte_carlo_pi(samples, seed, opts) over the ranks of comm.
VOLLEY_MPI_API MonteCarloResult monte_carlo_pi(MPI_Comm comm, std::uint64_t samples, std::uint64_t seed, const RunOptions& opts = {});

/// midpoint_pi(steps, opts) over the ranks of comm.
VOLLEY_MPI_API double midpoint_pi(MPI_Comm comm, std::uint64_t steps, const RunOptions& opts = {});

/// count_primes(from, to, opts) over the ranks of comm. The range is cut into runs once (as
/// rank 0 plans it for all ranks' threads), and the runs are dealt to the ranks as they ask,
/// through an atomic counter on rank 0 (MPI one-sided), so the irregular cost of ranges far
/// from 0 balances itself; counts are integers, so the sum is the same whoever counted what.
VOLLEY_MPI_API std::uint64_t count_primes(MPI_Comm comm, std::uint64_t from, std::uint64_t to, const RunOptions& opts = {});

namespace detail {
/// This rank's blocks [first, last) of n: rank r of R takes [n r / R, n (r + 1) / R).
struct Share {
  std::uint64_t first, last;
};
VOLLEY_MPI_API Share share_of(MPI_Comm comm, std::uint64_t n);
/// Runs `work` (which stores its result) on this rank, then agrees with every rank on whether
/// all succeeded: rethrows this rank's exception, or throws for another rank's.
VOLLEY_MPI_API void on_every_rank(MPI_Comm comm, const std::function<void()>& work);
/// Rank `root`'s `text` (its first 4096 bytes: a message, not data) on every rank.
VOLLEY_MPI_API std::string broadcast_text(MPI_Comm comm, std::string text, int root);
/// Every rank's `bytes` (in rank order) on every rank.
VOLLEY_MPI_API std::vector<unsigned char> all_bytes(MPI_Comm comm, const std::vector<unsigned char>& bytes);
}  // namespace detail

/// Pool::map_reduce(n, fn, reduce, init) over the ranks of comm, with the same result: the
/// same reduction blocks (computed on the ranks that own them, on opts.threads threads), folded
/// in block order after init on every rank. T must be trivially copyable (it crosses ranks as bytes).
template <typename Fn, typename Reduce, typename T>
T map_reduce(MPI_Comm comm, std::size_t n, Fn&& fn, Reduce&& reduce, T init, const RunOptions& opts = {}) {
  static_assert(std::is_trivially_copyable_v<T>, "volley::mpi::map_reduce: T must be trivially copyable");
  const std::size_t block = volley::detail::reduction_block(n);
  const detail::Share share = detail::share_of(comm, contract::ceil_div(n, block));
  std::vector<unsigned char> mine((share.last - share.first) * sizeof(T));
  detail::on_every_rank(comm, [&] {
    const std::vector<T> partials = Pool(opts.threads).map(
        [&](std::size_t b) { return volley::detail::fold_block<T>(n, block, b, fn, reduce, opts.stop); },
        std::views::iota(std::size_t{share.first}, std::size_t{share.last}), {.stop = opts.stop});
    if (!partials.empty()) std::memcpy(mine.data(), partials.data(), mine.size());
  });
  const std::vector<unsigned char> all = detail::all_bytes(comm, mine);
  for (std::size_t at = 0; at < all.size(); at += sizeof(T)) {
    T partial;
    std::memcpy(&partial, all.data() + at, sizeof(T));
    init = reduce(std::move(init), std::move(partial));
  }
  return init;
}

}  // namespace volley::mpi
