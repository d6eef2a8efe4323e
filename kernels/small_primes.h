#pragma once
// The one generator of small-prime tables: a plain sieve of Eratosthenes that runs at compile
// time (constexpr) as well as at run time. The pre-sieve's primes, the table of primes below
// the sieved range, the trial divisors of Miller-Rabin, the sieve's own first sieving primes
// and the reference sieve all come from it.
#include <array>
#include <cstdint>
#include <vector>

namespace volley::kernels {

/// The primes in [from, to), ascending, from a plain sieve of [0, to). O(to) time and memory.
template <typename T = std::uint32_t>
constexpr std::vector<T> plain_sieve(std::uint64_t from, std::uint64_t to) {
  std::vector<std::uint8_t> composite(to);
  std::vector<T> primes;
  for (std::uint64_t n = 2; n < to; ++n) {
    if (composite[n]) continue;
    if (n >= from) primes.push_back(static_cast<T>(n));
    for (std::uint64_t m = n * n; m < to; m += n) composite[m] = 1;
  }
  return primes;
}

/// The primes below Limit as an array made at compile time.
template <std::uint32_t Limit>
inline constexpr auto kPrimesBelow = [] {
  std::array<std::uint32_t, plain_sieve(0, Limit).size()> table{};
  const auto primes = plain_sieve(0, Limit);
  for (std::size_t i = 0; i < table.size(); ++i) table[i] = primes[i];
  return table;
}();

}  // namespace volley::kernels
