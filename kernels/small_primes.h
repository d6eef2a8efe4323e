#pragma once
// The one generator of small-prime tables: a plain sieve of Eratosthenes, run at compile
// time (into arrays) as well as at run time (into vectors). The pre-sieve's primes above 41
// (paired into patterns), the table of primes below the sieved range, the trial divisors of
// Miller-Rabin, the sieve's own first sieving primes and the reference sieve come from it.
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace volley::kernels {

/// Calls emit(n) for each prime n in [from, to), ascending, sieving with composite[0, to)
/// (all false on entry).
template <typename Flags, typename Emit>
constexpr void sieve_of_eratosthenes(Flags& composite, std::uint64_t from, std::uint64_t to, Emit&& emit) {
  for (std::uint64_t n = 2; n < to; ++n) {
    if (composite[n]) continue;
    if (n >= from) emit(n);
    for (std::uint64_t m = n * n; m < to; m += n) composite[m] = true;
  }
}

/// The primes in [from, to), ascending. O(to) time and memory.
template <typename T = std::uint32_t>
std::vector<T> plain_sieve(std::uint64_t from, std::uint64_t to) {
  std::vector<std::uint8_t> composite(to);
  std::vector<T> primes;
  sieve_of_eratosthenes(composite, from, to, [&](std::uint64_t p) { primes.push_back(static_cast<T>(p)); });
  return primes;
}

/// The primes below Limit as an array made at compile time (hidden by name: GCC exports
/// variable templates' instances from a shared library despite -fvisibility=hidden).
template <std::uint32_t Limit>
[[gnu::visibility("hidden")]] inline constexpr auto kPrimesBelow = [] {
  constexpr std::size_t kCount = [] {
    std::array<bool, Limit> composite{};
    std::size_t count = 0;
    sieve_of_eratosthenes(composite, 0, Limit, [&](std::uint64_t) { ++count; });
    return count;
  }();
  std::array<bool, Limit> composite{};
  std::array<std::uint32_t, kCount> table{};
  std::size_t k = 0;
  sieve_of_eratosthenes(composite, 0, Limit, [&](std::uint64_t p) { table[k++] = static_cast<std::uint32_t>(p); });
  return table;
}();

}  // namespace volley::kernels
