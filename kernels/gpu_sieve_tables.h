#pragma once
// The tables the GPU prime sieve uploads, made on the host: the pre-sieve patterns and the
// small sieving primes with their reciprocals.
#include <cstdint>
#include <vector>

#include "kernels/gpu_sieve_work.h"

namespace volley::kernels::gpu {

struct PreSieveTable {
  std::vector<std::uint8_t> bytes;
  std::vector<PreSieveGroup> groups;  ///< at most kMaxPreSieveGroups
};

/// The patterns of the primes 7 .. kPreSieveLargest, in groups whose product stays below
/// 2^16 (a few patterns, together about 250 KB: they stay in the GPU's L2 cache).
const PreSieveTable& presieve_table();

/// The primes in (kPreSieveLargest, limit] with limit < kLargePrimesFrom, ascending, with
/// their reciprocals.
std::vector<SmallPrime> small_sieving_primes(std::uint32_t limit);

/// Copies the table's groups into a launch.
void set_presieve(WaveLaunch& launch, const PreSieveTable& table, const std::uint8_t* device_bytes);

}  // namespace volley::kernels::gpu
