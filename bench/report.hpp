#pragma once
// Result lines of volley-bench and their two renderings: a text table and JSON lines.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace volley::bench {

struct Row {
  std::string workload;  ///< "pi", "quad"
  std::string variant;   ///< "reference", "scalar", "simd", "simd+threads"
  std::string target;    ///< ISA target name, "reference" for the plain C++ oracle
  unsigned threads = 1;
  double seconds = 0;    ///< median over the repeats
  std::uint64_t items = 0;  ///< samples or steps
  std::string result;    ///< the answer, for people
  std::string check;     ///< "ok" or "MISMATCH" against the reference, "" when not checked
  nlohmann::json fields = nlohmann::json::object();  ///< the answer, for scripts
};

/// One JSON object: workload, variant, target, threads, seconds, then the result fields.
nlohmann::json to_json(const Row& row);

/// The side-by-side table. Speedups of each workload: against its "scalar" row (the fallback
/// target on one thread), for "simd+threads" against its "simd" row (one thread), and
/// against its "primesieve" row where there is one (above 1x: faster than the peer).
void print_table(const std::vector<Row>& rows);

}  // namespace volley::bench
