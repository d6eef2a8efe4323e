#pragma once
// Monte Carlo pi kernels: hits in one block of the stream layout of
// volley/contract/monte_carlo_stream.hpp.
#include <cstdint>

namespace volley::kernels {

/// Hits among the first `samples` (<= kMonteCarloBlock) darts of block `block`, on `target`.
std::uint64_t monte_carlo_block_hits(std::int64_t target, std::uint64_t seed, std::uint64_t block,
                                     std::uint64_t samples);

/// The same count, one dart at a time in plain C++ (the oracle).
std::uint64_t monte_carlo_block_hits_reference(std::uint64_t seed, std::uint64_t block,
                                               std::uint64_t samples);

}  // namespace volley::kernels
