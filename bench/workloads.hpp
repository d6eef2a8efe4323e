#pragma once
// The workloads volley-bench times: each run gives one Row.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "bench/report.hpp"
#include "volley/run_options.hpp"

namespace volley::bench {

/// How to run one measurement: on the reference (plain C++) or on a target and thread count.
struct Variant {
  std::string name;     ///< the Row's variant
  bool reference;       ///< the plain scalar oracle (target and threads ignored)
  std::string target;   ///< "best" or a target name
  unsigned threads;     ///< 0: the default policy
  PrimeMethod method = PrimeMethod::Auto;  ///< for the prime counts and lists
};

/// The names of the prime methods on the command line, in PrimeMethod's order.
std::vector<std::string> method_names();
/// The method of a name from method_names(); throws UsageError for any other.
PrimeMethod parse_method(const std::string& name);
std::string method_name(PrimeMethod method);

/// Median of `repeats` runs of monte_carlo_pi (or its reference).
Row run_pi(std::uint64_t samples, std::uint64_t seed, const Variant& variant, int repeats);
/// Median of `repeats` runs of midpoint_pi (or its reference).
Row run_midpoint(std::uint64_t steps, const Variant& variant, int repeats);

/// Median of `repeats` runs of count_primes(from, to) (reference: the simple sieve); the row
/// names the method the plan chose.
Row run_prime_count(std::uint64_t from, std::uint64_t to, const Variant& variant, int repeats);
/// The count of [from, to) with the method the plan chooses (variant "auto") and with each
/// method forced ("sieve", "test"), run alternately; each row names the method that ran and
/// the forced rows are checked against the first.
std::vector<Row> run_prime_count_methods(std::uint64_t from, std::uint64_t to, const Variant& variant, int repeats);
/// Median of `repeats` runs of primes_in(from, to) (reference: the simple sieve); the row
/// carries the count and a checksum (sum of the primes mod 2^64) of the list.
Row run_prime_list(std::uint64_t from, std::uint64_t to, const Variant& variant, int repeats);
/// The numbers of [from, to), shuffled with a fixed seed when asked; Ctrl-C stops the making
/// of a large batch.
std::vector<std::uint64_t> batch_numbers(std::uint64_t from, std::uint64_t to, bool shuffle);
/// Median of `repeats` runs of the batch is_prime over `numbers` (reference: trial division).
Row run_is_prime_batch(const std::vector<std::uint64_t>& numbers, const Variant& variant, int repeats);
/// Whether this build can time primesieve, the comparison peer.
bool have_primesieve();
/// run_prime_count of `variant` (not the reference) and primesieve's count of [from, to) on
/// the same thread count, run alternately so that both see the same machine load.
std::pair<Row, Row> run_prime_count_vs_primesieve(std::uint64_t from, std::uint64_t to, const Variant& variant,
                                                  int repeats);

/// The default table's variants: reference, the fallback (scalar) target, best target on one thread, best
/// target on `threads` threads (0: default policy). `target` replaces "best" when given.
std::vector<Variant> standard_variants(const std::string& target, unsigned threads);
/// One variant per GPU present ("gpu", target "cuda:N"); none without a GPU.
std::vector<Variant> gpu_variants();

/// Marks `row` "ok" or "MISMATCH" against its workload's reference row among `rows`, if any.
void check_against_reference(const std::vector<Row>& rows, Row& row);

}  // namespace volley::bench
