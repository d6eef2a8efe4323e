#include "volley/mpi.hpp"

#include <algorithm>
#include <exception>
#include <stdexcept>
#include <string>

#include "host/src/partial_sums.hpp"
#include "mpi/src/run_counter.hpp"
#include "volley/contract/integer.hpp"
#include "volley/primes.hpp"
#include "volley/run_options.hpp"

namespace volley::mpi {
namespace {

using contract::u128;

int rank_of(MPI_Comm comm) {
  int rank = 0;
  MPI_Comm_rank(comm, &rank);
  return rank;
}
int size_of(MPI_Comm comm) {
  int size = 1;
  MPI_Comm_size(comm, &size);
  return size;
}

std::uint64_t sum(MPI_Comm comm, std::uint64_t part) {
  std::uint64_t total = 0;
  MPI_Allreduce(&part, &total, 1, MPI_UINT64_T, MPI_SUM, comm);
  return total;
}

// MPI has no 128-bit sum: every rank gathers every part (as two words) and adds them.
u128 sum(MPI_Comm comm, u128 part) {
  const std::uint64_t words[2] = {static_cast<std::uint64_t>(part), static_cast<std::uint64_t>(part >> 64)};
  std::vector<std::uint64_t> all(2 * static_cast<std::size_t>(size_of(comm)));
  MPI_Allgather(words, 2, MPI_UINT64_T, all.data(), 2, MPI_UINT64_T, comm);
  u128 total = 0;
  for (std::size_t r = 0; r < all.size(); r += 2) total += static_cast<u128>(all[r + 1]) << 64 | all[r];
  return total;
}

std::string what_of(const std::exception_ptr& error) {
  try {
    std::rethrow_exception(error);
  } catch (const std::exception& e) {
    return e.what();
  } catch (...) {
    return "an exception that is not a std::exception";
  }
}

// This rank's part of the work, computed where every rank agrees on its success.
template <typename T, typename Work>
T agreed(MPI_Comm comm, Work&& work) {
  T part{};
  detail::on_every_rank(comm, [&] { part = work(); });
  return part;
}

}  // namespace

detail::Share detail::share_of(MPI_Comm comm, std::uint64_t n) {
  const auto size = static_cast<unsigned>(size_of(comm)), rank = static_cast<unsigned>(rank_of(comm));
  const auto at = [&](unsigned r) { return static_cast<std::uint64_t>(static_cast<u128>(n) * r / size); };
  return {at(rank), at(rank + 1)};
}

void detail::on_every_rank(MPI_Comm comm, const std::function<void()>& work) {
  std::exception_ptr error;
  try {
    work();
  } catch (...) {
    error = std::current_exception();
  }
  const int size = size_of(comm), rank = rank_of(comm), mine = error ? rank : size;
  int lowest = size;
  MPI_Allreduce(&mine, &lowest, 1, MPI_INT, MPI_MIN, comm);
  if (lowest == size) return;
  // The lowest failing rank tells the others why.
  const std::string why = detail::broadcast_text(comm, rank == lowest ? what_of(error) : std::string(), lowest);
  if (error) std::rethrow_exception(error);
  throw std::runtime_error("volley::mpi: rank " + std::to_string(lowest) + " failed: " + why);
}

std::string detail::broadcast_text(MPI_Comm comm, std::string text, int root) {
  auto length = static_cast<int>(std::min<std::size_t>(text.size(), 4096));
  MPI_Bcast(&length, 1, MPI_INT, root, comm);
  text.resize(static_cast<std::size_t>(length));
  MPI_Bcast(text.data(), length, MPI_CHAR, root, comm);
  return text;
}

std::vector<unsigned char> detail::all_bytes(MPI_Comm comm, const std::vector<unsigned char>& bytes) {
  const int size = size_of(comm), mine = static_cast<int>(bytes.size());
  std::vector<int> counts(static_cast<std::size_t>(size)), offsets(static_cast<std::size_t>(size));
  MPI_Allgather(&mine, 1, MPI_INT, counts.data(), 1, MPI_INT, comm);
  int total = 0;
  for (int r = 0; r < size; ++r) {
    offsets[static_cast<std::size_t>(r)] = total;
    total += counts[static_cast<std::size_t>(r)];
  }
  std::vector<unsigned char> all(static_cast<std::size_t>(total));
  MPI_Allgatherv(bytes.data(), mine, MPI_UNSIGNED_CHAR, all.data(), counts.data(), offsets.data(), MPI_UNSIGNED_CHAR,
                 comm);
  return all;
}

MonteCarloResult monte_carlo_pi(MPI_Comm comm, std::uint64_t samples, std::uint64_t seed, const RunOptions& opts) {
  const detail::Share share = detail::share_of(comm, volley::detail::monte_carlo_blocks(samples));
  const auto hits = agreed<std::uint64_t>(
      comm, [&] { return volley::detail::monte_carlo_hits(samples, seed, share.first, share.last, opts); });
  return volley::detail::monte_carlo_result(sum(comm, hits), samples);
}

double midpoint_pi(MPI_Comm comm, std::uint64_t steps, const RunOptions& opts) {
  const detail::Share share = detail::share_of(comm, volley::detail::midpoint_blocks(steps));
  const auto part =
      agreed<u128>(comm, [&] { return volley::detail::midpoint_sum(steps, share.first, share.last, opts); });
  return volley::detail::midpoint_finish(sum(comm, part), steps);
}

std::uint64_t count_primes(MPI_Comm comm, std::uint64_t from, std::uint64_t to, const RunOptions& opts) {
  const unsigned threads = resolve_threads(opts);
  volley::detail::RangeQuery query = volley::detail::prime_count_query(from, to, threads, opts);
  if (size_of(comm) == 1) return volley::count_primes(from, to, opts);  // nothing to deal
  query.threads = static_cast<unsigned>(sum(comm, std::uint64_t{threads}));  // planned for every rank's threads
  MPI_Bcast(&query, sizeof query, MPI_BYTE, 0, comm);  // every rank cuts the range as rank 0 does
  detail::RunCounter counter(comm);
  const auto part = agreed<std::uint64_t>(comm, [&] {
    return volley::detail::count_dealt_runs(query, opts, [&](std::uint64_t k) { return counter.take(k); });
  });
  return sum(comm, part) + volley::detail::count_table_primes(from, to);
}

}  // namespace volley::mpi
