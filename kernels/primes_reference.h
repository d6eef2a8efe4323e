#pragma once
// The plain oracles of the prime workloads.
#include <cstdint>
#include <vector>

namespace volley::kernels {

/// Whether n is prime, by trial division with odd divisors up to sqrt(n): the tutorials' test.
bool is_prime_trial_division(std::uint64_t n) noexcept;

/// The primes in [from, to), from a plain unsegmented sieve of [0, to): O(to) memory.
std::vector<std::uint64_t> primes_in_reference(std::uint64_t from, std::uint64_t to);

}  // namespace volley::kernels
