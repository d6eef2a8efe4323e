#include "kernels/gpu_sieve_tables.h"

#include <algorithm>
#include <stdexcept>

#include "kernels/small_primes.h"

namespace volley::kernels::gpu {
namespace {

constexpr std::uint64_t kMaxPeriod = std::uint64_t{1} << 16;

// Pattern bytes [0, period + kSegmentBytes) of a group: 30k + r_j is cleared when one of the
// group's primes divides it.
void append_pattern(PreSieveTable& table, const std::vector<std::uint32_t>& group, std::uint32_t period) {
  table.groups.push_back({static_cast<std::uint32_t>(table.bytes.size()), period, reciprocal(period)});
  for (std::uint64_t k = 0; k < std::uint64_t{period} + kSegmentBytes; ++k) {
    std::uint8_t byte = 0xFF;
    for (unsigned j = 0; j < 8; ++j)
      for (const std::uint32_t p : group)
        if ((30 * k + wheel_residue(j)) % p == 0) byte &= static_cast<std::uint8_t>(~(1u << j));
    table.bytes.push_back(byte);
  }
}

PreSieveTable make_presieve_table() {
  PreSieveTable table;
  std::vector<std::uint32_t> group;
  std::uint64_t period = 1;
  for (const std::uint32_t p : plain_sieve(7, kPreSieveLargest + 1)) {
    if (period * p >= kMaxPeriod) {
      append_pattern(table, group, static_cast<std::uint32_t>(period));
      group.clear();
      period = 1;
    }
    group.push_back(p);
    period *= p;
  }
  append_pattern(table, group, static_cast<std::uint32_t>(period));
  if (table.groups.size() > kMaxPreSieveGroups) throw std::logic_error("presieve_table: too many pattern groups");
  return table;
}

}  // namespace

const PreSieveTable& presieve_table() {
  static const PreSieveTable table = make_presieve_table();
  return table;
}

std::vector<SmallPrime> small_sieving_primes(std::uint32_t limit) {
  if (limit >= kLargePrimesFrom) throw std::logic_error("small_sieving_primes: limit must be below kLargePrimesFrom");
  std::vector<SmallPrime> out;
  for (const std::uint32_t p : plain_sieve(kPreSieveLargest + 1, std::uint64_t{limit} + 1))
    out.push_back({p, reciprocal(p)});
  return out;
}

void set_presieve(WaveLaunch& launch, const PreSieveTable& table, const std::uint8_t* device_bytes) {
  launch.patterns = device_bytes;
  launch.group_count = static_cast<unsigned>(table.groups.size());
  std::copy(table.groups.begin(), table.groups.end(), launch.groups);
}

}  // namespace volley::kernels::gpu
