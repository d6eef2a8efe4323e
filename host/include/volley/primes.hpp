#pragma once
// Prime numbers over half-open ranges [from, to) of unsigned 64-bit integers; valid up to
// to = 2^64 - 1 with no overflow anywhere.
//
// count_primes, primes_in and for_each_prime use a segmented sieve of Eratosthenes on a
// mod-30 wheel (one byte per 30 integers), split over threads in fixed chunks; short ranges
// far from 0, where setting up the sieve costs more than it saves, are tested number by
// number instead (chosen by a cost model: see plan_primes). Results are identical for every
// thread count, target and method. is_prime uses a deterministic Miller-Rabin test
// (Montgomery arithmetic) after trial division; it is exact for every 64-bit input.
//
// With RunOptions::target "cuda" or "cuda:N", count_primes, primes_in, for_each_prime and
// plan_primes run on that GPU (volley/gpu.hpp), with the same answers: a segmented sieve in
// the GPU's shared memory, or, for short ranges far from 0, a Miller-Rabin test of each wheel
// candidate, chosen by a cost model (opts.prime_method forces either); never on the CPU. Its
// memory: 9 bytes for each sieving prime from 2^17 to sqrt(to) (up to ~1.8 GB near 2^64) and
// one wave of sieve (up to 1 GiB for counts, 16 MiB plus its primes for lists), within half
// the GPU's free memory: the waves narrow to fit, and when even the sieving primes do not,
// the call throws std::runtime_error saying how much it needs and how much is free.
// doc/ALGORITHMS.md describes the algorithms.
#include "volley/contract/cxx20.hpp"
#include "volley/export.hpp"

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "volley/run_options.hpp"

namespace volley {

/// Largest list primes_in returns (about 800 MB of results); a larger list is an error.
inline constexpr std::uint64_t kMaxListedPrimes = std::uint64_t{100'000'000};

/// Whether n is prime. Exact for all 64-bit n; O(log n) multiplications.
VOLLEY_API bool is_prime(std::uint64_t n) noexcept;

/// flags[i] = is_prime(numbers[i]) for every i, spread over threads. Throws
/// std::invalid_argument when the spans differ in size.
VOLLEY_API void is_prime(std::span<const std::uint64_t> numbers, std::span<std::uint8_t> flags, const RunOptions& opts = {});

/// Number of primes p with from <= p < to. Memory: the sieving primes up to sqrt(to) (4 bytes
/// each), and per thread a segment and up to 16 bytes per sieving prime that hits its run.
/// Throws std::invalid_argument when from > to.
VOLLEY_API std::uint64_t count_primes(std::uint64_t from, std::uint64_t to, const RunOptions& opts = {});

/// The primes in [from, to), ascending. Throws std::invalid_argument when from > to, or once
/// it finds more than kMaxListedPrimes primes in the range (use for_each_prime instead).
VOLLEY_API std::vector<std::uint64_t> primes_in(std::uint64_t from, std::uint64_t to, const RunOptions& opts = {});

/// How count_primes(from, to, opts) would process the range, with the cost model's
/// estimates for both methods.
struct PrimePlan {
  PrimeMethod method;           ///< Sieve or TestEach, never Auto
  std::uint64_t chunks;         ///< fixed pieces of the range, independent of the thread count (GPU: segments)
  std::uint64_t runs;           ///< groups of consecutive chunks, each sieved in one pass (GPU: waves)
  std::uint64_t sieving_limit;  ///< the sieve crosses off the primes up to this; 0 when testing
  double sieve_seconds;         ///< estimated time to sieve the range on opts.threads threads
  double test_seconds;          ///< estimated time to test its numbers one by one
};

/// The plan of count_primes(from, to, opts): arithmetic only, no sieving. Throws
/// std::invalid_argument when from > to or for bad options.
VOLLEY_API PrimePlan plan_primes(std::uint64_t from, std::uint64_t to, const RunOptions& opts = {});

/// Calls fn(p) for each prime in [from, to) in ascending order, on the calling thread,
/// without storing them all: waves of chunks are sieved on opts.threads threads into wheel
/// bytes (one bit per number coprime to 30), and each wave is read out to fn before the next
/// one is sieved. Memory besides the sieving primes: at most 2 chunks of 16 MiB of wheel
/// bytes per thread (2 x 16 x the segment size: see doc/ALGORITHMS.md), whatever the range.
/// An exception from fn stops the call and propagates.
VOLLEY_API void for_each_prime(std::uint64_t from, std::uint64_t to, const std::function<void(std::uint64_t)>& fn,
                    const RunOptions& opts = {});

/// Plain references for the tests: trial division (the tutorials' check) and a simple
/// unsegmented sieve of [from, to) with to <= 2^32.
VOLLEY_API bool is_prime_trial_division(std::uint64_t n) noexcept;
VOLLEY_API std::vector<std::uint64_t> primes_in_reference(std::uint64_t from, std::uint64_t to);

}  // namespace volley
