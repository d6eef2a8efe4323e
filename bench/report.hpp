#pragma once
// Result lines of volley-bench and their two renderings: a text table and JSON lines.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace volley::bench {

struct Row {
  std::string workload;  ///< "pi", "midpoint", "primes", ...
  std::string variant;   ///< "reference", "scalar", "simd", "simd+threads", "gpu"
  std::string target;    ///< ISA target name or "cuda:N", "reference" for the plain C++ oracle
  unsigned ranks = 1;    ///< MPI ranks the run was spread over
  unsigned threads = 1;  ///< per rank
  double seconds = 0;    ///< median over the repeats
  std::uint64_t items = 0;  ///< samples or steps
  std::string result;    ///< the answer, for people
  std::string check;     ///< "ok" or "MISMATCH" against the reference, "" when not checked
  nlohmann::json fields = nlohmann::json::object();  ///< the answer, for scripts
};

/// One JSON object: workload, variant, target, ranks, threads, seconds, then the result fields.
nlohmann::json to_json(const Row& row);

/// The rows as CSV (workload, variant, target, ranks, threads, seconds, items, result, check), written
/// through a temporary file so that `path` is never left half-written. Throws on I/O errors.
void write_csv(const std::vector<Row>& rows, const std::string& path);

/// The side-by-side table, printed a row at a time: its header, then each row with its
/// per-item speedups over the rows given: against its workload's "scalar" row (the fallback
/// target on one thread), for "simd+threads" and "gpu" against its "simd" row (one thread),
/// for "gpu" against its "simd+threads" row (all cores), against its "primesieve" row and its
/// "python" row (the tutorial's own code) where present.
void print_table_header();
void print_table_row(const std::vector<Row>& rows, const Row& row);

}  // namespace volley::bench
