#pragma once
// The workloads' exact partial results over a range of their fixed blocks, and the one step
// that turns the whole sum into the answer: the single-process calls are these over all
// blocks, and the MPI calls (mpi/) add the ranks' parts, so every split gives the same bits.
#include <cstdint>
#include <functional>

#include "host/src/range_plan.hpp"
#include "volley/contract/integer.hpp"
#include "volley/export.hpp"
#include "volley/monte_carlo.hpp"
#include "volley/run_options.hpp"

namespace volley::detail {

/// Blocks of a Monte Carlo run of `samples` darts (throws std::invalid_argument for 0).
VOLLEY_API std::uint64_t monte_carlo_blocks(std::uint64_t samples);
/// Hits in blocks [first, last) of the run, on the CPU (opts.target a CPU target).
VOLLEY_API std::uint64_t monte_carlo_hits(std::uint64_t samples, std::uint64_t seed, std::uint64_t first, std::uint64_t last,
                               const RunOptions& opts);
VOLLEY_API MonteCarloResult monte_carlo_result(std::uint64_t hits, std::uint64_t samples);

/// Blocks of a midpoint rule of `steps` steps (throws std::invalid_argument for 0 or too many).
VOLLEY_API std::uint64_t midpoint_blocks(std::uint64_t steps);
/// The exact scaled sum of blocks [first, last) of the rule, on the CPU.
VOLLEY_API contract::u128 midpoint_sum(std::uint64_t steps, std::uint64_t first, std::uint64_t last, const RunOptions& opts);
/// pi from the whole rule's exact sum, rounded once.
VOLLEY_API double midpoint_finish(contract::u128 scaled_sum, std::uint64_t steps);

/// The plan query for counting the primes of [from, to) on `workers` threads in all, with this
/// machine's caches (throws std::invalid_argument for from > to or a target that is not a CPU's).
VOLLEY_API RangeQuery prime_count_query(std::uint64_t from, std::uint64_t to, unsigned workers, const RunOptions& opts);
/// Hands its caller the first of the next k runs of a plan (none are left once that is past
/// the plan's last run).
using RunDealer = std::function<std::uint64_t(std::uint64_t k)>;
/// The primes in the runs of plan_range(query) that `take` deals this caller, a run per thread
/// at a time, on opts.threads threads; the numbers below kFirstSieved are left to
/// count_table_primes. Callers that share the runs pass the same query.
VOLLEY_API std::uint64_t count_dealt_runs(const RangeQuery& query, const RunOptions& opts, const RunDealer& take);
/// The primes of [from, to) below kFirstSieved.
VOLLEY_API std::uint64_t count_table_primes(std::uint64_t from, std::uint64_t to);

}  // namespace volley::detail
