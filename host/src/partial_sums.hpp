#pragma once
// The workloads' exact partial results over a range of their fixed blocks, and the one step
// that turns the whole sum into the answer: the single-process calls are these over all
// blocks, and the MPI calls (mpi/) add the ranks' parts, so every split gives the same bits.
#include <cstdint>

#include "volley/contract/integer.hpp"
#include "volley/monte_carlo.hpp"
#include "volley/run_options.hpp"

namespace volley::detail {

/// Blocks of a Monte Carlo run of `samples` darts (throws std::invalid_argument for 0).
std::uint64_t monte_carlo_blocks(std::uint64_t samples);
/// Hits in blocks [first, last) of the run, on the CPU (opts.target a CPU target).
std::uint64_t monte_carlo_hits(std::uint64_t samples, std::uint64_t seed, std::uint64_t first, std::uint64_t last,
                               const RunOptions& opts);
MonteCarloResult monte_carlo_result(std::uint64_t hits, std::uint64_t samples);

/// Blocks of a midpoint rule of `steps` steps (throws std::invalid_argument for 0 or too many).
std::uint64_t midpoint_blocks(std::uint64_t steps);
/// The exact scaled sum of blocks [first, last) of the rule, on the CPU.
contract::u128 midpoint_sum(std::uint64_t steps, std::uint64_t first, std::uint64_t last, const RunOptions& opts);
/// pi from the whole rule's exact sum, rounded once.
double midpoint_finish(contract::u128 scaled_sum, std::uint64_t steps);

}  // namespace volley::detail
