#pragma once
// Result rows of volley-bench and their renderings: a text table, JSON lines and CSV, all
// with the same fields (the schema in the README's "Output" section).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bench/timing.hpp"

namespace volley::bench {

struct Row {
  std::string workload;  ///< "pi", "midpoint", "count", "list", "is-prime"
  std::string variant;   ///< "reference", "scalar", "simd", "simd+threads", "gpu", "primesieve", "python", ...
  std::string target;    ///< ISA target name or "cuda:N", "reference" for the plain C++ oracle
  unsigned ranks = 1;    ///< MPI ranks the run was spread over
  unsigned threads = 1;  ///< per rank
  std::uint64_t size = 0;  ///< the problem's items: darts, steps, numbers of the range or batch
  nlohmann::json result;   ///< the answer as one number: the estimate, or the count of primes
  std::string shown;       ///< the answer for people (the table)
  std::string check;       ///< "ok" or "MISMATCH" against the reference, "" when not checked
  Seconds seconds;         ///< over the repeats
  nlohmann::json detail = nlohmann::json::object();  ///< the workload's own facts: seed, hits, range, method, ...
};

/// How many times faster per item a row is than the rows it is compared with (as the table
/// shows them): its workload's "scalar" row (the fallback target on one thread), for
/// "simd+threads" and "gpu" its "simd" row (one thread), for "gpu" its "simd+threads" row
/// (all cores), its "primesieve" row and its "python" row (the tutorial's own code). Empty
/// where there is no such row, and for the peer's and Python's rows, which are the yardsticks.
struct Speedups {
  std::optional<double> vs_scalar, vs_1_thread, vs_cores, vs_peer, vs_python;
};
Speedups speedups(const std::vector<Row>& rows, const Row& row);

/// The row as one JSON object: every field of the schema, speedups null where empty.
nlohmann::json to_json(const Row& row, const Speedups& vs);

/// The rows as CSV with the JSON's fields as columns, in its order, quoted as RFC 4180 asks,
/// written through a temporary file so that `path` is never left half-written. Throws on I/O
/// errors.
void write_csv(const std::vector<Row>& rows, const std::string& path);

/// The side-by-side table, printed a row at a time: its header, then each row with its
/// speedups over the rows given.
void print_table_header();
void print_table_row(const std::vector<Row>& rows, const Row& row);

}  // namespace volley::bench
